package io.camelfreeswitch.call;

import io.camelfreeswitch.simulator.Behaviour;
import io.camelfreeswitch.simulator.ChannelRecord;
import io.camelfreeswitch.simulator.VirtualTime;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static io.camelfreeswitch.testing.TestWaits.WELL_WITHIN;
import static org.assertj.core.api.Assertions.assertThat;

/** PARALLEL: every destination rings at once; the first to answer wins; every other leg is hung up. */
class ParallelRingTest extends SimulatedCalls {

    private static CompletableFuture<RingGroupResult> ringAll(Duration timeout, String... destinations) {
        return RingGroup.ring(connection, RingGroupRequest.builder(List.of(destinations))
                .mode(RingMode.PARALLEL).timeout(timeout).build());
    }

    @Test
    void the_first_destination_answering_wins_and_the_others_are_hung_up_with_LOSE_RACE() throws Exception {
        String first = answersAfter(50);
        String second = neverAnswers();
        String third = neverAnswers();

        RingGroupResult result = resultOf(ringAll(Duration.ofSeconds(5), first, second, third));

        assertThat(result.outcome()).isEqualTo(RingGroupOutcome.ANSWERED);
        assertThat(result.winner().destination()).isEqualTo(first);
        assertThat(result.winner().isAnswered()).isTrue();
        assertThat(leg(result, first).outcome()).isEqualTo(LegOutcome.ANSWERED);
        assertThat(result.winner().uuid()).isEqualTo(leg(result, first).uuid());
        for (String loser : List.of(second, third)) {
            assertThat(leg(result, loser).outcome()).isEqualTo(LegOutcome.NO_ANSWER);
            assertThat(leg(result, loser).hangupCause()).isEqualTo("LOSE_RACE");
            ledger().awaitHangup(leg(result, loser).uuid(), "LOSE_RACE", WELL_WITHIN);
        }
        assertThat(ledger().channel(result.winner().uuid()).map(ChannelRecord::hungUp)).isEmpty();
        endCall(result);
    }

    @Test
    void a_later_destination_answering_wins_just_as_well() throws Exception {
        String first = neverAnswers();
        String second = answersAfter(80);

        RingGroupResult result = resultOf(ringAll(Duration.ofSeconds(5), first, second));

        assertThat(result.outcome()).isEqualTo(RingGroupOutcome.ANSWERED);
        assertThat(result.winner().destination()).isEqualTo(second);
        assertThat(leg(result, second).timeToAnswer()).isPositive();
        ledger().awaitHangup(leg(result, first).uuid(), "LOSE_RACE", WELL_WITHIN);
        endCall(result);
    }

    @Test
    void nobody_answering_within_the_timeout_hangs_every_leg_up_with_NO_ANSWER_and_ends_empty() throws Exception {
        String first = neverAnswers();
        String second = neverAnswers();

        VirtualTime groupTime = new VirtualTime();
        Duration timeout = Duration.ofMillis(300);

        RingGroupFuture<RingGroupResult> ring = RingGroup.ring(connection, onVirtualTime(groupTime, RingGroupRequest
                .builder(List.of(first, second)).mode(RingMode.PARALLEL).timeout(timeout)).build());
        advanceOnceRinging(groupTime, ring, 2, timeout);
        RingGroupResult result = resultOf(ring);

        assertThat(result.outcome()).isEqualTo(RingGroupOutcome.NO_ANSWER);
        assertThat(result.answered()).isEmpty();
        for (String destination : List.of(first, second)) {
            assertThat(leg(result, destination).outcome()).isEqualTo(LegOutcome.NO_ANSWER);
            ledger().awaitHangup(leg(result, destination).uuid(), "NO_ANSWER", WELL_WITHIN);
        }
    }

    @Test
    void every_destination_failing_ends_the_group_at_once_not_at_the_timeout() throws Exception {
        String busy = busy();
        String rejecting = destination("rejects", Behaviour.reject("CALL_REJECTED"));
        String unregistered = destination("unregistered", Behaviour.unregistered());

        CompletableFuture<RingGroupResult> ring = ringAll(Duration.ofMinutes(5), busy, rejecting, unregistered);
        RingGroupResult result = resultOf(ring);

        assertThat(result.outcome()).isEqualTo(RingGroupOutcome.NO_ANSWER);
        assertThat(leg(result, busy).outcome()).isEqualTo(LegOutcome.BUSY);
        assertThat(leg(result, busy).hangupCause()).isEqualTo("USER_BUSY");
        assertThat(leg(result, rejecting).outcome()).isEqualTo(LegOutcome.REJECTED);
        assertThat(leg(result, rejecting).hangupCause()).isEqualTo("CALL_REJECTED");
        assertThat(leg(result, unregistered).outcome()).isEqualTo(LegOutcome.REJECTED);
        assertThat(leg(result, unregistered).hangupCause()).isEqualTo("USER_NOT_REGISTERED");
    }

    @Test
    void busy_destinations_do_not_stop_another_from_answering() throws Exception {
        String busy = busy();
        String answering = answersAfter(150);

        RingGroupResult result = resultOf(ringAll(Duration.ofSeconds(5), busy, answering));

        assertThat(result.winner().destination()).isEqualTo(answering);
        assertThat(leg(result, busy).outcome()).isEqualTo(LegOutcome.BUSY);
        endCall(result);
    }

    @Test
    void the_caller_hanging_up_cancels_every_leg_with_ORIGINATOR_CANCEL() throws Exception {
        String caller = callerChannel();
        String first = neverAnswers();
        String second = neverAnswers();
        CompletableFuture<RingGroupResult> ring = RingGroup.ring(connection, RingGroupRequest
                .builder(List.of(first, second)).timeout(Duration.ofSeconds(30)).callerUuid(caller).build());
        awaitRinging(first, second);

        hangUp(caller);
        RingGroupResult result = resultOf(ring);

        assertThat(result.outcome()).isEqualTo(RingGroupOutcome.CANCELLED);
        for (String destination : List.of(first, second)) {
            assertThat(leg(result, destination).outcome()).isEqualTo(LegOutcome.CANCELLED);
            ledger().awaitHangup(leg(result, destination).uuid(), "ORIGINATOR_CANCEL", WELL_WITHIN);
        }
    }

    @Test
    void cancelling_the_future_hangs_up_every_leg_with_ORIGINATOR_CANCEL() throws Exception {
        String first = neverAnswers();
        String second = neverAnswers();
        CompletableFuture<RingGroupResult> ring = ringAll(Duration.ofSeconds(30), first, second);
        awaitRinging(first, second);

        ring.cancel(true);

        for (String destination : List.of(first, second)) {
            ChannelRecord leg = ledger().awaitChannel(r -> r.destination().equals(destination), WELL_WITHIN);
            ledger().awaitHangup(leg.uuid(), "ORIGINATOR_CANCEL", WELL_WITHIN);
        }
    }

    @Test
    void of_two_destinations_answering_in_the_same_millisecond_exactly_one_wins() throws Exception {
        Behaviour together = Behaviour.answerAfter(Duration.ofMillis(100));
        String first = destination("together", together);
        String second = destination("together", together);

        RingGroupResult result = resultOf(ringAll(Duration.ofSeconds(5), first, second));

        assertThat(result.outcome()).isEqualTo(RingGroupOutcome.ANSWERED);
        String loser = result.winner().destination().equals(first) ? second : first;
        assertThat(leg(result, loser).outcome()).isIn(LegOutcome.LOST_RACE, LegOutcome.NO_ANSWER);
        assertThat(result.legs()).filteredOn(leg -> leg.outcome() == LegOutcome.ANSWERED).hasSize(1);
        ledger().awaitHangup(leg(result, loser).uuid(), "LOSE_RACE", WELL_WITHIN);
        assertThat(ledger().channel(result.winner().uuid()).orElseThrow().hungUp()).isNull();
        endCall(result);
    }

    @Test
    void early_media_is_not_an_answer() throws Exception {
        String early = destination("early-media", Behaviour.earlyMediaThenAnswer(Duration.ofMillis(300)));

        RingGroupResult result = resultOf(ringAll(Duration.ofSeconds(5), early));

        assertThat(result.winner().isAnswered()).isTrue();
        assertThat(leg(result, early).timeToAnswer()).isGreaterThanOrEqualTo(Duration.ofMillis(250));
        endCall(result);
    }

    @Test
    void the_reference_form_returns_the_answered_channel_or_empty() throws Exception {
        String answering = answersAfter(20);
        Optional<Channel> winner = RingGroup.ring(connection, List.of(neverAnswers(), answering), null,
                Duration.ofSeconds(5), Map.of("origination_caller_id_name", "Front desk, 1st floor"), null)
                .get(WELL_WITHIN.toSeconds(), TimeUnit.SECONDS);
        assertThat(winner).hasValueSatisfying(channel -> assertThat(channel.destination()).isEqualTo(answering));
        hangUp(winner.get().uuid());

        Optional<Channel> nobody = RingGroup.ring(connection, List.of(neverAnswers()), RingMode.PARALLEL,
                Duration.ofMillis(200), null, null).get(WELL_WITHIN.toSeconds(), TimeUnit.SECONDS);
        assertThat(nobody).isEmpty();
    }

    @Test
    void cancelling_before_FreeSWITCH_has_created_any_leg_still_leaves_none_behind() throws Exception {
        String first = answersAfter(200);
        String second = neverAnswers();

        CompletableFuture<RingGroupResult> ring = ringAll(Duration.ofSeconds(30), first, second);
        ring.cancel(true);

        ledger().awaitNoLiveChannels(WELL_WITHIN);
        assertThat(ledger().channelsTo(first)).allSatisfy(leg -> assertThat(leg.wasAnswered()).isFalse());
    }

    @Test
    void a_caller_already_gone_cancels_the_group_at_once() throws Exception {
        String caller = callerChannel();
        hangUp(caller);
        ledger().awaitHangup(caller, WELL_WITHIN);

        RingGroupResult result = resultOf(RingGroup.ring(connection, RingGroupRequest
                .builder(List.of(neverAnswers())).timeout(Duration.ofSeconds(30)).callerUuid(caller).build()));

        assertThat(result.outcome()).isEqualTo(RingGroupOutcome.CANCELLED);
        assertThat(result.answered()).isEmpty();
    }

    @Test
    void variables_reach_every_leg_intact_even_with_commas_braces_quotes_and_spaces() throws Exception {
        String name = "Front desk, \"East\" {1st floor}";
        RingGroupResult result = resultOf(RingGroup.ring(connection, RingGroupRequest
                .builder(List.of(answersAfter(0))).timeout(Duration.ofSeconds(5))
                .variable("origination_caller_id_name", name).variable("ring_group", "sales").build()));

        assertThat(result.outcome()).as("%s", result).isEqualTo(RingGroupOutcome.ANSWERED);
        String uuid = result.winner().uuid();
        assertThat(connection.api("uuid_getvar " + uuid + " origination_caller_id_name").get(WELL_WITHIN.toSeconds(), TimeUnit.SECONDS))
                .isEqualTo(name);
        assertThat(connection.api("uuid_getvar " + uuid + " ring_group").get(WELL_WITHIN.toSeconds(), TimeUnit.SECONDS))
                .isEqualTo("sales");
        endCall(result);
    }
}
