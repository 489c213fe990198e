package io.camelfreeswitch.call;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Where a ring group reads the time and sets its timers: the system clock and the shared {@link RingScheduler}
 * unless its request names a clock and a scheduler ({@link RingGroupRequest.Builder#time}). The system default reads
 * {@link System#nanoTime()} for durations, as before; a given clock is read for everything, so that a virtual one
 * moves durations and timestamps together.
 */
final class RingTime {

    static final RingTime SYSTEM = new RingTime(null, null);

    private final Clock clock;
    private final ScheduledExecutorService timers;

    private RingTime(Clock clock, ScheduledExecutorService timers) {
        this.clock = clock;
        this.timers = timers;
    }

    static RingTime of(Clock clock, ScheduledExecutorService timers) {
        return new RingTime(Objects.requireNonNull(clock, "clock"), Objects.requireNonNull(timers, "timers"));
    }

    /** A reading in nanoseconds, for durations only: monotonic by default, the given clock's time otherwise. */
    long nanoTime() {
        if (clock == null) {
            return System.nanoTime();
        }
        Instant now = clock.instant();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    /** The wall-clock time, for what a ring group reports (when a leg started, answered, ended). */
    Instant now() {
        return clock == null ? Instant.now() : clock.instant();
    }

    /** Runs {@code task} after {@code delay} on the timer thread; the task must be short and never block. */
    ScheduledFuture<?> schedule(Runnable task, Duration delay) {
        ScheduledExecutorService scheduler = timers == null ? RingScheduler.shared() : timers;
        return scheduler.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
    }
}
