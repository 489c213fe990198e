package io.camelfreeswitch.call;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import static io.camelfreeswitch.testing.TestWaits.WELL_WITHIN;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A ring group is handled on its connection's event threads: its legs' events, its bookkeeping and the completion
 * of its future all happen there, not on a scheduler or pool of its own, never on a Netty event loop. The simulator
 * runs on a virtual time, so that nobody answers before the test has attached the stage whose thread it reads (a stage
 * attached to a completed future runs on the attaching thread).
 */
@OnVirtualTime
class RingGroupThreadsTest extends SimulatedCalls {

    private static final String EVENT_THREADS = "esl-events";
    private static final Duration ANSWER_AFTER = Duration.ofMillis(100);

    @Test
    void the_group_is_handled_and_its_result_completed_on_the_connections_event_threads() throws Exception {
        String loses = neverAnswers();
        String wins = answersAfter(ANSWER_AFTER.toMillis());
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
        advanceOnceRinging(ring, 2, ANSWER_AFTER);
        // read before anyone waits on the group itself: a thread blocked in its get() may run its stages too
        String completingThread = completedOn.get(WELL_WITHIN.toSeconds(), TimeUnit.SECONDS);

        RingGroupResult result = resultOf(ring);

        assertThat(result.outcome()).isEqualTo(RingGroupOutcome.ANSWERED);
        assertThat(completingThread).startsWith(EVENT_THREADS);
        assertThat(groupThreads).isNotEmpty().allMatch(name -> name.startsWith(EVENT_THREADS));
        endCall(result);
    }

    @Test
    void the_short_form_is_a_ring_group_future_too_and_completes_on_the_event_threads() throws Exception {
        String wins = answersAfter(ANSWER_AFTER.toMillis());
        RingGroupFuture<Optional<Channel>> ring = RingGroup.ring(connection, List.of(wins), RingMode.PARALLEL,
                WELL_WITHIN, null, null);
        CompletableFuture<String> completedOn = ring.thenApply(answered -> Thread.currentThread().getName());
        advanceOnceRinging(ring, 1, ANSWER_AFTER);
        String completingThread = completedOn.get(WELL_WITHIN.toSeconds(), TimeUnit.SECONDS);

        Channel winner = ring.get(WELL_WITHIN.toSeconds(), TimeUnit.SECONDS).orElseThrow();

        assertThat(completingThread).startsWith(EVENT_THREADS);
        assertThat(ring.legs().get()).extracting(LegResult::outcome).containsExactly(LegOutcome.ANSWERED);
        assertThat(ring.hangupsSent()).succeedsWithin(WELL_WITHIN);
        hangUp(winner.uuid());
        winner.hungUp().get(WELL_WITHIN.toSeconds(), TimeUnit.SECONDS);
    }
}
