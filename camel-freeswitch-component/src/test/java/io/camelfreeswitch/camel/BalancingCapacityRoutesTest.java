package io.camelfreeswitch.camel;

import io.camelfreeswitch.call.RingGroupOutcome;
import io.camelfreeswitch.call.RingGroupResult;
import io.camelfreeswitch.call.balancer.DestinationCapacity;
import io.camelfreeswitch.simulator.Behaviour;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static io.camelfreeswitch.testing.TestWaits.WELL_WITHIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The capacity options of a BALANCING {@code freeswitch:ringGroup} endpoint (maxCalls, wrapUpTime, noAnswerDelay)
 * and the header that overrides them per destination.
 */
class BalancingCapacityRoutesTest extends FreeSwitchTestSupport {

    private static final AtomicInteger NAMES = new AtomicInteger();

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:agents")
                        .to("freeswitch:ringGroup?mode=BALANCING&timeout=5s&maxCalls=1&wrapUpTime=300ms"
                                + "&noAnswerDelay=300ms");
            }
        };
    }

    static String agent(String name, Behaviour behaviour) {
        String destination = "user/" + name + "-" + NAMES.incrementAndGet();
        sim().destination(destination, behaviour);
        return destination;
    }

    private Exchange ring(List<String> destinations, Map<String, Object> capacity) {
        return template.request("direct:agents", exchange -> {
            exchange.getMessage().setHeader(FreeSwitchConstants.DESTINATIONS, destinations);
            if (capacity != null) {
                exchange.getMessage().setHeader(FreeSwitchConstants.DESTINATION_CAPACITY, capacity);
            }
        });
    }

    private static Object outcome(Exchange exchange) {
        return exchange.getMessage().getHeader(FreeSwitchConstants.RING_GROUP_OUTCOME);
    }

    @Test
    void anAgentOnItsOneCallIsSkippedAndWithEveryAgentBusyTheGroupIsUnavailable() {
        String agent = agent("agent", Behaviour.answerNow());

        Exchange call = ring(List.of(agent), null);
        Exchange refused = ring(List.of(agent), null);

        assertThat(outcome(call)).isEqualTo(RingGroupOutcome.ANSWERED);
        assertThat(outcome(refused)).isEqualTo(RingGroupOutcome.UNAVAILABLE);
        assertThat(refused.getMessage().getBody(RingGroupResult.class).legs()).isEmpty();
        assertThat(ledger().channelsTo(agent)).hasSize(1);
        hangUp(call.getMessage().getHeader(FreeSwitchConstants.ANSWERED_UUID));
        awaitOffered(agent);
    }

    @Test
    void theHeaderGivesOneAgentMoreCallsInTextOrAsAnObject() {
        String senior = agent("senior", Behaviour.answerNow());
        String junior = agent("junior", Behaviour.answerNow());
        Map<String, Object> capacity = Map.of(senior, "maxCalls=2",
                junior, new DestinationCapacity(1, Duration.ZERO, Duration.ZERO));

        List<Exchange> calls = List.of(ring(List.of(senior, junior), capacity), ring(List.of(senior, junior), capacity),
                ring(List.of(senior, junior), capacity));
        Exchange fourth = ring(List.of(senior, junior), capacity);

        assertThat(calls).extracting(e -> e.getMessage().getHeader(FreeSwitchConstants.ANSWERED_DESTINATION))
                .containsExactly(senior, junior, senior);
        assertThat(outcome(fourth)).isEqualTo(RingGroupOutcome.UNAVAILABLE);
        calls.forEach(e -> hangUp(e.getMessage().getHeader(FreeSwitchConstants.ANSWERED_UUID)));
        awaitOffered(senior);
        awaitOffered(junior);
    }

    @Test
    void anUnreadableCapacityHeaderFailsTheExchangeNamingTheDestination() {
        String agent = agent("agent", Behaviour.answerNow());

        Exchange failed = ring(List.of(agent), Map.of(agent, "maxCalls=lots"));

        assertThat(failed.getException()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(FreeSwitchConstants.DESTINATION_CAPACITY).hasMessageContaining(agent);
        assertThat(ledger().channelsTo(agent)).isEmpty();
    }

    /** Its wrap-up over: the balancer offers it again (polled, so the test ends with nothing resting). */
    private void awaitOffered(String agent) {
        await().atMost(WELL_WITHIN).until(() -> !agents.isResting(agent) && agents.loads().get(agent) == null);
    }
}
