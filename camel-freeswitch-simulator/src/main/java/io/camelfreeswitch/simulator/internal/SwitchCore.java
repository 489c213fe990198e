package io.camelfreeswitch.simulator.internal;

import io.camelfreeswitch.simulator.Behaviour;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The simulated switch, as its parts see it: the core thread ({@link CoreExecutor}), the channel table
 * ({@link ChannelTable}), event emission ({@link SwitchEvents}), the channels' state machine ({@link CallProgress}),
 * the connections, and the configuration and faults. Everything that changes state runs on the core thread.
 */
public final class SwitchCore {

    public static final String HOSTNAME = "fs-sim";

    private final CoreExecutor executor;
    private final Clock clock;
    private final String coreUuid = UUID.randomUUID().toString();
    private final List<EslSession> sessions = new CopyOnWriteArrayList<>();
    private final Map<String, Behaviour> declared = new ConcurrentHashMap<>();
    private final Applications applications = new Applications(this);
    private final ApiCommands api = new ApiCommands(this);
    private final LoopbackSocket loopbackSocket = new LoopbackSocket(this);
    private final SwitchEvents events;
    private final ChannelTable table;
    private final CallProgress progress;
    private final long startedMillis;
    private final String password;
    private final LedgerSink ledger;
    private volatile boolean refuseAuth;
    private volatile long replyDelayMillis;
    private volatile long slowEventsMillis;
    private final HeldBack heldJobResults = new HeldBack(this);
    private final HeldBack heldOriginates = new HeldBack(this);

    /**
     * @param clock  the switch's time (event dates, the ledger, originate timeouts)
     * @param timers where its delays are counted, or {@code null} for real time on the core thread's own queue
     */
    public SwitchCore(String password, LedgerSink ledger, Long reorderSeed, Clock clock,
                      ScheduledExecutorService timers) {
        this.password = password;
        this.ledger = ledger;
        this.clock = clock;
        this.executor = new CoreExecutor(timers);
        this.startedMillis = clock.millis();
        this.events = new SwitchEvents(this, sessions, reorderSeed);
        this.table = new ChannelTable(this, ledger);
        this.progress = new CallProgress(this, table, events, ledger, loopbackSocket);
    }

    // ---------------------------------------------------------------- threading

    public void execute(Runnable r) {
        executor.execute(r);
    }

    /** Runs after the current core task: used so that replies go out before the events they cause. */
    public void later(Runnable r) {
        execute(r);
    }

    public ScheduledFuture<?> schedule(Runnable r, long delay, TimeUnit unit) {
        return executor.schedule(r, delay, unit);
    }

    public <T> CompletableFuture<T> call(Supplier<T> s) {
        return executor.call(s);
    }

    /** Completes once the core has nothing due to run (pending timers aside). */
    public CompletableFuture<Void> idle() {
        return executor.idle();
    }

    public void shutdown() {
        executor.shutdown();
    }

    public Clock clock() {
        return clock;
    }

    Instant now() {
        return clock.instant();
    }

    long nowMicros() {
        Instant now = clock.instant();
        return now.getEpochSecond() * 1_000_000L + now.getNano() / 1000;
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

    public long startedMillis() {
        return startedMillis;
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
        return events.baseEvent(name, file, function, line);
    }

    /** Fires an event to every connection that wants it (in firing order unless the seeded reorder is on). */
    public void fire(SimEvent e) {
        events.fire(e);
    }

    public void log(int level, String text, String file, String func, int line) {
        events.log(level, text, file, func, line);
    }

    public void fireBackgroundJob(String jobUuid, String command, String args, String body) {
        heldJobResults.runOrHold(() -> events.fireBackgroundJob(jobUuid, command, args, body));
    }

    /** While on, job results are held back; turning it off fires those held, in order, on the core thread. */
    public void holdJobResults(boolean hold) {
        heldJobResults.hold(hold);
    }

    /** While on, originates are taken but create no channel; turning it off starts those held, in order. */
    public void holdOriginates(boolean hold) {
        heldOriginates.hold(hold);
    }

    void fireChannel(SimChannel ch, String name, String file, String func, int line, boolean withVariables,
                     String... extra) {
        events.fireChannel(ch, name, file, func, line, withVariables, extra);
    }

    void setState(SimChannel ch, String state) {
        events.setState(ch, state);
    }

    /** The CHANNEL_DATA header block that answers {@code connect} on an outbound socket. */
    SimEvent channelData(SimChannel ch) {
        return events.channelData(ch);
    }

    // ---------------------------------------------------------------- channels

    public SimChannel channel(String uuid) {
        return table.channel(uuid);
    }

    public Collection<SimChannel> liveChannels() {
        return table.liveChannels();
    }

    public long sessionsSinceStartup() {
        return table.sessionsSinceStartup();
    }

    public int peakSessions() {
        return table.peakSessions();
    }

    SimChannel createOutboundLeg(Endpoint endpoint, Map<String, String> vars, OriginateCommand command) {
        return table.createOutboundLeg(endpoint, vars, command);
    }

    /** Creates the inbound channel of an outbound-socket call (the call that runs {@code socket host:port}). */
    public SimChannel createSocketCall(Map<String, String> callerVariables) {
        return table.createSocketCall(callerVariables);
    }

    void startBehaviour(SimChannel ch) {
        progress.startBehaviour(ch);
    }

    void earlyMedia(SimChannel ch) {
        progress.earlyMedia(ch);
    }

    /** Answers the channel (callee picked up, uuid_answer, or the answer application). */
    public void answer(SimChannel ch) {
        progress.answer(ch);
    }

    void bridge(SimChannel a, SimChannel b) {
        progress.bridge(a, b);
    }

    /**
     * Hangs the channel up and runs it to CS_DESTROY, firing what FreeSWITCH fires. Returns false when it was
     * already hanging up. Callers answering a command first should call this via {@link #later}.
     */
    public boolean hangup(SimChannel ch, String cause, String killedBy) {
        return progress.hangup(ch, cause, killedBy);
    }

    /** Starts {@code originate}: returns "+OK uuid\n" or "-ERR CAUSE\n" when the originate finishes. */
    CompletableFuture<String> originate(OriginateCommand command) {
        OriginateJob job = new OriginateJob(this, command, winner -> later(() -> applications.startMain(winner,
                command.inline() ? command.application() : "park", command.inline() ? command.applicationData() : "")));
        CompletableFuture<Void> taken = new CompletableFuture<>();
        heldOriginates.runOrHold(() -> taken.complete(null));
        return taken.thenCompose(started -> job.start());
    }

    // ---------------------------------------------------------------- api

    public CompletableFuture<String> api(String line, EslSession origin) {
        return api.execute(line, origin);
    }
}
