package io.camelfreeswitch.camel;

import io.camelfreeswitch.call.balancer.CapacityRules;
import io.camelfreeswitch.call.balancer.DestinationCapacity;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultMessage;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The capacity header reads its durations as every other duration of the component does (Camel's {@code 1m30s}), and
 * what it leaves out comes from the endpoint's options.
 */
class DestinationCapacitiesTest {

    private final FreeSwitchConfiguration options = new FreeSwitchConfiguration();
    private final DefaultMessage message = new DefaultMessage(new DefaultCamelContext(false));

    @Test
    void headerDurationsTakeCamelsSyntaxAndTheRestComesFromTheOptions() {
        options.setMaxCalls(2);
        options.setNoAnswerDelay(5000);
        message.setHeader(FreeSwitchConstants.DESTINATION_CAPACITY, Map.of("user/alice", "wrapUpTime=1m30s"));

        CapacityRules rules = DestinationCapacities.of(options, message);

        assertThat(rules.of("user/alice"))
                .isEqualTo(new DestinationCapacity(2, Duration.ofSeconds(90), Duration.ofSeconds(5)));
        assertThat(rules.of("user/bob")).isEqualTo(new DestinationCapacity(2, Duration.ZERO, Duration.ofSeconds(5)));
    }

    @Test
    void aHeaderThatIsNoMapIsRefusedSayingWhatItMustBe() {
        message.setHeader(FreeSwitchConstants.DESTINATION_CAPACITY, "maxCalls=1");

        assertThatThrownBy(() -> DestinationCapacities.of(options, message))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("java.util.Map");
    }

    @Test
    void negativeOptionsAreRefusedByTheCallModelsOwnRule() {
        options.setWrapUpTime(-1);

        assertThatThrownBy(() -> DestinationCapacities.defaults(options))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("wrapUpTime must not be negative");
    }
}
