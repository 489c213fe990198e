package io.camelfreeswitch.examples.boot;

import io.camelfreeswitch.call.RingMode;

import java.util.List;

/**
 * The body of {@code POST /calls}.
 *
 * @param caller the caller's dial string (user/1000): called first, then bridged to whoever answers
 * @param group  the destinations to ring for the caller
 * @param mode   PARALLEL (default), SEQUENTIAL or BALANCING
 */
public record CallRequest(String caller, List<String> group, RingMode mode) {

    public CallRequest {
        if (caller == null || caller.isBlank()) {
            throw new IllegalArgumentException("'caller' is required, e.g. \"user/1000\"");
        }
        if (group == null || group.isEmpty()) {
            throw new IllegalArgumentException("'group' needs at least one destination, e.g. [\"user/1001\"]");
        }
        mode = mode == null ? RingMode.PARALLEL : mode;
    }
}
