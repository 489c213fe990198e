package io.camelfreeswitch.call;

import io.camelfreeswitch.simulator.ChannelRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static io.camelfreeswitch.testing.TestWaits.WELL_WITHIN;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * MEMORY_HUNT: the first, then the first two, then the first three…, each step for the timeout. On a virtual time,
 * so the steps are exact: the group and the simulator read one clock, which moves only when the test advances it.
 */
@OnVirtualTime
class MemoryHuntRingTest extends SimulatedCalls {

    private static RingGroupRequest.Builder hunt(String... destinations) {
        return onVirtualTime(RingGroupRequest.builder(List.of(destinations)).mode(RingMode.MEMORY_HUNT));
    }

    @Test
    void each_step_adds_the_next_destination_while_the_earlier_ones_ring_on() throws Exception {
        String first = neverAnswers();
        String second = neverAnswers();
        String third = answersAfter(0);
        Duration step = Duration.ofMillis(800);

        RingGroupFuture<RingGroupResult> ring = RingGroup.ring(connection, hunt(first, second, third).timeout(step)
                .build());
        advanceOnceRinging(ring, 1, step);
        advanceOnceRinging(ring, 2, step);
        RingGroupResult result = resultOf(ring);

        assertThat(result.winner().destination()).isEqualTo(third);
        assertThat(rungInOrder(result)).containsExactly(first, second, third);
        assertThat(Duration.between(leg(result, first).ringStarted(), leg(result, second).ringStarted()))
                .isEqualTo(step);
        assertThat(Duration.between(leg(result, second).ringStarted(), leg(result, third).ringStarted()))
                .isEqualTo(step);
        for (String earlier : List.of(first, second)) {
            // still ringing when the third answered: the race is lost, not the time
            ledger().awaitHangup(leg(result, earlier).uuid(), "LOSE_RACE", WELL_WITHIN);
        }
        endCall(result);
    }

    @Test
    void each_leg_rings_from_its_step_to_the_end_of_the_hunt_and_is_hung_up_by_the_group() throws Exception {
        String first = neverAnswers();
        String second = neverAnswers();
        Duration step = Duration.ofSeconds(1);

        RingGroupFuture<RingGroupResult> ring = RingGroup.ring(connection, hunt(first, second).timeout(step).build());
        advanceOnceRinging(ring, 1, step);
        advanceOnceRinging(ring, 2, step);
        RingGroupResult result = resultOf(ring);

        assertThat(result.outcome()).isEqualTo(RingGroupOutcome.NO_ANSWER);
        for (String destination : List.of(first, second)) {
            ChannelRecord channel = ledger().awaitHangup(leg(result, destination).uuid(), "NO_ANSWER", WELL_WITHIN);
            assertThat(channel.killedBy()).isEqualTo("uuid_kill");
            Duration expected = destination.equals(first) ? step.multipliedBy(2) : step;
            assertThat(Duration.between(channel.created(), channel.hungUp())).as(destination).isEqualTo(expected);
        }
    }

    @Test
    void an_answer_in_the_first_step_rings_nobody_else() throws Exception {
        String first = answersAfter(30);
        String second = answersAfter(0);

        RingGroupFuture<RingGroupResult> ring = RingGroup.ring(connection, hunt(first, second)
                .timeout(Duration.ofSeconds(3)).build());
        advanceOnceRinging(ring, 1, Duration.ofMillis(30));
        RingGroupResult result = resultOf(ring);

        assertThat(result.winner().destination()).isEqualTo(first);
        assertThat(ledger().channelsTo(second)).isEmpty();
        endCall(result);
    }

    @Test
    void a_failing_destination_takes_the_next_step_at_once_and_is_not_rung_again() throws Exception {
        String busy = busy();
        String answering = answersAfter(0);

        RingGroupResult result = resultOf(RingGroup.ring(connection, hunt(busy, answering)
                .timeout(Duration.ofMinutes(5)).build()));

        assertThat(result.winner().destination()).isEqualTo(answering);
        assertThat(ledger().channelsTo(busy)).hasSize(1);
        assertThat(leg(result, busy).outcome()).isEqualTo(LegOutcome.BUSY);
        endCall(result);
    }

    @Test
    void nobody_answering_ends_after_the_last_step_with_every_leg_hung_up_with_NO_ANSWER() throws Exception {
        String first = neverAnswers();
        String second = neverAnswers();

        Duration step = Duration.ofMillis(300);

        RingGroupFuture<RingGroupResult> ring = RingGroup.ring(connection, hunt(first, second).timeout(step).build());
        advanceOnceRinging(ring, 1, step);
        advanceOnceRinging(ring, 2, step);
        RingGroupResult result = resultOf(ring);

        assertThat(result.outcome()).isEqualTo(RingGroupOutcome.NO_ANSWER);
        assertThat(result.legs()).hasSize(2);
        for (LegResult leg : result.legs()) {
            assertThat(leg.outcome()).isEqualTo(LegOutcome.NO_ANSWER);
            ledger().awaitHangup(leg.uuid(), "NO_ANSWER", WELL_WITHIN);
        }
    }

    @Test
    void the_caller_hanging_up_ends_the_hunt_with_ORIGINATOR_CANCEL() throws Exception {
        String caller = callerChannel();
        String first = neverAnswers();
        String second = answersAfter(0);
        CompletableFuture<RingGroupResult> ring = RingGroup.ring(connection, hunt(first, second)
                .timeout(Duration.ofSeconds(30)).callerUuid(caller).build());
        awaitRinging(first);

        hangUp(caller);
        RingGroupResult result = resultOf(ring);

        assertThat(result.outcome()).isEqualTo(RingGroupOutcome.CANCELLED);
        ledger().awaitHangup(leg(result, first).uuid(), "ORIGINATOR_CANCEL", WELL_WITHIN);
        assertThat(ledger().channelsTo(second)).isEmpty();
    }

    @Test
    void the_total_timeout_caps_the_hunt() throws Exception {
        String first = neverAnswers();
        String second = neverAnswers();
        String third = neverAnswers();

        Duration step = Duration.ofSeconds(2);
        Duration total = Duration.ofSeconds(3);

        RingGroupFuture<RingGroupResult> ring = RingGroup.ring(connection, hunt(first, second, third)
                .timeout(step).totalTimeout(total).build());
        advanceOnceRinging(ring, 1, step);
        advanceOnceRinging(ring, 2, total.minus(step));
        RingGroupResult result = resultOf(ring);

        assertThat(result.outcome()).isEqualTo(RingGroupOutcome.NO_ANSWER);
        assertThat(rungInOrder(result)).containsExactly(first, second);
        assertThat(ledger().channelsTo(third)).isEmpty();
        for (LegResult leg : result.legs()) {
            ChannelRecord channel = ledger().awaitHangup(leg.uuid(), "NO_ANSWER", WELL_WITHIN);
            assertThat(channel.hungUp()).as("%s hung up when the total timeout ran out", leg.destination())
                    .isEqualTo(ledger().channelsTo(first).get(0).created().plus(total));
        }
    }
}
