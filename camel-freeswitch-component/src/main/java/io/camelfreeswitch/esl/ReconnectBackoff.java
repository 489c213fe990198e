package io.camelfreeswitch.esl;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/** Exponential back-off with jitter: initial × multiplier^(attempt-1), capped, then stretched by ±jitter. */
final class ReconnectBackoff {
    private final long initialNanos;
    private final long maxNanos;
    private final double multiplier;
    private final double jitter;

    ReconnectBackoff(Duration initial, Duration max, double multiplier, double jitter) {
        this.initialNanos = initial.toNanos();
        this.maxNanos = max.toNanos();
        this.multiplier = multiplier;
        this.jitter = jitter;
    }

    /** Delay before attempt number {@code attempt} (1 = the first retry). */
    long delayNanos(int attempt) {
        double base = initialNanos * Math.pow(multiplier, Math.max(0, attempt - 1));
        double capped = Math.min(base, maxNanos);
        double factor = 1.0 + jitter * (2 * ThreadLocalRandom.current().nextDouble() - 1);
        return Math.max(0L, (long) (capped * factor));
    }
}
