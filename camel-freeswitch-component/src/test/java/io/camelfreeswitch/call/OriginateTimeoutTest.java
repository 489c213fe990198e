package io.camelfreeswitch.call;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * FreeSWITCH's originate timer counts whole seconds from a start truncated to the second, so originate_timeout=N may
 * fire just over N-1 seconds after the originate. The value each leg is sent with must leave the group's own timer
 * its whole margin, yet end a leg the application has forgotten soon after.
 */
class OriginateTimeoutTest {

    @ParameterizedTest
    @ValueSource(longs = {1, 200, 999, 1000, 1001, 1500, 2000, 4999, 5000, 30_000, 3_600_000})
    void FreeSWITCH_cannot_give_up_before_the_group_timer_plus_its_margin_nor_much_later(long ringMillis) {
        Duration ringFor = Duration.ofMillis(ringMillis);
        long seconds = OriginateTimeout.seconds(ringFor);

        Duration earliestFreeSwitchTimeout = Duration.ofSeconds(seconds - 1);
        Duration latestFreeSwitchTimeout = Duration.ofSeconds(seconds);
        assertThat(earliestFreeSwitchTimeout).isGreaterThanOrEqualTo(ringFor.plus(OriginateTimeout.MARGIN));
        assertThat(latestFreeSwitchTimeout).isLessThanOrEqualTo(ringFor.plus(OriginateTimeout.MARGIN)
                .plusSeconds(2));
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 1_000_000_001L})
    void a_ring_time_a_nanosecond_past_a_whole_second_counts_as_the_next_second(long ringNanos) {
        long seconds = OriginateTimeout.seconds(Duration.ofNanos(ringNanos));

        assertThat(Duration.ofSeconds(seconds - 1)).isGreaterThanOrEqualTo(
                Duration.ofNanos(ringNanos).plus(OriginateTimeout.MARGIN));
    }
}
