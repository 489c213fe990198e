package io.camelfreeswitch.call;

import io.camelfreeswitch.call.balancer.Lease;
import io.camelfreeswitch.call.balancer.LoadBalancer;
import io.camelfreeswitch.simulator.ChannelRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import static io.camelfreeswitch.testing.TestWaits.WELL_WITHIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Cancelling a ring group's future hangs up every leg it started and gives back every lease it took. */
class RingGroupCancellationTest extends SimulatedCalls {

    @Test
    void cancelling_the_six_argument_form_hangs_up_every_leg_with_ORIGINATOR_CANCEL() {
        String first = neverAnswers();
        String second = neverAnswers();
        CompletableFuture<Optional<Channel>> ring = RingGroup.ring(connection, List.of(first, second),
                RingMode.PARALLEL, Duration.ofSeconds(60), null, null);
        awaitRinging(first, second);

        assertThat(ring.cancel(true)).isTrue();

        for (String destination : List.of(first, second)) {
            ChannelRecord record = ledger().channelsTo(destination).get(0);
            assertThat(ledger().awaitHangup(record.uuid(), "ORIGINATOR_CANCEL", WELL_WITHIN).killedBy())
                    .isEqualTo("uuid_kill");
        }
    }

    @Test
    void a_group_cancelled_while_the_balancer_is_choosing_gives_the_lease_back_and_rings_nobody() throws Exception {
        String agent = answersAfter(0);
        ChoosingLater choosing = new ChoosingLater();
        CompletableFuture<RingGroupResult> ring = RingGroup.ring(connection, RingGroupRequest
                .builder(List.of(agent)).mode(RingMode.BALANCING).balancer(choosing).timeout(Duration.ofSeconds(30))
                .build());
        await().atMost(WELL_WITHIN).until(choosing.pending::isDone);

        ring.cancel(true);
        CountingLease lease = new CountingLease(agent);
        choosing.choose(lease);

        await().atMost(WELL_WITHIN).until(() -> lease.releases.get() == 1);
        assertThat(ledger().channelsTo(agent)).isEmpty();
    }

    @Test
    void a_group_whose_total_timeout_ends_while_the_balancer_is_choosing_gives_the_lease_back() throws Exception {
        String agent = answersAfter(0);
        ChoosingLater choosing = new ChoosingLater();
        CompletableFuture<RingGroupResult> ring = RingGroup.ring(connection, RingGroupRequest
                .builder(List.of(agent)).mode(RingMode.BALANCING).balancer(choosing).timeout(Duration.ofSeconds(30))
                .totalTimeout(Duration.ofMillis(200)).build());

        RingGroupResult result = resultOf(ring);
        CountingLease lease = new CountingLease(agent);
        choosing.choose(lease);

        assertThat(result.outcome()).isEqualTo(RingGroupOutcome.NO_ANSWER);
        await().atMost(WELL_WITHIN).until(() -> lease.releases.get() == 1);
        assertThat(ledger().channelsTo(agent)).isEmpty();
    }

    /** A balancer whose choice arrives when the test says so, as a slow Redis round trip would. */
    private static final class ChoosingLater implements LoadBalancer {
        /** Completed with the choice's future once the group has asked. */
        final CompletableFuture<CompletableFuture<Optional<Lease>>> pending = new CompletableFuture<>();

        @Override
        public CompletableFuture<Optional<Lease>> acquire(List<String> candidates) {
            CompletableFuture<Optional<Lease>> choice = new CompletableFuture<>();
            pending.complete(choice);
            return choice;
        }

        @Override
        public CompletableFuture<Long> load(String destination) {
            return CompletableFuture.completedFuture(0L);
        }

        void choose(Lease lease) throws Exception {
            pending.get(WELL_WITHIN.toSeconds(), java.util.concurrent.TimeUnit.SECONDS).complete(Optional.of(lease));
        }
    }

    private static final class CountingLease implements Lease {
        private final String destination;
        final AtomicInteger releases = new AtomicInteger();

        CountingLease(String destination) {
            this.destination = destination;
        }

        @Override
        public String destination() {
            return destination;
        }

        @Override
        public CompletableFuture<Void> release() {
            releases.incrementAndGet();
            return CompletableFuture.completedFuture(null);
        }
    }
}
