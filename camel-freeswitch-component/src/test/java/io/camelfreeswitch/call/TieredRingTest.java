package io.camelfreeswitch.call;

import io.camelfreeswitch.simulator.Behaviour;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static io.camelfreeswitch.testing.TestWaits.WELL_WITHIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** TIERED: tier after tier, each rung at once for the timeout; the next only when nobody in the previous answered. */
class TieredRingTest extends SimulatedCalls {

    @SafeVarargs
    private static RingGroupRequest.Builder inTiers(List<String>... tiers) {
        return RingGroupRequest.tiered(List.of(tiers));
    }

    @Test
    void an_answer_in_the_first_tier_wins_the_rest_of_the_tier_gets_LOSE_RACE_and_the_next_tier_is_never_rung()
            throws Exception {
        String answering = answersAfter(50);
        String ringing = neverAnswers();
        String nextTier = answersAfter(0);

        RingGroupResult result = resultOf(RingGroup.ring(connection, inTiers(List.of(answering, ringing),
                List.of(nextTier)).timeout(Duration.ofSeconds(5)).build()));

        assertThat(result.winner().destination()).isEqualTo(answering);
        ledger().awaitHangup(leg(result, ringing).uuid(), "LOSE_RACE", WELL_WITHIN);
        assertThat(ledger().channelsTo(nextTier)).isEmpty();
        endCall(result);
    }

    @Test
    void an_unanswered_tier_is_hung_up_with_NO_ANSWER_after_the_timeout_and_the_next_tier_rings() throws Exception {
        String first = neverAnswers();
        String second = neverAnswers();
        String third = answersAfter(0);

        RingGroupResult result = resultOf(RingGroup.ring(connection, inTiers(List.of(first, second), List.of(third))
                .timeout(Duration.ofSeconds(1)).build()));

        assertThat(result.winner().destination()).isEqualTo(third);
        for (String unanswered : List.of(first, second)) {
            assertThat(leg(result, unanswered).outcome()).isEqualTo(LegOutcome.NO_ANSWER);
            ledger().awaitHangup(leg(result, unanswered).uuid(), "NO_ANSWER", WELL_WITHIN);
            assertThat(leg(result, third).ringStarted()).isAfterOrEqualTo(leg(result, unanswered).endedAt());
        }
        endCall(result);
    }

    @Test
    void a_tier_whose_destinations_all_fail_moves_on_at_once() throws Exception {
        String busy = busy();
        String rejecting = destination("rejects", Behaviour.reject("CALL_REJECTED"));
        String answering = answersAfter(0);

        RingGroupResult result = resultOf(RingGroup.ring(connection, inTiers(List.of(busy, rejecting),
                List.of(answering)).timeout(Duration.ofMinutes(5)).build()));

        assertThat(result.winner().destination()).isEqualTo(answering);
        assertThat(leg(result, busy).outcome()).isEqualTo(LegOutcome.BUSY);
        assertThat(leg(result, rejecting).outcome()).isEqualTo(LegOutcome.REJECTED);
        endCall(result);
    }

    @Test
    void nobody_in_any_tier_answering_ends_empty_with_every_leg_hung_up_with_NO_ANSWER() throws Exception {
        String first = neverAnswers();
        String second = neverAnswers();

        RingGroupResult result = resultOf(RingGroup.ring(connection, inTiers(List.of(first), List.of(second))
                .timeout(Duration.ofMillis(300)).build()));

        assertThat(result.outcome()).isEqualTo(RingGroupOutcome.NO_ANSWER);
        assertThat(rungInOrder(result)).containsExactly(first, second);
        for (LegResult leg : result.legs()) {
            ledger().awaitHangup(leg.uuid(), "NO_ANSWER", WELL_WITHIN);
        }
    }

    @Test
    void the_caller_hanging_up_cancels_the_ringing_tier_with_ORIGINATOR_CANCEL() throws Exception {
        String caller = callerChannel();
        String first = neverAnswers();
        String second = neverAnswers();
        String nextTier = answersAfter(0);
        CompletableFuture<RingGroupResult> ring = RingGroup.ring(connection, inTiers(List.of(first, second),
                List.of(nextTier)).timeout(Duration.ofSeconds(30)).callerUuid(caller).build());
        awaitRinging(first, second);

        hangUp(caller);
        RingGroupResult result = resultOf(ring);

        assertThat(result.outcome()).isEqualTo(RingGroupOutcome.CANCELLED);
        for (String destination : List.of(first, second)) {
            assertThat(leg(result, destination).outcome()).isEqualTo(LegOutcome.CANCELLED);
            ledger().awaitHangup(leg(result, destination).uuid(), "ORIGINATOR_CANCEL", WELL_WITHIN);
        }
        assertThat(ledger().channelsTo(nextTier)).isEmpty();
    }

    @Test
    void the_total_timeout_caps_the_tiers() throws Exception {
        String first = neverAnswers();
        String second = neverAnswers();
        String third = neverAnswers();
        Duration perTier = Duration.ofSeconds(2);
        Duration total = Duration.ofMillis(3000);

        RingGroupResult result = resultOf(RingGroup.ring(connection, inTiers(List.of(first), List.of(second),
                List.of(third)).timeout(perTier).totalTimeout(total).build()), total);

        assertThat(result.outcome()).isEqualTo(RingGroupOutcome.NO_ANSWER);
        assertThat(rungInOrder(result)).containsExactly(first, second);
        assertThat(ledger().channelsTo(third)).isEmpty();
        for (LegResult leg : result.legs()) {
            ledger().awaitHangup(leg.uuid(), "NO_ANSWER", WELL_WITHIN);
        }
    }

    @Test
    void tiers_are_refused_in_any_other_mode_and_an_empty_tier_is_refused() {
        assertThatThrownBy(() -> inTiers(List.of("user/1001"), List.of("user/1002")).mode(RingMode.PARALLEL).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("TIERED");
        assertThatThrownBy(() -> inTiers(List.of("user/1001"), List.of()).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("empty");
    }
}
