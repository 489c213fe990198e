package io.camelfreeswitch.call;

import io.camelfreeswitch.call.balancer.LoadBalancer;
import io.camelfreeswitch.call.balancer.RedisLoadBalancer;
import io.camelfreeswitch.call.balancer.TestRedis;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static io.camelfreeswitch.testing.TestWaits.WELL_WITHIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * ROUND_ROBIN: one destination at a time, starting after the one that last answered in the group; the memory is the
 * balancer's, so instances sharing a balancer (or a Redis) share the rotation.
 */
class RoundRobinRingTest extends SimulatedCalls {

    private static RingGroupResult ringRoundRobin(LoadBalancer balancer, List<String> destinations) throws Exception {
        RingGroupResult result = resultOf(RingGroup.ring(connection, RingGroupRequest.builder(destinations)
                .mode(RingMode.ROUND_ROBIN).balancer(balancer).timeout(Duration.ofSeconds(5)).build()));
        endCall(result);
        return result;
    }

    private static void awaitRemembered(LoadBalancer balancer, List<String> destinations, String destination) {
        await().atMost(WELL_WITHIN).until(() -> balancer.lastAnswered(String.join(",", destinations))
                .get(WELL_WITHIN.toSeconds(), TimeUnit.SECONDS).orElse(null), destination::equals);
    }

    @Test
    void each_group_starts_after_the_destination_that_last_answered_and_wraps_around() throws Exception {
        List<String> agents = List.of(answersAfter(0), answersAfter(0), answersAfter(0));

        for (int call = 0; call < 4; call++) {
            RingGroupResult result = ringRoundRobin(balancer, agents);
            assertThat(result.winner().destination()).as("call %d", call).isEqualTo(agents.get(call % 3));
            assertThat(result.legs()).hasSize(1);
            awaitRemembered(balancer, agents, agents.get(call % 3));
        }
    }

    @Test
    void an_unanswered_destination_is_hung_up_with_NO_ANSWER_and_the_next_in_the_rotation_rings() throws Exception {
        List<String> agents = List.of(answersAfter(0), neverAnswers(), answersAfter(0));
        ringRoundRobin(balancer, agents);
        awaitRemembered(balancer, agents, agents.get(0));

        RingGroupResult result = resultOf(RingGroup.ring(connection, RingGroupRequest.builder(agents)
                .mode(RingMode.ROUND_ROBIN).balancer(balancer).timeout(Duration.ofSeconds(1)).build()));

        assertThat(rungInOrder(result)).containsExactly(agents.get(1), agents.get(2));
        ledger().awaitHangup(leg(result, agents.get(1)).uuid(), "NO_ANSWER", WELL_WITHIN);
        endCall(result);
    }

    @Test
    void instances_sharing_a_Redis_share_the_rotation() throws Exception {
        String prefix = "round-robin-" + UUID.randomUUID();
        try (RedisLoadBalancer one = RedisLoadBalancer.builder().redisUri(TestRedis.uri()).keyPrefix(prefix).build();
             RedisLoadBalancer other = RedisLoadBalancer.builder().redisUri(TestRedis.uri()).keyPrefix(prefix)
                     .build()) {
            List<String> agents = List.of(answersAfter(0), answersAfter(0));

            assertThat(ringRoundRobin(one, agents).winner().destination()).isEqualTo(agents.get(0));
            awaitRemembered(other, agents, agents.get(0));
            assertThat(ringRoundRobin(other, agents).winner().destination()).isEqualTo(agents.get(1));
            awaitRemembered(one, agents, agents.get(1));
            assertThat(ringRoundRobin(one, agents).winner().destination()).isEqualTo(agents.get(0));
        }
    }

    @Test
    void ROUND_ROBIN_without_a_balancer_is_refused_up_front() {
        assertThatThrownBy(() -> RingGroupRequest.builder(List.of("user/1001")).mode(RingMode.ROUND_ROBIN).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ROUND_ROBIN mode requires a LoadBalancer, but none was given");
    }
}
