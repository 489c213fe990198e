package io.camelfreeswitch.call;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A ring group is handled on its connection's event threads: its legs' events, its bookkeeping and the completion
 * of its future all happen there, not on a scheduler or pool of its own, never on a Netty event loop.
 */
class RingGroupThreadsTest extends SimulatedCalls {

    private static final String EVENT_THREADS = "esl-events";

    @Test
    void the_group_is_handled_and_its_result_completed_on_the_connections_event_threads() throws Exception {
        String loses = neverAnswers();
        String wins = answersAfter(0);
        Set<String> groupThreads = ConcurrentHashMap.newKeySet();
        RingGroupListener threads = new RingGroupListener() {
            @Override
            public void legEnded(RingGroupRequest request, LegResult leg) {
                groupThreads.add(Thread.currentThread().getName());
            }

            @Override
            public void groupEnded(RingGroupRequest request, RingGroupResult result, Duration elapsed) {
                groupThreads.add(Thread.currentThread().getName());
            }
        };
        RingGroupFuture<RingGroupResult> ring = RingGroup.ring(connection, RingGroupRequest
                .builder(List.of(loses, wins)).timeout(WELL_WITHIN).listener(threads).build());
        CompletableFuture<String> completedOn = ring.thenApply(result -> Thread.currentThread().getName());

        RingGroupResult result = resultOf(ring);

        assertThat(result.outcome()).isEqualTo(RingGroupOutcome.ANSWERED);
        assertThat(completedOn.get()).startsWith(EVENT_THREADS);
        assertThat(groupThreads).isNotEmpty().allMatch(name -> name.startsWith(EVENT_THREADS));
        endCall(result);
    }

    @Test
    void the_short_form_is_a_ring_group_future_too_and_completes_on_the_event_threads() throws Exception {
        RingGroupFuture<Optional<Channel>> ring = RingGroup.ring(connection, List.of(answersAfter(0)),
                RingMode.PARALLEL, WELL_WITHIN, null, null);
        CompletableFuture<String> completedOn = ring.thenApply(answered -> Thread.currentThread().getName());

        Channel winner = ring.get(WELL_WITHIN.toSeconds(), TimeUnit.SECONDS).orElseThrow();

        assertThat(completedOn.get()).startsWith(EVENT_THREADS);
        assertThat(ring.legs().get()).extracting(LegResult::outcome).containsExactly(LegOutcome.ANSWERED);
        assertThat(ring.hangupsSent()).succeedsWithin(WELL_WITHIN);
        hangUp(winner.uuid());
        winner.hungUp().get(WELL_WITHIN.toSeconds(), TimeUnit.SECONDS);
    }
}
