package io.camelfreeswitch.esl;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Reconnect delays grow exponentially up to the cap and are spread by the jitter. */
class ReconnectBackoffTest {

    @Test
    void growsByTheMultiplierUntilTheCap() {
        ReconnectBackoff backoff = new ReconnectBackoff(Duration.ofMillis(100), Duration.ofSeconds(1), 2.0, 0.0);
        assertThat(backoff.delayNanos(1)).isEqualTo(Duration.ofMillis(100).toNanos());
        assertThat(backoff.delayNanos(2)).isEqualTo(Duration.ofMillis(200).toNanos());
        assertThat(backoff.delayNanos(4)).isEqualTo(Duration.ofMillis(800).toNanos());
        assertThat(backoff.delayNanos(5)).isEqualTo(Duration.ofSeconds(1).toNanos());
        assertThat(backoff.delayNanos(500)).isEqualTo(Duration.ofSeconds(1).toNanos());
    }

    @Test
    void jitterStaysWithinItsFractionAndActuallyVaries() {
        ReconnectBackoff backoff = new ReconnectBackoff(Duration.ofMillis(1000), Duration.ofSeconds(1), 2.0, 0.2);
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (int i = 0; i < 1000; i++) {
            long delay = backoff.delayNanos(1);
            min = Math.min(min, delay);
            max = Math.max(max, delay);
        }
        assertThat(min).isGreaterThanOrEqualTo(Duration.ofMillis(800).toNanos());
        assertThat(max).isLessThanOrEqualTo(Duration.ofMillis(1200).toNanos());
        assertThat(max - min).isGreaterThan(Duration.ofMillis(100).toNanos());
    }
}
