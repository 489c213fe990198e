package io.camelfreeswitch.call.balancer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class InMemoryCapacityTest extends LoadBalancerCapacityContract {

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
    void aRestEndsExactlyOnTimeAndLeavesNothingBehind() {
        AtomicLong now = new AtomicLong();
        InMemoryLoadBalancer stepped = new InMemoryLoadBalancer(now::get);
        CapacityRules wrapUp = CapacityRules.of(new DestinationCapacity(0, Duration.ofSeconds(10), Duration.ZERO));
        LoadBalancerContract.resultOf(acquire(stepped, List.of("user/1001"), wrapUp).orElseThrow()
                .release(LeaseEnd.CALL_ENDED));

        now.addAndGet(Duration.ofSeconds(10).minusNanos(1).toNanos());
        assertThat(stepped.isResting("user/1001")).isTrue();
        assertThat(acquire(stepped, List.of("user/1001"), wrapUp)).isEmpty();

        now.addAndGet(1);
        assertThat(stepped.isResting("user/1001")).isFalse();
        LoadBalancerContract.resultOf(acquire(stepped, List.of("user/1001"), wrapUp).orElseThrow().release());
        assertThat(stepped.loads()).isEmpty();
        assertThat(stepped.isResting("user/1001")).isFalse();
    }
}
