package io.camelfreeswitch.simulator.internal;

import io.camelfreeswitch.simulator.Behaviour;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The simulated switch: channels, their state machines and the events they fire. Everything that changes state
 * runs on one scheduled thread (never a Netty event loop), which keeps the event order deterministic; scripted
 * delays are scheduled, never slept.
 */
public final class SwitchCore {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final DateTimeFormatter GMT = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ENGLISH);
    public static final String HOSTNAME = "fs-sim";

    private final ScheduledExecutorService executor;
    private final String coreUuid = UUID.randomUUID().toString();
    private final AtomicLong sequence = new AtomicLong(100);
    private final AtomicLong sessionIds = new AtomicLong();
    private final Map<String, SimChannel> channels = new LinkedHashMap<>();
    private final List<EslSession> sessions = new CopyOnWriteArrayList<>();
    private final Map<String, Behaviour> declared = new ConcurrentHashMap<>();
    private final LedgerSink ledger;
    private final Applications applications = new Applications(this);
    private final ApiCommands api = new ApiCommands(this);
    private final LoopbackSocket loopbackSocket = new LoopbackSocket(this);
    private final EventReorderer reorderer;
    private final long startedMillis = System.currentTimeMillis();
    private final String password;
    private volatile boolean refuseAuth;
    private volatile long replyDelayMillis;
    private volatile long slowEventsMillis;
    private long sessionsSinceStartup;
    private int peakSessions;

    public SwitchCore(String password, LedgerSink ledger, Long reorderSeed) {
        this.password = password;
        this.ledger = ledger;
        ScheduledThreadPoolExecutor ex = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "freeswitch-simulator-core");
            t.setDaemon(true);
            return t;
        });
        ex.setRemoveOnCancelPolicy(true);
        this.executor = ex;
        this.reorderer = reorderSeed == null ? null : new EventReorderer(new Random(reorderSeed), this::deliver, this);
    }

    // ---------------------------------------------------------------- threading

    public void execute(Runnable r) {
        try {
            executor.execute(guard(r));
        } catch (RejectedExecutionException ignored) {
            // shut down: nothing more to simulate
        }
    }

    /** Runs after the current core task: used so that replies go out before the events they cause. */
    public void later(Runnable r) {
        execute(r);
    }

    public ScheduledFuture<?> schedule(Runnable r, long delay, TimeUnit unit) {
        try {
            return executor.schedule(guard(r), delay, unit);
        } catch (RejectedExecutionException e) {
            return null;
        }
    }

    public <T> CompletableFuture<T> call(java.util.function.Supplier<T> s) {
        CompletableFuture<T> f = new CompletableFuture<>();
        execute(() -> {
            try {
                f.complete(s.get());
            } catch (RuntimeException e) {
                f.completeExceptionally(e);
            }
        });
        return f;
    }

    private static Runnable guard(Runnable r) {
        return () -> {
            try {
                r.run();
            } catch (RuntimeException e) {
                org.slf4j.LoggerFactory.getLogger(SwitchCore.class).error("simulator core task failed", e);
            }
        };
    }

    public void shutdown() {
        executor.shutdownNow();
    }

    // ---------------------------------------------------------------- configuration and faults

    public String password() {
        return password;
    }

    public boolean refusingAuth() {
        return refuseAuth;
    }

    public void refuseAuth(boolean refuse) {
        this.refuseAuth = refuse;
    }

    public long replyDelayMillis() {
        return replyDelayMillis;
    }

    public void replyDelayMillis(long millis) {
        this.replyDelayMillis = millis;
    }

    public long slowEventsMillis() {
        return slowEventsMillis;
    }

    public void slowEventsMillis(long millis) {
        this.slowEventsMillis = millis;
    }

    public Map<String, Behaviour> declaredDestinations() {
        return declared;
    }

    /** How {@code socket host:port} connects; set once the transport exists. */
    public void outboundConnector(OutboundConnector connector) {
        loopbackSocket.connector(connector);
    }

    public Applications applications() {
        return applications;
    }

    LedgerSink ledger() {
        return ledger;
    }

    public String coreUuid() {
        return coreUuid;
    }

    // ---------------------------------------------------------------- sessions

    void register(EslSession s) {
        sessions.add(s);
    }

    void unregister(EslSession s) {
        sessions.remove(s);
    }

    public List<EslSession> sessions() {
        return sessions;
    }

    public void dropAllConnections() {
        execute(() -> {
            for (EslSession s : sessions) {
                s.drop();
            }
        });
    }

    public void sendGarbage(byte[] bytes) {
        execute(() -> {
            for (EslSession s : sessions) {
                s.sendGarbage(bytes);
            }
        });
    }

    // ---------------------------------------------------------------- events

    public SimEvent baseEvent(String name, String file, String function, int line) {
        long micros = nowMicros();
        ZonedDateTime t = Instant.ofEpochMilli(micros / 1000).atZone(ZoneId.systemDefault());
        return new SimEvent().add("Event-Name", name)
                .add("Core-UUID", coreUuid)
                .add("FreeSWITCH-Hostname", HOSTNAME)
                .add("FreeSWITCH-Switchname", HOSTNAME)
                .add("FreeSWITCH-IPv4", "127.0.0.1")
                .add("FreeSWITCH-IPv6", "::1")
                .add("Event-Date-Local", LOCAL.format(t))
                .add("Event-Date-GMT", GMT.format(t.withZoneSameInstant(ZoneId.of("GMT"))))
                .add("Event-Date-Timestamp", String.valueOf(micros))
                .add("Event-Calling-File", file)
                .add("Event-Calling-Function", function)
                .add("Event-Calling-Line-Number", String.valueOf(line))
                .add("Event-Sequence", String.valueOf(sequence.incrementAndGet()));
    }

    /** Fires an event to every connection that wants it (in firing order unless the seeded reorder is on). */
    public void fire(SimEvent e) {
        if (reorderer != null) {
            reorderer.fire(e);
        } else {
            deliver(e);
        }
    }

    private void deliver(SimEvent e) {
        for (EslSession s : sessions) {
            s.offer(e);
        }
    }

    public void log(int level, String text, String file, String func, int line) {
        String stamp = LOCAL.format(ZonedDateTime.now()) + ".000000";
        String l = stamp + " 99.00% [" + Logs.name(level) + "] " + file + ":" + line + " " + text + "\n";
        for (EslSession s : sessions) {
            s.offerLog(level, l, file, func, line);
        }
    }

    public void fireBackgroundJob(String jobUuid, String command, String args, String body) {
        SimEvent e = baseEvent("BACKGROUND_JOB", "mod_event_socket.c", "api_exec", 1572)
                .add("Job-UUID", jobUuid)
                .add("Job-Command", command)
                .add("Job-Command-Arg", args)
                .body(body);
        fire(e);
    }

    /** A channel event: channel block, caller profile, variables (unless the real one omits them), extras. */
    SimEvent channelEvent(SimChannel ch, String name, String file, String func, int line, boolean withVariables,
                          String... extra) {
        SimEvent e = baseEvent(name, file, func, line);
        if (name.equals("CHANNEL_HANGUP_COMPLETE")) {
            e.add("Hangup-Cause", ch.hangupCause);
        }
        if (name.equals("CHANNEL_CALLSTATE")) {
            e.add("Original-Channel-Call-State", extra.length > 0 ? extra[0] : "DOWN");
            e.add("Channel-Call-State-Number", String.valueOf(SimChannel.callStateNumber(ch.callState)));
            extra = new String[0];
        }
        ch.writeHeaders(e, withVariables);
        for (int i = 0; i + 1 < extra.length; i += 2) {
            if (extra[i + 1] != null) {
                e.add(extra[i], extra[i + 1]);
            }
        }
        return e;
    }

    void fireChannel(SimChannel ch, String name, String file, String func, int line, boolean withVariables,
                     String... extra) {
        fire(channelEvent(ch, name, file, func, line, withVariables, extra));
    }

    void setState(SimChannel ch, String state) {
        ch.state = state;
        fireChannel(ch, "CHANNEL_STATE", "switch_channel.c", "switch_channel_perform_set_running_state", 2408, false);
    }

    void setCallState(SimChannel ch, String callState) {
        String previous = ch.callState;
        ch.callState = callState;
        fireChannel(ch, "CHANNEL_CALLSTATE", "switch_channel.c", "switch_channel_perform_set_callstate", 301, false, previous);
    }

    // ---------------------------------------------------------------- channels

    public SimChannel channel(String uuid) {
        SimChannel ch = channels.get(uuid);
        return ch != null && !ch.destroyed ? ch : null;
    }

    public Collection<SimChannel> liveChannels() {
        return new ArrayList<>(channels.values());
    }

    public long sessionsSinceStartup() {
        return sessionsSinceStartup;
    }

    public int peakSessions() {
        return peakSessions;
    }

    public long startedMillis() {
        return startedMillis;
    }

    static long nowMicros() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000L + now.getNano() / 1000;
    }

    private SimChannel newChannel(String uuid, Endpoint endpoint, boolean outbound, String channelName) {
        SimChannel ch = new SimChannel(uuid, channelName, endpoint.dialled(), endpoint.number(), endpoint.context(),
                endpoint.source(), outbound, nowMicros());
        ch.behaviour = endpoint.behaviour();
        channels.put(uuid, ch);
        sessionsSinceStartup++;
        peakSessions = Math.max(peakSessions, channels.size());
        ledger.created(uuid, endpoint.dialled(), Instant.now());
        return ch;
    }

    /** Creates an outbound leg and fires what FreeSWITCH fires up to routing; returns null when the uuid is taken. */
    SimChannel createOutboundLeg(Endpoint endpoint, Map<String, String> vars, OriginateCommand command) {
        String uuid = vars.getOrDefault("origination_uuid", UUID.randomUUID().toString()).trim();
        if (channels.containsKey(uuid)) {
            return null;
        }
        SimChannel ch = newChannel(uuid, endpoint, true, endpoint.channelName());
        ch.callerIdNumber = firstNonNull(vars.get("origination_caller_id_number"), command == null ? null : command.cidNumber(),
                "0000000000");
        ch.callerIdName = firstNonNull(vars.get("origination_caller_id_name"), command == null ? null : command.cidName(), null);
        ch.origCallerIdName = ch.callerIdName;
        ch.origCallerIdNumber = ch.callerIdNumber;
        ch.calleeIdName = firstNonNull(vars.get("origination_callee_id_name"), "Outbound Call", null);
        ch.calleeIdNumber = firstNonNull(vars.get("origination_callee_id_number"), ch.destinationNumber, null);
        ch.variables.put("direction", "outbound");
        ch.variables.put("is_outbound", "true");
        ch.variables.put("session_id", String.valueOf(sessionIds.incrementAndGet()));
        ch.variables.put("read_codec", "L16");
        ch.variables.put("read_rate", "8000");
        ch.variables.put("write_codec", "L16");
        ch.variables.put("write_rate", "8000");
        ch.variables.put("channel_name", ch.name);
        ch.variables.put("uuid", uuid);
        ch.variables.put("call_uuid", uuid);
        ch.variables.putAll(vars);
        ch.variables.put("originate_early_media", "true");
        ch.variables.put("originate_endpoint", endpoint.endpointType());
        if ("loopback".equals(endpoint.endpointType())) {
            ch.variables.put("other_loopback_leg_uuid", UUID.randomUUID().toString());
            ch.variables.put("loopback_leg", "A");
        }
        ch.state = "CS_NEW";
        fireChannel(ch, "CHANNEL_OUTGOING", "switch_core_session.c", "switch_core_session_outgoing_channel", 739, false);
        return ch;
    }

    /** Runs the endpoint's script: the first step after the current task (like FreeSWITCH's originate thread). */
    void startBehaviour(SimChannel ch) {
        later(() -> {
            if (!ch.alive()) {
                return;
            }
            Behaviour b = ch.behaviour;
            boolean rings = switch (b.kind()) {
                case ANSWER, ANSWER_THEN_HANGUP -> !b.delay().isZero();
                case NO_ANSWER -> true;
                case REJECT -> !b.delay().isZero() && !"USER_BUSY".equals(b.cause());
                default -> false;
            };
            boolean progressFirst = rings && reorderer != null && reorderer.progressBeforeCreate();
            if (progressFirst) {
                ringing(ch);
            }
            setState(ch, "CS_INIT");
            fireChannel(ch, "CHANNEL_CREATE", "switch_core_state_machine.c", "switch_core_session_run", 626, true);
            fireChannel(ch, "CHANNEL_ORIGINATE", "switch_ivr_originate.c", "switch_ivr_originate", 3940, true);
            setState(ch, "CS_ROUTING");
            setState(ch, "CS_CONSUME_MEDIA");
            if (rings && !progressFirst) {
                ringing(ch);
            }
            switch (b.kind()) {
                case ANSWER, ANSWER_THEN_HANGUP -> afterDelay(ch, b.delay(), () -> answer(ch));
                case EARLY_MEDIA_THEN_ANSWER -> {
                    earlyMedia(ch);
                    afterDelay(ch, b.delay(), () -> answer(ch));
                }
                case REJECT -> afterDelay(ch, b.delay(), () -> hangup(ch, b.cause(), "far-end"));
                case NO_ANSWER, UNREGISTERED -> {
                    // rings until killed or originate_timeout
                }
            }
            loopbackSocket.dialIfSocket(ch);
        });
    }

    private void afterDelay(SimChannel ch, java.time.Duration delay, Runnable step) {
        Runnable guarded = () -> {
            if (ch.alive()) {
                step.run();
            }
        };
        if (delay.isZero()) {
            guarded.run();
        } else {
            ScheduledFuture<?> f = schedule(guarded, delay.toNanos(), TimeUnit.NANOSECONDS);
            if (f != null) {
                ch.timers.add(f);
            }
        }
    }

    void ringing(SimChannel ch) {
        if (ch.progressMicros != 0) {
            return;
        }
        ch.progressMicros = nowMicros();
        ch.variables.put("endpoint_disposition", "RINGING");
        fireChannel(ch, "CHANNEL_PROGRESS", "switch_channel.c", "switch_channel_perform_mark_ring_ready_value", 1117, true);
        setCallState(ch, "RINGING");
    }

    void earlyMedia(SimChannel ch) {
        if (ch.progressMediaMicros != 0 || ch.answered()) {
            return;
        }
        ch.progressMediaMicros = nowMicros();
        ch.answerState = "early";
        ch.variables.put("endpoint_disposition", "EARLY MEDIA");
        fireChannel(ch, "CHANNEL_PROGRESS_MEDIA", "switch_channel.c", "switch_channel_perform_mark_pre_answered", 3672, true);
        ch.flipCallerIdOnAnswer();
        setCallState(ch, "EARLY");
        if (ch.job != null) {
            ch.job.earlyMedia(ch);
        }
    }

    /** Answers the channel (callee picked up, uuid_answer, or the answer application). */
    public void answer(SimChannel ch) {
        if (!ch.alive() || ch.answered()) {
            return;
        }
        ch.answeredMicros = nowMicros();
        ch.answerState = "answered";
        ch.variables.put("endpoint_disposition", "ANSWER");
        ledger.answered(ch.uuid, Instant.now()); // before the event, as for bridge and hang-up
        fireChannel(ch, "CHANNEL_ANSWER", "switch_channel.c", "switch_channel_perform_mark_answered", 3956, true);
        ch.flipCallerIdOnAnswer();
        setCallState(ch, "ACTIVE");
        Keypad.answered(this, ch);
        if (ch.behaviour != null && ch.behaviour.kind() == Behaviour.Kind.ANSWER_THEN_HANGUP) {
            afterDelay(ch, ch.behaviour.hangupAfter(), () -> hangup(ch, "NORMAL_CLEARING", "far-end"));
        }
        if (ch.job != null) {
            ch.job.answered(ch);
        }
        ch.answerListeners.forEach(Runnable::run);
    }

    /** Starts {@code originate}: returns "+OK uuid\n" or "-ERR CAUSE\n" when the originate finishes. */
    CompletableFuture<String> originate(OriginateCommand command) {
        OriginateJob job = new OriginateJob(this, command, winner -> later(() -> applications.startMain(winner,
                command.inline() ? command.application() : "park", command.inline() ? command.applicationData() : "")));
        return job.start();
    }

    void bridge(SimChannel a, SimChannel b) {
        long now = nowMicros();
        a.bridgedTo = b.uuid;
        b.bridgedTo = a.uuid;
        a.bridgedMicros = now;
        b.bridgedMicros = now;
        a.variables.put("bridge_uuid", b.uuid);
        b.variables.put("bridge_uuid", a.uuid);
        a.variables.put("signal_bond", b.uuid);
        b.variables.put("signal_bond", a.uuid);
        // the ledger first: a test that has seen the event must find the ledger agreeing with it
        Instant at = Instant.now();
        ledger.bridged(a.uuid, at);
        ledger.bridged(b.uuid, at);
        fireChannel(a, "CHANNEL_BRIDGE", "switch_ivr_bridge.c", "switch_ivr_multi_threaded_bridge", 1650, true,
                "Bridge-A-Unique-ID", a.uuid, "Bridge-B-Unique-ID", b.uuid, "Other-Leg-Unique-ID", b.uuid);
    }

    /**
     * Hangs the channel up and runs it to CS_DESTROY, firing what FreeSWITCH fires. Returns false when it was
     * already hanging up. Callers answering a command first should call this via {@link #later}.
     */
    public boolean hangup(SimChannel ch, String cause, String killedBy) {
        if (ch == null || !ch.alive()) {
            return false;
        }
        ch.hangingUp = true;
        ch.timers.forEach(t -> t.cancel(false));
        ch.timers.clear();
        if (ch.ringTimeout != null) {
            ch.ringTimeout.cancel(false);
            ch.ringTimeout = null;
        }
        ch.hangupCause = cause;
        ch.hangupMicros = nowMicros();
        ch.answerState = "hangup";
        ch.variables.put("hangup_cause", cause);
        ch.variables.put("hangup_cause_q850", String.valueOf(HangupCauses.q850(cause)));
        ledger.hungUp(ch.uuid, Instant.now(), cause, killedBy);
        ch.hangupListeners.forEach(l -> l.accept(cause));
        fireChannel(ch, "CHANNEL_HANGUP", "switch_channel.c", "switch_channel_perform_hangup", 3150, true);
        setCallState(ch, "HANGUP");
        applications.channelHungUp(ch);
        setState(ch, "CS_HANGUP");
        SimChannel peer = ch.bridgedTo == null ? null : channels.get(ch.bridgedTo);
        if (ch.bridgedTo != null) {
            fireChannel(ch, "CHANNEL_UNBRIDGE", "switch_ivr_bridge.c", "switch_ivr_multi_threaded_bridge", 1720, true,
                    "Other-Leg-Unique-ID", ch.bridgedTo);
            ch.bridgedTo = null;
        }
        setState(ch, "CS_REPORTING");
        Cdr.addHangupVariables(ch);
        fireChannel(ch, "CHANNEL_HANGUP_COMPLETE", "switch_core_state_machine.c", "switch_core_session_reporting_state",
                1071, true);
        if (ch.controllingSession != null) {
            ch.controllingSession.attachedHungUp();
        }
        if (ch.job != null) {
            OriginateJob job = ch.job;
            ch.job = null;
            job.legFailed(ch, cause);
        }
        fireChannel(ch, "CHANNEL_DESTROY", "switch_core_session.c", "switch_core_session_perform_destroy", 1729, true);
        setState(ch, "CS_DESTROY");
        ch.destroyed = true;
        channels.remove(ch.uuid);
        ledger.destroyed(ch.uuid);
        if (peer != null && peer.alive()) {
            peer.bridgedTo = null;
            applications.peerLeftBridge(peer);
        }
        return true;
    }

    // ---------------------------------------------------------------- api

    public CompletableFuture<String> api(String line, EslSession origin) {
        return api.execute(line, origin);
    }

    // ---------------------------------------------------------------- outbound socket calls

    /** Creates the inbound channel of an outbound-socket call (the call that runs {@code socket host:port}). */
    public SimChannel createSocketCall(Map<String, String> callerVariables) {
        Map<String, String> v = new LinkedHashMap<>(callerVariables);
        String dest = v.getOrDefault("destination_number", "9000");
        String callerNumber = v.getOrDefault("caller_id_number", "1000");
        String uuid = v.getOrDefault("uuid", UUID.randomUUID().toString());
        Endpoint ep = new Endpoint("sofia/internal/" + callerNumber + "@127.0.0.1", "sofia/internal/" + callerNumber
                + "@127.0.0.1", dest, v.getOrDefault("context", "default"), "mod_sofia", "sofia", null, null);
        SimChannel ch = newChannel(uuid, ep, false, ep.channelName());
        ch.callerIdName = v.get("caller_id_name");
        ch.callerIdNumber = callerNumber;
        ch.origCallerIdNumber = callerNumber;
        ch.calleeIdName = "Outbound Call";
        ch.calleeIdNumber = dest;
        ch.variables.put("direction", "inbound");
        ch.variables.put("uuid", uuid);
        ch.variables.put("session_id", String.valueOf(sessionIds.incrementAndGet()));
        ch.variables.put("channel_name", ch.name);
        ch.variables.put("read_codec", "L16");
        ch.variables.put("read_rate", "8000");
        ch.variables.put("write_codec", "L16");
        ch.variables.put("write_rate", "8000");
        ch.variables.put("call_uuid", uuid);
        v.forEach((k, val) -> {
            if (!k.equals("uuid") && !k.equals("destination_number") && !k.equals("context")) {
                ch.variables.put(k, val);
            }
        });
        setState(ch, "CS_INIT");
        fireChannel(ch, "CHANNEL_CREATE", "switch_core_state_machine.c", "switch_core_session_run", 626, true);
        setState(ch, "CS_ROUTING");
        ch.callState = "RINGING";
        setState(ch, "CS_EXECUTE");
        return ch;
    }

    /** The CHANNEL_DATA header block that answers {@code connect} on an outbound socket. */
    SimEvent channelData(SimChannel ch) {
        SimEvent e = baseEvent("CHANNEL_DATA", "mod_event_socket.c", "parse_command", 2021);
        ch.writeProfile(e, "Channel-");
        ch.writeChannelBlock(e);
        ch.writeProfile(e, "Caller-");
        ch.writeVariables(e);
        e.add("Content-Type", "command/reply");
        e.add("Reply-Text", "+OK\n");
        e.add("Socket-Mode", "async");
        e.add("Control", "full");
        return e;
    }

    static String firstNonNull(String a, String b, String c) {
        return a != null ? a : b != null ? b : c;
    }
}
