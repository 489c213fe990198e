package io.camelfreeswitch.simulator;

import io.camelfreeswitch.simulator.internal.SwitchCore;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;

/** Faults on demand, to test how a client copes with a misbehaving or vanishing FreeSWITCH. */
public final class SimulatorFaults {

    /** Bytes no ESL parser can accept: a non-numeric Content-Length and binary junk. */
    public static final byte[] GARBAGE = ("Content-Length: garbage\nContent-Type: \u0001\u0002\n\n\u00ff\u00fe junk\n\n")
            .getBytes(StandardCharsets.ISO_8859_1);

    private final FreeSwitchSimulator simulator;
    private final SwitchCore core;

    SimulatorFaults(FreeSwitchSimulator simulator, SwitchCore core) {
        this.simulator = simulator;
        this.core = core;
    }

    /** Closes every ESL connection at once, inbound and outbound (the server keeps listening). */
    public void dropAllConnections() {
        core.dropAllConnections();
    }

    /** Holds every command this long before handling it (so replies, and what they cause, come late). */
    public void delayReplies(Duration delay) {
        core.replyDelayMillis(nonNegative(delay).toMillis());
    }

    /** Delays each event frame by this much on every connection (order is kept). */
    public void slowEvents(Duration delay) {
        core.slowEventsMillis(nonNegative(delay).toMillis());
    }

    /**
     * Holds back every BACKGROUND_JOB (the result of a {@code bgapi} command) until {@link #releaseJobResults()},
     * while calls and their events go on: a FreeSWITCH whose job reports come late, or are lost.
     */
    public void holdJobResults() {
        core.holdJobResults(true);
    }

    /** Sends the job results held back, in the order they were due, and stops holding them. */
    public void releaseJobResults() {
        core.holdJobResults(false);
    }

    /**
     * Takes every originate but creates none of its channels until {@link #releaseOriginates()}: FreeSWITCH runs an
     * originate on a thread of its own, so a command sent right after it, such as a {@code uuid_kill} of the channel
     * it is to create, can come first and find no channel.
     */
    public void holdOriginates() {
        core.holdOriginates(true);
    }

    /** Starts the originates held back, in the order they came, and stops holding them. */
    public void releaseOriginates() {
        core.holdOriginates(false);
    }

    /** Writes {@link #GARBAGE} on every connection. */
    public void sendGarbage() {
        core.sendGarbage(GARBAGE);
    }

    /** While true, every auth is answered {@code -ERR invalid} and the connection closed. */
    public void refuseAuth(boolean refuse) {
        core.refuseAuth(refuse);
    }

    /** Stops listening and closes every connection; {@link #restart()} or {@code start()} listens again. */
    public void stopServer() {
        simulator.stop();
    }

    public void restart() {
        simulator.stop();
        simulator.start();
    }

    /** Back to a healthy server: no delays, nothing held back (what was held goes on), auth accepted. */
    public void clear() {
        core.holdJobResults(false);
        core.holdOriginates(false);
        core.replyDelayMillis(0);
        core.slowEventsMillis(0);
        core.refuseAuth(false);
    }

    private static Duration nonNegative(Duration d) {
        Objects.requireNonNull(d, "delay");
        if (d.isNegative()) {
            throw new IllegalArgumentException("delay must not be negative: " + d);
        }
        return d;
    }
}
