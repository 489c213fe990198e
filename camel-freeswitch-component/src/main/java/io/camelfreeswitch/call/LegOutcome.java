package io.camelfreeswitch.call;

/** How one callee leg ended. */
public enum LegOutcome {
    ANSWERED,
    /** Rang until the timeout (ours or FreeSWITCH's) without answering. */
    NO_ANSWER,
    /** {@code USER_BUSY}. */
    BUSY,
    /** Refused by the far end or the network ({@code CALL_REJECTED}, {@code NO_ROUTE_DESTINATION}, ...). */
    REJECTED,
    /** Could not be placed or ended in an error of ours (connection lost, command failed). */
    FAILED,
    /** Answered, but another leg had already won; hung up with {@code LOSE_RACE}. */
    LOST_RACE,
    /** Hung up because the caller left or the ring group was cancelled. */
    CANCELLED
}
