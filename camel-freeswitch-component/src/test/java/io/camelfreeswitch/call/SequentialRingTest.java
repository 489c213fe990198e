package io.camelfreeswitch.call;

import io.camelfreeswitch.simulator.Behaviour;
import io.camelfreeswitch.simulator.ChannelRecord;
import io.camelfreeswitch.simulator.VirtualTime;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static io.camelfreeswitch.testing.TestWaits.WELL_WITHIN;
import static org.assertj.core.api.Assertions.assertThat;

/** SEQUENTIAL: one destination at a time, in group order, each ringing up to the timeout. */
class SequentialRingTest extends SimulatedCalls {

    private static RingGroupRequest.Builder inOrder(String... destinations) {
        return RingGroupRequest.builder(List.of(destinations)).mode(RingMode.SEQUENTIAL);
    }

    @Test
    void the_first_destination_answering_wins_and_the_rest_are_never_rung() throws Exception {
        String first = answersAfter(50);
        String second = answersAfter(0);

        RingGroupResult result = resultOf(RingGroup.ring(connection, inOrder(first, second)
                .timeout(Duration.ofSeconds(5)).build()));

        assertThat(result.winner().destination()).isEqualTo(first);
        assertThat(rungInOrder(result)).containsExactly(first);
        assertThat(ledger().channelsTo(second)).isEmpty();
        endCall(result);
    }

    @Test
    void an_unanswered_destination_is_hung_up_with_NO_ANSWER_and_the_next_is_rung() throws Exception {
        String first = neverAnswers();
        String second = answersAfter(0);

        VirtualTime groupTime = new VirtualTime();
        Duration timeout = Duration.ofSeconds(2);

        RingGroupFuture<RingGroupResult> ring = RingGroup.ring(connection, onVirtualTime(groupTime, inOrder(first, second)
                .timeout(timeout)).build());
        advanceOnceRinging(groupTime, ring, 1, timeout);
        RingGroupResult result = resultOf(ring);

        assertThat(result.winner().destination()).isEqualTo(second);
        assertThat(rungInOrder(result)).containsExactly(first, second);
        assertThat(leg(result, first).outcome()).isEqualTo(LegOutcome.NO_ANSWER);
        ChannelRecord firstLeg = ledger().awaitHangup(leg(result, first).uuid(), "NO_ANSWER", WELL_WITHIN);
        assertThat(leg(result, second).ringStarted()).isAfterOrEqualTo(leg(result, first).endedAt());
        assertThat(ledger().channel(leg(result, second).uuid()).orElseThrow().created())
                .isAfterOrEqualTo(firstLeg.created());
        endCall(result);
    }

    @Test
    void nobody_answering_rings_each_destination_for_the_timeout_then_ends_empty() throws Exception {
        String first = neverAnswers();
        String second = neverAnswers();

        VirtualTime groupTime = new VirtualTime();
        Duration timeout = Duration.ofMillis(200);

        RingGroupFuture<RingGroupResult> ring = RingGroup.ring(connection, onVirtualTime(groupTime, inOrder(first, second)
                .timeout(timeout)).build());
        advanceOnceRinging(groupTime, ring, 1, timeout);
        advanceOnceRinging(groupTime, ring, 2, timeout);
        RingGroupResult result = resultOf(ring);

        assertThat(result.outcome()).isEqualTo(RingGroupOutcome.NO_ANSWER);
        assertThat(rungInOrder(result)).containsExactly(first, second);
        for (LegResult leg : result.legs()) {
            assertThat(leg.outcome()).isEqualTo(LegOutcome.NO_ANSWER);
            ledger().awaitHangup(leg.uuid(), "NO_ANSWER", WELL_WITHIN);
        }
    }

    @Test
    void failing_destinations_move_on_at_once_and_all_failing_ends_empty() throws Exception {
        String busy = busy();
        String rejecting = destination("rejects", Behaviour.reject("CALL_REJECTED"));

        RingGroupResult result = resultOf(RingGroup.ring(connection, inOrder(busy, rejecting)
                .timeout(Duration.ofMinutes(5)).build()));

        assertThat(result.outcome()).isEqualTo(RingGroupOutcome.NO_ANSWER);
        assertThat(leg(result, busy).outcome()).isEqualTo(LegOutcome.BUSY);
        assertThat(leg(result, rejecting).outcome()).isEqualTo(LegOutcome.REJECTED);
    }

    @Test
    void a_busy_destination_is_skipped_at_once() throws Exception {
        String busy = busy();
        String answering = answersAfter(30);

        RingGroupResult result = resultOf(RingGroup.ring(connection, inOrder(busy, answering)
                .timeout(Duration.ofMinutes(5)).build()));

        assertThat(result.winner().destination()).isEqualTo(answering);
        assertThat(leg(result, busy).outcome()).isEqualTo(LegOutcome.BUSY);
        endCall(result);
    }

    @Test
    void the_caller_hanging_up_stops_the_sequence_with_ORIGINATOR_CANCEL() throws Exception {
        String caller = callerChannel();
        String first = neverAnswers();
        String second = answersAfter(0);
        CompletableFuture<RingGroupResult> ring = RingGroup.ring(connection, inOrder(first, second)
                .timeout(Duration.ofSeconds(30)).callerUuid(caller).build());
        awaitRinging(first);

        hangUp(caller);
        RingGroupResult result = resultOf(ring);

        assertThat(result.outcome()).isEqualTo(RingGroupOutcome.CANCELLED);
        assertThat(leg(result, first).outcome()).isEqualTo(LegOutcome.CANCELLED);
        ledger().awaitHangup(leg(result, first).uuid(), "ORIGINATOR_CANCEL", WELL_WITHIN);
        assertThat(ledger().channelsTo(second)).isEmpty();
    }

    @Test
    void cancelling_the_future_hangs_up_the_ringing_leg_and_rings_no_other() throws Exception {
        String first = neverAnswers();
        String second = answersAfter(0);
        CompletableFuture<RingGroupResult> ring = RingGroup.ring(connection, inOrder(first, second)
                .timeout(Duration.ofSeconds(30)).build());
        awaitRinging(first);

        ring.cancel(true);

        ChannelRecord leg = ledger().awaitChannel(r -> r.destination().equals(first), WELL_WITHIN);
        ledger().awaitHangup(leg.uuid(), "ORIGINATOR_CANCEL", WELL_WITHIN);
        ledger().awaitNoLiveChannels(WELL_WITHIN);
        assertThat(ledger().channelsTo(second)).isEmpty();
    }

    @Test
    void a_destination_answering_just_as_its_time_runs_out_either_wins_or_is_hung_up_never_both() throws Exception {
        Duration timeout = Duration.ofMillis(1000);
        String onTheEdge = destination("on-the-edge", Behaviour.answerAfter(timeout));
        String next = answersAfter(0);

        RingGroupResult result = resultOf(RingGroup.ring(connection, inOrder(onTheEdge, next).timeout(timeout).build()));

        assertThat(result.outcome()).isEqualTo(RingGroupOutcome.ANSWERED);
        assertThat(result.legs()).filteredOn(leg -> leg.outcome() == LegOutcome.ANSWERED).hasSize(1);
        if (result.winner().destination().equals(next)) {
            assertThat(leg(result, onTheEdge).outcome()).isEqualTo(LegOutcome.NO_ANSWER);
            ledger().awaitHangup(leg(result, onTheEdge).uuid(), "NO_ANSWER", WELL_WITHIN);
        } else {
            assertThat(ledger().channelsTo(next)).isEmpty();
        }
        endCall(result);
    }
}
