package io.camelfreeswitch.call;

import java.time.Duration;

/**
 * Told what ring groups do, for metrics and audit: every group of this JVM when registered with
 * {@link RingGroup#addListener(RingGroupListener)}, one group when given to its request with
 * {@link RingGroupRequest.Builder#listener(RingGroupListener)}. Methods run on the ring group's own executor, one at a time per
 * group: they must be quick and must not block (a listener that throws is logged and ignored, never breaks a ring).
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
