package io.camelfreeswitch.call;

import java.time.Duration;
import java.util.List;

/**
 * The {@code originate_timeout} a leg is sent with: only a safety net behind the ring group's own timer, which is
 * what ends a leg that rings too long. The net must never be the one that fires: FreeSWITCH notes the originate's
 * start in whole epoch seconds and gives up once {@code now - start >= originate_timeout}, also in whole seconds, so
 * a limit of N seconds can fire just over N-1 seconds after the originate. FreeSWITCH starts counting after the
 * group's timer has (which starts when the originate is sent), so N = ceil(ring time + {@link #MARGIN}) + 1 cannot
 * fire before the group's timer has been late by the whole margin. If the application is gone, FreeSWITCH still
 * ends the leg by itself, at most N seconds after its originate.
 */
final class OriginateTimeout {

    /** Room for the group's timer, its uuid_kill and FreeSWITCH's handling of it to run late on a loaded machine. */
    static final Duration MARGIN = Duration.ofSeconds(1);

    /**
     * FreeSWITCH's own ring timers: set by the group ({@code originate_timeout}) or competing with it, so callers may
     * not set them (compared ignoring case, as FreeSWITCH does).
     */
    static final List<String> VARIABLES = List.of("originate_timeout", "leg_timeout", "call_timeout");

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private OriginateTimeout() {
    }

    /** The whole seconds to send as {@code originate_timeout} for a leg the group rings for {@code ringFor}. */
    static long seconds(Duration ringFor) {
        long nanos = ringFor.plus(MARGIN).toNanos();
        return (nanos + NANOS_PER_SECOND - 1) / NANOS_PER_SECOND + 1;
    }
}
