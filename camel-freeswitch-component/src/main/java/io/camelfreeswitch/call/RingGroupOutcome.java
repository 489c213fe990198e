package io.camelfreeswitch.call;

/** How a ring group ended. */
public enum RingGroupOutcome {
    /** A destination answered; it is the winner. */
    ANSWERED,
    /** Nobody answered in time, or every destination failed (busy, rejected, unreachable). */
    NO_ANSWER,
    /** The caller hung up, or the ring was cancelled, before anyone answered. */
    CANCELLED,
    /**
     * BALANCING with capacity rules: every destination was at its {@code maxCalls}, in its {@code wrapUpTime} or in
     * its {@code noAnswerDelay}, so the group ended at once without ringing anyone.
     */
    UNAVAILABLE,
    /** The ring could not be carried out (connection lost, balancer unreachable, FreeSWITCH error). */
    FAILED
}
