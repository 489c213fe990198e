package io.camelfreeswitch.call;

import io.camelfreeswitch.simulator.Behaviour;
import io.camelfreeswitch.simulator.ChannelRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static io.camelfreeswitch.testing.TestWaits.WELL_WITHIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Answer confirmation: with a confirm key, an answered leg wins only once its callee has pressed the key; a leg that
 * answers and does not (a voicemail, an auto-answer) is hung up as UNCONFIRMED while the others keep ringing.
 */
class AnswerConfirmationRingTest extends SimulatedCalls {

    private static String pressesOne(long answerAfter, long pressAfter) {
        return destination("presses-1", Behaviour.answerThenPress(Duration.ofMillis(answerAfter), "1",
                Duration.ofMillis(pressAfter)));
    }

    private static RingGroupRequest.Builder confirmed(RingMode mode, String... destinations) {
        return RingGroupRequest.builder(List.of(destinations)).mode(mode).confirmKey("1")
                .confirmPrompt("tone_stream://%(200,0,440)");
    }

    @Test
    void a_leg_that_confirms_wins_over_one_that_answered_earlier_and_never_confirms() throws Exception {
        String voicemail = answersAfter(50);
        String person = pressesOne(200, 300);

        RingGroupResult result = resultOf(RingGroup.ring(connection, confirmed(RingMode.PARALLEL, voicemail, person)
                .timeout(Duration.ofSeconds(3)).build()));

        assertThat(result.outcome()).isEqualTo(RingGroupOutcome.ANSWERED);
        assertThat(result.winner().destination()).isEqualTo(person);
        assertThat(leg(result, voicemail).outcome()).isEqualTo(LegOutcome.LOST_RACE);
        assertThat(ledger().awaitHangup(leg(result, voicemail).uuid(), "LOSE_RACE", WELL_WITHIN).wasAnswered())
                .isTrue();
        // FreeSWITCH's own timer covers the ring time and the time to confirm: 3 s + 10 s, plus its margin
        assertThat(connection.api("uuid_getvar " + result.winner().uuid() + " originate_timeout")
                .get(WELL_WITHIN.toSeconds(), TimeUnit.SECONDS)).isEqualTo(String.valueOf(OriginateTimeout.seconds(Duration.ofSeconds(13))));
        assertThat(ledger().playbacks(result.winner().uuid())).extracting(p -> p.media())
                .containsExactly("tone_stream://%(200,0,440)");
        endCall(result);
    }

    @Test
    void a_leg_that_answers_without_confirming_is_hung_up_as_UNCONFIRMED_while_the_others_keep_ringing()
            throws Exception {
        String voicemail = answersAfter(0);
        String person = pressesOne(1200, 100);

        RingGroupResult result = resultOf(RingGroup.ring(connection, confirmed(RingMode.PARALLEL, voicemail, person)
                .confirmTimeout(Duration.ofMillis(400)).timeout(Duration.ofSeconds(5)).build()));

        assertThat(result.winner().destination()).isEqualTo(person);
        LegResult unconfirmed = leg(result, voicemail);
        assertThat(unconfirmed.outcome()).isEqualTo(LegOutcome.UNCONFIRMED);
        assertThat(unconfirmed.hangupCause()).isEqualTo("NO_ANSWER");
        ChannelRecord hungUp = ledger().awaitHangup(unconfirmed.uuid(), "NO_ANSWER", WELL_WITHIN);
        assertThat(hungUp.killedBy()).isEqualTo("uuid_kill");
        assertThat(hungUp.hungUp()).isBefore(ledger().channel(result.winner().uuid()).orElseThrow().answered());
        endCall(result);
    }

    @Test
    void nobody_confirming_ends_the_group_with_NO_ANSWER() throws Exception {
        String voicemail = answersAfter(0);
        String presses2 = destination("presses-2", Behaviour.answerThenPress(Duration.ZERO, "2", Duration.ofMillis(50)));
        String ringing = neverAnswers();

        RingGroupResult result = resultOf(RingGroup.ring(connection,
                confirmed(RingMode.PARALLEL, voicemail, presses2, ringing)
                        .confirmTimeout(Duration.ofMillis(400)).timeout(Duration.ofMillis(800)).build()));

        assertThat(result.outcome()).isEqualTo(RingGroupOutcome.NO_ANSWER);
        assertThat(leg(result, voicemail).outcome()).isEqualTo(LegOutcome.UNCONFIRMED);
        assertThat(leg(result, presses2).outcome()).isEqualTo(LegOutcome.UNCONFIRMED);
        assertThat(leg(result, ringing).outcome()).isEqualTo(LegOutcome.NO_ANSWER);
        for (LegResult leg : result.legs()) {
            ledger().awaitHangup(leg.uuid(), "NO_ANSWER", WELL_WITHIN);
        }
    }

    @Test
    void a_leg_answering_just_before_the_ring_time_runs_out_still_has_its_time_to_confirm() throws Exception {
        String late = pressesOne(300, 500);
        String ringing = neverAnswers();

        RingGroupResult result = resultOf(RingGroup.ring(connection, confirmed(RingMode.PARALLEL, late, ringing)
                .timeout(Duration.ofMillis(500)).confirmTimeout(Duration.ofSeconds(3)).build()));

        assertThat(result.winner().destination()).isEqualTo(late);
        assertThat(leg(result, ringing).outcome()).isEqualTo(LegOutcome.NO_ANSWER);
        ChannelRecord rangOut = ledger().awaitHangup(leg(result, ringing).uuid(), "NO_ANSWER", WELL_WITHIN);
        assertThat(rangOut.hungUp()).isBefore(leg(result, late).endedAt());
        endCall(result);
    }

    @Test
    void sequential_moves_on_to_the_next_destination_after_an_unconfirmed_leg() throws Exception {
        String voicemail = answersAfter(0);
        String person = pressesOne(0, 100);

        RingGroupResult result = resultOf(RingGroup.ring(connection, confirmed(RingMode.SEQUENTIAL, voicemail, person)
                .confirmTimeout(Duration.ofMillis(400)).timeout(Duration.ofSeconds(5)).build()));

        assertThat(rungInOrder(result)).containsExactly(voicemail, person);
        assertThat(leg(result, voicemail).outcome()).isEqualTo(LegOutcome.UNCONFIRMED);
        assertThat(leg(result, person).ringStarted()).isAfterOrEqualTo(leg(result, voicemail).endedAt());
        assertThat(result.winner().destination()).isEqualTo(person);
        endCall(result);
    }

    @Test
    void balancing_releases_an_unconfirmed_destination_and_rings_the_next() throws Exception {
        String voicemail = answersAfter(0);
        String person = pressesOne(0, 100);

        RingGroupResult result = resultOf(RingGroup.ring(connection, confirmed(RingMode.BALANCING, voicemail, person)
                .balancer(balancer).confirmTimeout(Duration.ofMillis(400)).timeout(Duration.ofSeconds(5)).build()));

        assertThat(rungInOrder(result)).containsExactly(voicemail, person);
        assertThat(leg(result, voicemail).outcome()).isEqualTo(LegOutcome.UNCONFIRMED);
        assertThat(balancer.load(voicemail).get(WELL_WITHIN.toSeconds(), TimeUnit.SECONDS)).isZero();
        assertThat(result.winner().destination()).isEqualTo(person);
        endCall(result);
    }

    @Test
    void the_confirm_key_is_one_DTMF_key_and_FreeSWITCH_s_own_variables_are_the_group_s() {
        assertThatThrownBy(() -> RingGroupRequest.builder(List.of("user/1001")).confirmKey("12").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("confirmKey");
        assertThatThrownBy(() -> RingGroupRequest.builder(List.of("user/1001")).confirmPrompt("ask.wav").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("confirmKey");
        assertThatThrownBy(() -> RingGroupRequest.builder(List.of("user/1001"))
                .variable("group_confirm_key", "1").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("confirmKey");
    }
}
