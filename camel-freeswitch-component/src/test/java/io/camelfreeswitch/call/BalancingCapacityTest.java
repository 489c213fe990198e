package io.camelfreeswitch.call;

import io.camelfreeswitch.call.balancer.LoadBalancer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** BALANCING with capacity rules through the in-memory balancer shared by every group of the JVM. */
class BalancingCapacityTest extends BalancingCapacityScenarios {

    @Override
    LoadBalancer shared() {
        return balancer;
    }

    @Override
    LoadBalancer otherInstance() {
        return balancer;
    }

    @Test
    void a_wrapUpTime_with_RINGING_scope_is_refused_up_front() {
        assertThatThrownBy(() -> RingGroupRequest.builder(List.of("user/1001")).mode(RingMode.BALANCING)
                .balancer(balancer).leaseScope(LeaseScope.RINGING)
                .capacity(rules(0, Duration.ofSeconds(10), Duration.ZERO)).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("wrapUpTime");
    }
}
