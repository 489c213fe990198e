package io.camelfreeswitch.call;

import io.camelfreeswitch.call.balancer.BalancerUnavailableException;
import io.camelfreeswitch.call.balancer.RedisLoadBalancer;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static io.camelfreeswitch.testing.TestWaits.WELL_WITHIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A BALANCING group whose balancer cannot be reached fails clearly and rings nobody. */
class BalancerUnavailableTest extends SimulatedCalls {

    @Test
    void an_unreachable_Redis_fails_the_group_with_BalancerUnavailableException() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String agent = answersAfter(0);
        try (RedisLoadBalancer redis = RedisLoadBalancer.builder().redisUri("redis://127.0.0.1:" + closedPort)
                .commandTimeout(Duration.ofMillis(500)).build()) {
            RingGroupRequest request = RingGroupRequest.builder(List.of(agent)).mode(RingMode.BALANCING)
                    .balancer(redis).timeout(Duration.ofSeconds(5)).build();

            RingGroupResult result = resultOf(RingGroup.ring(connection, request));

            assertThat(result.outcome()).isEqualTo(RingGroupOutcome.FAILED);
            assertThat(result.failure()).isInstanceOf(BalancerUnavailableException.class);
            assertThat(result.legs()).isEmpty();
            assertThat(ledger().channelsTo(agent)).isEmpty();

            assertThatThrownBy(() -> RingGroup.ring(connection, List.of(agent), RingMode.BALANCING,
                    Duration.ofSeconds(5), null, redis).get(WELL_WITHIN.toSeconds(), TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(BalancerUnavailableException.class);
        }
    }
}
