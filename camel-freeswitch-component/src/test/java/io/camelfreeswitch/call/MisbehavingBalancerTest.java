package io.camelfreeswitch.call;

import io.camelfreeswitch.call.balancer.Lease;
import io.camelfreeswitch.call.balancer.LoadBalancer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** A balancer that answers with a destination it was not offered fails the group clearly and rings nobody. */
class MisbehavingBalancerTest extends SimulatedCalls {

    @Test
    void a_destination_outside_the_candidates_fails_the_group_and_its_lease_is_given_back() throws Exception {
        String agent = answersAfter(0);
        String stranger = answersAfter(0);
        AtomicInteger releases = new AtomicInteger();
        Lease strangersLease = new Lease() {
            @Override
            public String destination() {
                return stranger;
            }

            @Override
            public CompletableFuture<Void> release() {
                releases.incrementAndGet();
                return CompletableFuture.completedFuture(null);
            }
        };
        LoadBalancer confused = new LoadBalancer() {
            @Override
            public CompletableFuture<Optional<Lease>> acquire(List<String> candidates) {
                return CompletableFuture.completedFuture(Optional.of(strangersLease));
            }

            @Override
            public CompletableFuture<Long> load(String destination) {
                return CompletableFuture.completedFuture(0L);
            }
        };

        RingGroupResult result = resultOf(RingGroup.ring(connection, RingGroupRequest.builder(List.of(agent))
                .mode(RingMode.BALANCING).balancer(confused).timeout(Duration.ofSeconds(5)).build()));

        assertThat(result.outcome()).isEqualTo(RingGroupOutcome.FAILED);
        assertThat(result.failure()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'" + stranger + "'").hasMessageContaining("not among the destinations");
        assertThat(releases).hasValue(1);
        assertThat(ledger().channelsTo(agent)).isEmpty();
        assertThat(ledger().channelsTo(stranger)).isEmpty();
    }
}
