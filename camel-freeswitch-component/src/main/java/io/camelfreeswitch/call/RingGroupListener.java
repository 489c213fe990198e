package io.camelfreeswitch.call;

import java.time.Duration;

/**
 * Told what ring groups do, for metrics and audit: every group of this JVM when registered with
 * {@link RingGroup#addListener(RingGroupListener)}, one group when given to its request with
 * {@link RingGroupRequest.Builder#listener(RingGroupListener)}. Methods run on the ring group's own lane of its
 * connection (never on a Netty event loop), one at a time per group, in the order things happened, before the group's
 * future completes: they should be quick, as a listener that blocks delays what comes after it on that lane (the
 * group itself goes on regardless). A listener that throws is logged and ignored, never breaks a ring.
 */
public interface RingGroupListener {

    /** A leg to {@code destination} is being originated. */
    default void legStarted(RingGroupRequest request, String destination) {
    }

    /** A leg's outcome is decided: handed out as the winner, ended by FreeSWITCH, or hung up by the group. */
    default void legEnded(RingGroupRequest request, LegResult leg) {
    }

    /** The group is over; {@code elapsed} runs from its start to its outcome. */
    default void groupEnded(RingGroupRequest request, RingGroupResult result, Duration elapsed) {
    }
}
