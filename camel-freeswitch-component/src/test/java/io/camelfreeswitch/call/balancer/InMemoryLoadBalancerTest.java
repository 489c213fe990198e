package io.camelfreeswitch.call.balancer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class InMemoryLoadBalancerTest extends LoadBalancerContract {

    private final InMemoryLoadBalancer balancer = new InMemoryLoadBalancer();

    @Override
    LoadBalancer balancer() {
        return balancer;
    }

    @Override
    LoadBalancer peer() {
        return balancer;
    }

    @Test
    void idleDestinationsLeaveNothingBehind() {
        Lease first = acquire(balancer, AGENTS);
        Lease second = acquire(balancer, AGENTS);
        assertThat(balancer.loads()).containsOnlyKeys("user/1001", "user/1002");

        releaseAll(List.of(first, second));

        assertThat(balancer.loads()).isEmpty();
    }
}
