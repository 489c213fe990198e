package io.camelfreeswitch.call;

/** How a ring group ended. */
public enum RingGroupOutcome {
    /** A destination answered; it is the winner. */
    ANSWERED,
    /** Nobody answered in time, or every destination failed (busy, rejected, unreachable). */
    NO_ANSWER,
    /** The caller hung up, or the ring was cancelled, before anyone answered. */
    CANCELLED,
    /** The ring could not be carried out (connection lost, balancer unreachable, FreeSWITCH error). */
    FAILED
}
