package io.camelfreeswitch.call;

/** How long a BALANCING ring group counts a destination as loaded. */
public enum LeaseScope {
    /**
     * From the moment it is rung until the answered call hangs up (its CHANNEL_HANGUP_COMPLETE): an agent already
     * on a call is tried last by every other group. The default.
     */
    CALL,
    /** Only while it rings: released at answer (or when it stops ringing). */
    RINGING
}
