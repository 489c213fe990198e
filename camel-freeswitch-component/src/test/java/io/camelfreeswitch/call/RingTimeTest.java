package io.camelfreeswitch.call;

import io.camelfreeswitch.simulator.Behaviour;
import io.camelfreeswitch.simulator.ChannelRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static io.camelfreeswitch.testing.TestWaits.WELL_WITHIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A leg rings for the time asked, in every mode: the group's own timer ends it with NO_ANSWER through its uuid_kill.
 * FreeSWITCH's originate timer counts whole seconds (originate_timeout=4 gives up 3 to 4 s in, as the simulator
 * models it), so it must never be the one to end a leg. Ring time is what FreeSWITCH saw: from the channel's creation
 * to its hang-up, as the simulator recorded them. Both run on one virtual time, so the times are exact. A callee who
 * answers within the ring time and is asked to confirm is no longer ringing: the leg keeps its time to confirm.
 */
@OnVirtualTime
class RingTimeTest extends SimulatedCalls {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);
    /** Two destinations in one tier, or with no delays, ring together as in PARALLEL. */
    private static final Set<RingMode> RINGS_BOTH_AT_ONCE = EnumSet.of(RingMode.PARALLEL, RingMode.TIERED,
            RingMode.ENTERPRISE);
    /** With confirmation on: the leg rings this long; its callee answers before that and presses the key after. */
    private static final Duration SHORT_RING = Duration.ofMillis(500);
    private static final Duration ANSWER_AT = Duration.ofMillis(300);
    private static final Duration CONFIRM_AT = Duration.ofMillis(700);

    /** MEMORY_HUNT asks more of its earlier legs, which ring on through the later steps: MemoryHuntRingTest. */
    @ParameterizedTest
    @EnumSource(value = RingMode.class, names = "MEMORY_HUNT", mode = EnumSource.Mode.EXCLUDE)
    void every_unanswered_leg_rings_for_the_timeout_asked_and_is_hung_up_by_the_group(RingMode mode)
            throws Exception {
        String first = neverAnswers();
        String second = neverAnswers();

        RingGroupFuture<RingGroupResult> ring = RingGroup.ring(connection, onVirtualTime(RingGroupRequest.builder(List.of(first, second))
                .mode(mode).balancer(balancer).timeout(TIMEOUT)).build());
        if (RINGS_BOTH_AT_ONCE.contains(mode)) {
            advanceOnceRinging(ring, 2, TIMEOUT);
        } else {
            advanceOnceRinging(ring, 1, TIMEOUT);
            advanceOnceRinging(ring, 2, TIMEOUT);
        }
        RingGroupResult result = resultOf(ring);

        assertThat(result.outcome()).isEqualTo(RingGroupOutcome.NO_ANSWER);
        assertThat(rungInOrder(result)).containsExactlyInAnyOrder(first, second);
        for (LegResult leg : result.legs()) {
            assertThat(rang(hungUpByTheGroup(leg))).isEqualTo(TIMEOUT);
        }
    }

    @Test
    void a_total_timeout_ending_mid_leg_cuts_that_leg_to_what_is_left_of_it() throws Exception {
        String first = neverAnswers();
        String second = neverAnswers();
        String neverRung = neverAnswers();
        Duration total = Duration.ofSeconds(3);

        RingGroupFuture<RingGroupResult> ring = RingGroup.ring(connection, onVirtualTime(RingGroupRequest
                .builder(List.of(first, second, neverRung)).mode(RingMode.SEQUENTIAL)
                .timeout(TIMEOUT).totalTimeout(total)).build());
        advanceOnceRinging(ring, 1, TIMEOUT);
        advanceOnceRinging(ring, 2, total.minus(TIMEOUT));
        RingGroupResult result = resultOf(ring);

        assertThat(result.outcome()).isEqualTo(RingGroupOutcome.NO_ANSWER);
        assertThat(rungInOrder(result)).containsExactly(first, second);
        ChannelRecord firstLeg = hungUpByTheGroup(leg(result, first));
        ChannelRecord secondLeg = hungUpByTheGroup(leg(result, second));
        assertThat(rang(firstLeg)).isEqualTo(TIMEOUT);
        assertThat(rang(secondLeg)).isEqualTo(total.minus(TIMEOUT));
        assertThat(Duration.between(firstLeg.created(), secondLeg.hungUp())).as("the whole group").isEqualTo(total);
        assertThat(ledger().channelsTo(neverRung)).isEmpty();
    }

    @Test
    void a_leg_failing_early_leaves_the_next_what_is_left_of_the_total_timeout() throws Exception {
        Duration rejectsAfter = Duration.ofSeconds(1);
        String first = destination("rejects-late", Behaviour.rejectAfter("CALL_REJECTED", rejectsAfter));
        String second = neverAnswers();
        String third = neverAnswers();
        Duration perLeg = Duration.ofSeconds(60);
        Duration total = Duration.ofSeconds(4);

        RingGroupFuture<RingGroupResult> ring = RingGroup.ring(connection, onVirtualTime(RingGroupRequest
                .builder(List.of(first, second, third)).mode(RingMode.SEQUENTIAL)
                .timeout(perLeg).totalTimeout(total)).build());
        advanceOnceRinging(ring, 1, rejectsAfter);
        advanceOnceRinging(ring, 2, total.minus(rejectsAfter));
        RingGroupResult result = resultOf(ring);

        assertThat(result.outcome()).isEqualTo(RingGroupOutcome.NO_ANSWER);
        assertThat(rungInOrder(result)).containsExactly(first, second);
        assertThat(leg(result, first).outcome()).isEqualTo(LegOutcome.REJECTED);
        assertThat(rang(hungUpByTheGroup(leg(result, second)))).isEqualTo(total.minus(rejectsAfter));
        assertThat(ledger().channelsTo(third)).isEmpty();
    }

    @Test
    void a_leg_that_ended_by_itself_does_not_move_the_group_on_again_when_its_ring_time_would_have_run_out()
            throws Exception {
        Duration rejectsAfter = Duration.ofSeconds(1);
        String first = destination("rejects-early", Behaviour.rejectAfter("CALL_REJECTED", rejectsAfter));
        String second = neverAnswers();
        String third = answersAfter(0);

        RingGroupFuture<RingGroupResult> ring = RingGroup.ring(connection, onVirtualTime(RingGroupRequest
                .builder(List.of(first, second, third)).mode(RingMode.SEQUENTIAL).timeout(TIMEOUT)).build());
        advanceOnceRinging(ring, 1, rejectsAfter); // the first rejects; the second rings
        advanceOnceRinging(ring, 2, TIMEOUT.minus(rejectsAfter)); // the first's ring time would have run out now
        advanceOnceRinging(ring, 2, rejectsAfter); // the second's has
        RingGroupResult result = resultOf(ring);

        assertThat(rungInOrder(result)).containsExactly(first, second, third);
        assertThat(result.outcome()).isEqualTo(RingGroupOutcome.ANSWERED);
        assertThat(result.winner().destination()).isEqualTo(third);
        assertThat(leg(result, second).outcome()).isEqualTo(LegOutcome.NO_ANSWER);
        assertThat(leg(result, third).ringStarted()).as("once the second had rung for its whole time")
                .isEqualTo(leg(result, second).ringStarted().plus(TIMEOUT));
        endCall(result);
    }

    @ParameterizedTest
    @EnumSource(RingMode.class)
    void a_leg_that_answered_within_its_ring_time_keeps_its_time_to_confirm_after_it(RingMode mode) throws Exception {
        String late = answersThenConfirms();

        RingGroupFuture<RingGroupResult> ring = RingGroup.ring(connection, confirmed(RingGroupRequest
                .builder(List.of(late)).mode(mode).balancer(balancer)).build());
        advanceOnceRinging(ring, 1, ANSWER_AT);
        advanceOnceAnswered(ring, late, CONFIRM_AT.minus(ANSWER_AT));
        RingGroupResult result = resultOf(ring);

        assertThat(result.outcome()).isEqualTo(RingGroupOutcome.ANSWERED);
        LegResult confirmedLate = leg(result, late);
        assertThat(confirmedLate.outcome()).isEqualTo(LegOutcome.ANSWERED);
        assertThat(Duration.between(confirmedLate.ringStarted(), confirmedLate.endedAt())).as("handed out at")
                .isEqualTo(CONFIRM_AT);
        endCall(result);
    }

    @Test
    void the_next_tier_rings_at_the_tier_s_time_while_a_leg_of_it_is_still_confirming() throws Exception {
        String late = answersThenConfirms();
        String nextTier = neverAnswers();

        RingGroupFuture<RingGroupResult> ring = RingGroup.ring(connection, confirmed(RingGroupRequest
                .tiered(List.of(List.of(late), List.of(nextTier)))).build());
        advanceOnceRinging(ring, 1, ANSWER_AT);
        advanceOnceAnswered(ring, late, SHORT_RING.minus(ANSWER_AT));
        advanceOnceRinging(ring, 2, CONFIRM_AT.minus(SHORT_RING));
        RingGroupResult result = resultOf(ring);

        assertThat(result.winner().destination()).isEqualTo(late);
        assertThat(Duration.between(leg(result, late).ringStarted(), leg(result, nextTier).ringStarted()))
                .as("the next tier rang after").isEqualTo(SHORT_RING);
        ledger().awaitHangup(leg(result, nextTier).uuid(), "LOSE_RACE", WELL_WITHIN);
        endCall(result);
    }

    private static RingGroupRequest.Builder confirmed(RingGroupRequest.Builder request) {
        return onVirtualTime(request.timeout(SHORT_RING).confirmKey("1").confirmTimeout(Duration.ofSeconds(3)));
    }

    private static String answersThenConfirms() {
        return destination("answers-then-presses-1",
                Behaviour.answerThenPress(ANSWER_AT, "1", CONFIRM_AT.minus(ANSWER_AT)));
    }

    /** Moves the time on once the group has seen {@code destination} answer: it is then waiting for the key. */
    private static void advanceOnceAnswered(RingGroupFuture<RingGroupResult> ring, String destination, Duration by) {
        await().atMost(WELL_WITHIN).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(10))
                .until(() -> ring.legs().get(WELL_WITHIN.toSeconds(), TimeUnit.SECONDS).stream()
                        .anyMatch(leg -> leg.destination().equals(destination) && leg.answeredAt() != null));
        sim().awaitIdle(WELL_WITHIN);
        time.advance(by);
    }

    private static ChannelRecord hungUpByTheGroup(LegResult leg) {
        assertThat(leg.outcome()).isEqualTo(LegOutcome.NO_ANSWER);
        ChannelRecord channel = ledger().awaitHangup(leg.uuid(), "NO_ANSWER", WELL_WITHIN);
        assertThat(channel.killedBy()).as("%s rang %s and was hung up by", leg.destination(), rang(channel))
                .isEqualTo("uuid_kill");
        return channel;
    }

    private static Duration rang(ChannelRecord channel) {
        return Duration.between(channel.created(), channel.hungUp());
    }
}
