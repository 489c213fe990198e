package io.camelfreeswitch.call.balancer;

/** Why a lease is given back: decides whether its destination then rests (see {@link DestinationCapacity}). */
public enum LeaseEnd {
    /** Not used for a call (cancelled, failed, busy, or only counted while ringing): no rest. */
    FREED,
    /** The destination's answered call ended: it rests for its {@code wrapUpTime}. */
    CALL_ENDED,
    /** Rung and not answered, or answered and not confirmed: the destination rests for its {@code noAnswerDelay}. */
    NOT_ANSWERED
}
