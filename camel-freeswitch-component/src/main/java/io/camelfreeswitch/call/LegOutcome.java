package io.camelfreeswitch.call;

/** How one callee leg ended. */
public enum LegOutcome {
    /** Answered and handed out as the group's winner. */
    ANSWERED,
    /**
     * Did not answer: rang until the timeout (ours, hung up with {@code NO_ANSWER}, or FreeSWITCH's), or was still
     * ringing when another PARALLEL leg won (hung up with {@code LOSE_RACE}; see its hang-up cause).
     */
    NO_ANSWER,
    /** {@code USER_BUSY}. */
    BUSY,
    /** Refused by the far end or the network ({@code CALL_REJECTED}, {@code NO_ROUTE_DESTINATION}, ...). */
    REJECTED,
    /**
     * Could not be placed, or ended in an error (connection lost, command failed, or it answered but was gone before
     * it could be handed out).
     */
    FAILED,
    /** Answered, but another leg had already won; hung up with {@code LOSE_RACE}. */
    LOST_RACE,
    /**
     * Answered, but did not press the group's confirm key within its confirm timeout (voicemail, auto-answer): hung
     * up with {@code NO_ANSWER}, or ended by the far end before confirming.
     */
    UNCONFIRMED,
    /** Hung up with {@code ORIGINATOR_CANCEL} because the caller left or the ring group was cancelled. */
    CANCELLED
}
