package io.camelfreeswitch.call.balancer;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The text form of a destination's capacity: what it sets, what it leaves to the defaults, what it refuses. */
class DestinationCapacityTest {

    private static final DestinationCapacity DEFAULTS = new DestinationCapacity(3, Duration.ofSeconds(7),
            Duration.ofSeconds(9));

    @Test
    void settingsLeftOutComeFromTheDefaults() {
        DestinationCapacity capacity = DestinationCapacity.parse("maxCalls=1", DEFAULTS);

        assertThat(capacity).isEqualTo(new DestinationCapacity(1, Duration.ofSeconds(7), Duration.ofSeconds(9)));
    }

    @Test
    void durationsAreMillisecondsSecondsOrMinutesInAnyOrder() {
        DestinationCapacity capacity = DestinationCapacity.parse(" noAnswerDelay=1.5s ; wrapUpTime=2m,maxCalls=0",
                DEFAULTS);

        assertThat(capacity.wrapUpTime()).isEqualTo(Duration.ofMinutes(2));
        assertThat(capacity.noAnswerDelay()).isEqualTo(Duration.ofMillis(1500));
        assertThat(DestinationCapacity.parse("wrapUpTime=250ms,noAnswerDelay=40", DEFAULTS))
                .isEqualTo(new DestinationCapacity(3, Duration.ofMillis(250), Duration.ofMillis(40)));
    }

    @Test
    void aFrameworkMayReadTheDurationsItsOwnWay() {
        DestinationCapacity capacity = DestinationCapacity.parse("wrapUpTime=one minute", DEFAULTS,
                text -> text.equals("one minute") ? Duration.ofMinutes(1) : Duration.ZERO);

        assertThat(capacity.wrapUpTime()).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void anUnknownSettingOrAPartWithoutAValueIsRefusedNamingIt() {
        assertThatThrownBy(() -> DestinationCapacity.parse("maxCall=1", DEFAULTS))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'maxCall'");
        assertThatThrownBy(() -> DestinationCapacity.parse("maxCalls", DEFAULTS))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("name=value");
        assertThatThrownBy(() -> DestinationCapacity.parse("wrapUpTime=-5s", DEFAULTS))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("wrapUpTime must not be negative");
    }
}
