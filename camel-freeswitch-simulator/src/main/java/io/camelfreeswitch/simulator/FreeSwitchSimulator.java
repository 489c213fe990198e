package io.camelfreeswitch.simulator;

import io.camelfreeswitch.simulator.internal.EslTransport;
import io.camelfreeswitch.simulator.internal.LedgerSink;
import io.camelfreeswitch.simulator.internal.SimChannel;
import io.camelfreeswitch.simulator.internal.SwitchCore;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * An embedded ESL server that behaves like FreeSWITCH 1.10 for what camel-freeswitch uses: inbound ESL on
 * 127.0.0.1, originate with scripted endpoints, the real event sequences, outbound-socket calls, and faults on
 * demand. Every channel it creates is recorded in its {@link #ledger()}.
 *
 * <pre>{@code
 * try (FreeSwitchSimulator sim = FreeSwitchSimulator.builder().password("ClueCon").build()) {
 *     sim.start();
 *     sim.destination("user/1001", Behaviour.answerAfter(Duration.ofMillis(300)));
 *     // connect an ESL client to 127.0.0.1:sim.port() ...
 *     sim.ledger().awaitNoLiveChannels(Duration.ofSeconds(5));
 * }
 * }</pre>
 */
public final class FreeSwitchSimulator implements AutoCloseable {

    private final String password;
    private final int requestedPort;
    private final SimulatorLedger ledger = new SimulatorLedger();
    private final SwitchCore core;
    private final EslTransport transport;
    private final SimulatorFaults faults;
    private volatile int port = -1;
    private volatile boolean closed;

    private FreeSwitchSimulator(Builder b) {
        this.password = b.password;
        this.requestedPort = b.port;
        this.core = new SwitchCore(b.password, new LedgerSink() {
            @Override
            public void created(String uuid, String destination, Instant at) {
                ledger.created(uuid, destination, at);
            }

            @Override
            public void answered(String uuid, Instant at) {
                ledger.answered(uuid, at);
            }

            @Override
            public void bridged(String uuid, Instant at) {
                ledger.bridged(uuid, at);
            }

            @Override
            public void hungUp(String uuid, Instant at, String cause, String killedBy) {
                ledger.hungUp(uuid, at, cause, killedBy);
            }

            @Override
            public void destroyed(String uuid) {
                ledger.destroyed(uuid);
            }

            @Override
            public void playbackStarted(String uuid, String media, String answerState, Instant at) {
                ledger.playbackStarted(uuid, media, answerState, at);
            }

            @Override
            public void playbackStopped(String uuid, String media, Instant at, String stoppedBy) {
                ledger.playbackStopped(uuid, media, at, stoppedBy);
            }
        }, b.reorderSeed, b.time == null ? Clock.systemUTC() : b.time.clock(),
                b.time == null ? null : b.time.scheduler());
        this.transport = new EslTransport(core);
        core.outboundConnector(transport::connectOutbound);
        this.faults = new SimulatorFaults(this, core);
        b.destinations.forEach(this::destination);
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts listening on 127.0.0.1. The first start binds the configured port (0 = ephemeral); later starts after
     * {@link #stop()} bind the same port again. Returns this.
     */
    public synchronized FreeSwitchSimulator start() {
        if (closed) {
            throw new IllegalStateException("simulator is closed");
        }
        if (transport.listening()) {
            return this;
        }
        port = transport.bind(port > 0 ? port : requestedPort);
        return this;
    }

    /**
     * Stops listening and closes every ESL connection, like a FreeSWITCH whose event socket went away. Channels
     * keep their state (and their timers) so a client can reconnect after {@link #start()} and find them.
     */
    public synchronized void stop() {
        if (!closed) {
            transport.unbind();
        }
    }

    public boolean running() {
        return transport.listening();
    }

    /** The bound port (the same across stop/start); -1 before the first start. */
    public int port() {
        return port;
    }

    public String password() {
        return password;
    }

    public String host() {
        return "127.0.0.1";
    }

    /** Declares what an endpoint does when rung, e.g. {@code destination("user/1001", Behaviour.busy())}. */
    public FreeSwitchSimulator destination(String endpoint, Behaviour behaviour) {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(behaviour, "behaviour");
        if (endpoint.isBlank() || endpoint.chars().anyMatch(c -> c == '\r' || c == '\n' || c == '{' || c == '}'
                || c == '[' || c == ']' || c == ',' || c == '|' || c == ' ')) {
            throw new IllegalArgumentException("endpoint must be a plain endpoint like user/1001, got: " + endpoint);
        }
        core.declaredDestinations().put(endpoint.trim(), behaviour);
        return this;
    }

    /** Forgets every declared destination (the sim/... and loopback/... conventions keep working). */
    public void clearDestinations() {
        core.declaredDestinations().clear();
    }

    public SimulatorLedger ledger() {
        return ledger;
    }

    public SimulatorFaults faults() {
        return faults;
    }

    /**
     * Places a call into a Camel outbound consumer: FreeSWITCH's {@code socket host:port async full}. The returned
     * call is connected asynchronously; {@link OutboundCall#connected()} completes when the TCP connection is up.
     */
    public OutboundCall placeOutboundCall(String host, int port) {
        return placeOutboundCall(host, port, Map.of());
    }

    /**
     * As {@link #placeOutboundCall(String, int)}, with caller details: {@code caller_id_number},
     * {@code caller_id_name}, {@code destination_number}, {@code uuid}, {@code context}; any other entry becomes a
     * channel variable.
     */
    public OutboundCall placeOutboundCall(String host, int port, Map<String, String> callerVariables) {
        Objects.requireNonNull(host, "host");
        if (port <= 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        if (closed) {
            throw new IllegalStateException("simulator is closed");
        }
        Map<String, String> vars = new LinkedHashMap<>(callerVariables);
        OutboundCall call = new OutboundCall(core);
        core.execute(() -> {
            SimChannel ch = core.createSocketCall(vars);
            core.applications().startSocket(ch, host + ":" + port + " async full");
            call.bind(ch);
            transport.connectOutbound(host, port, ch).whenComplete((session, failure) -> {
                if (failure != null) {
                    call.connectFailed(failure);
                    core.execute(() -> core.hangup(ch, "DESTINATION_OUT_OF_ORDER", "socket connect failed"));
                } else {
                    call.connectedNow();
                }
            });
        });
        return call;
    }

    /**
     * Waits until the simulator has nothing due to do: every command received so far handled, every event it
     * caused fired, every timer it set registered (timers not yet due aside). On a {@link VirtualTime}, call it
     * before advancing, so that what the simulator has just started has its timers set.
     *
     * @throws IllegalStateException when it is still busy after {@code timeout}
     */
    public void awaitIdle(Duration timeout) {
        try {
            core.idle().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the simulator to be idle", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the simulator was still busy after " + timeout, e);
        }
    }

    /** Hangs up every live channel (cause MANAGER_REQUEST) and waits until they are gone. */
    public void hangupAll(Duration timeout) {
        core.execute(() -> core.liveChannels().forEach(ch -> core.hangup(ch, "MANAGER_REQUEST", "hupall")));
        ledger.awaitNoLiveChannels(timeout);
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (transport.listening()) {
                transport.unbind();
            }
            core.call(() -> {
                core.liveChannels().forEach(ch -> core.hangup(ch, "SYSTEM_SHUTDOWN", "simulator closed"));
                return null;
            }).get(5, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception ignored) {
            // closing anyway
        } finally {
            transport.shutdown();
            core.shutdown();
        }
    }

    /** Configuration of a {@link FreeSwitchSimulator}. */
    public static final class Builder {
        private String password = "ClueCon";
        private int port;
        private Long reorderSeed;
        private VirtualTime time;
        private final Map<String, Behaviour> destinations = new LinkedHashMap<>();

        public Builder password(String password) {
            this.password = Objects.requireNonNull(password, "password");
            return this;
        }

        /** 0 (the default) picks an ephemeral port. */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port out of range: " + port);
            }
            this.port = port;
            return this;
        }

        /**
         * Delivers events the way a loaded FreeSWITCH sometimes does: some adjacent events swapped and
         * CHANNEL_PROGRESS before CHANNEL_CREATE. The same seed gives the same choices.
         */
        public Builder reorderEvents(long seed) {
            this.reorderSeed = seed;
            return this;
        }

        /**
         * Runs the simulator on {@code time} instead of the system clock: its event dates, its ledger and every
         * delay it counts (a behaviour's answer or reject delay, originate timeouts, applications that take time,
         * the slow-reply faults) follow that time and fire only when it is advanced. Channels still act on
         * commands at once.
         */
        public Builder time(VirtualTime time) {
            this.time = Objects.requireNonNull(time, "time");
            return this;
        }

        public Builder destination(String endpoint, Behaviour behaviour) {
            destinations.put(endpoint, behaviour);
            return this;
        }

        public FreeSwitchSimulator build() {
            return new FreeSwitchSimulator(this);
        }
    }
}
