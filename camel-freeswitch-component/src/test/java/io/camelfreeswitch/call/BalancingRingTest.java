package io.camelfreeswitch.call;

import io.camelfreeswitch.simulator.Behaviour;
import io.camelfreeswitch.simulator.ChannelRecord;
import io.camelfreeswitch.simulator.VirtualTime;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static io.camelfreeswitch.testing.TestWaits.WELL_WITHIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * BALANCING: one destination at a time, least loaded first (ties: group order), the load shared through a balancer
 * and counted while a destination rings and, by default, for as long as its answered call lasts.
 */
class BalancingRingTest extends SimulatedCalls {

    private RingGroupRequest.Builder leastLoadedFirst(String... destinations) {
        return RingGroupRequest.builder(List.of(destinations)).mode(RingMode.BALANCING).balancer(balancer);
    }

    private long load(String destination) throws Exception {
        return balancer.load(destination).get(WELL_WITHIN.toSeconds(), TimeUnit.SECONDS);
    }

    @Test
    void with_nobody_loaded_the_first_destination_is_rung_first_and_wins() throws Exception {
        String first = answersAfter(30);
        String second = answersAfter(0);

        RingGroupResult result = resultOf(RingGroup.ring(connection, leastLoadedFirst(first, second)
                .timeout(Duration.ofSeconds(5)).build()));

        assertThat(result.winner().destination()).isEqualTo(first);
        assertThat(rungInOrder(result)).containsExactly(first);
        endCall(result);
    }

    @Test
    void an_unanswered_destination_is_released_and_the_next_least_loaded_is_rung() throws Exception {
        String first = neverAnswers();
        String second = answersAfter(0);

        VirtualTime groupTime = new VirtualTime();
        Duration timeout = Duration.ofSeconds(2);

        RingGroupFuture<RingGroupResult> ring = RingGroup.ring(connection, onVirtualTime(groupTime, leastLoadedFirst(first, second)
                .timeout(timeout)).build());
        advanceOnceRinging(groupTime, ring, 1, timeout);
        RingGroupResult result = resultOf(ring);

        assertThat(result.winner().destination()).isEqualTo(second);
        assertThat(rungInOrder(result)).containsExactly(first, second);
        assertThat(leg(result, first).outcome()).isEqualTo(LegOutcome.NO_ANSWER);
        ledger().awaitHangup(leg(result, first).uuid(), "NO_ANSWER", WELL_WITHIN);
        assertThat(load(first)).isZero();
        assertThat(load(second)).as("CALL scope: counted while the call lasts").isEqualTo(1);
        endCall(result);
    }

    @Test
    void nobody_answering_ends_empty_with_every_lease_released() throws Exception {
        String first = neverAnswers();
        String second = neverAnswers();

        VirtualTime groupTime = new VirtualTime();
        Duration timeout = Duration.ofMillis(200);

        RingGroupFuture<RingGroupResult> ring = RingGroup.ring(connection, onVirtualTime(groupTime, leastLoadedFirst(first, second)
                .timeout(timeout)).build());
        advanceOnceRinging(groupTime, ring, 1, timeout);
        advanceOnceRinging(groupTime, ring, 2, timeout);
        RingGroupResult result = resultOf(ring);

        assertThat(result.outcome()).isEqualTo(RingGroupOutcome.NO_ANSWER);
        assertThat(result.legs()).extracting(LegResult::outcome).containsOnly(LegOutcome.NO_ANSWER);
        for (LegResult leg : result.legs()) {
            ledger().awaitHangup(leg.uuid(), "NO_ANSWER", WELL_WITHIN);
        }
    }

    @Test
    void every_destination_failing_ends_empty_at_once() throws Exception {
        String busy = busy();
        String unregistered = destination("unregistered", Behaviour.unregistered());

        RingGroupResult result = resultOf(RingGroup.ring(connection, leastLoadedFirst(busy, unregistered)
                .timeout(Duration.ofMinutes(5)).build()));

        assertThat(result.outcome()).isEqualTo(RingGroupOutcome.NO_ANSWER);
        assertThat(leg(result, busy).outcome()).isEqualTo(LegOutcome.BUSY);
        assertThat(leg(result, unregistered).outcome()).isEqualTo(LegOutcome.REJECTED);
    }

    @Test
    void a_busy_destination_is_released_and_skipped_at_once() throws Exception {
        String busy = busy();
        String answering = answersAfter(30);

        RingGroupResult result = resultOf(RingGroup.ring(connection, leastLoadedFirst(busy, answering)
                .timeout(Duration.ofMinutes(5)).build()));

        assertThat(result.winner().destination()).isEqualTo(answering);
        assertThat(leg(result, busy).outcome()).isEqualTo(LegOutcome.BUSY);
        assertThat(load(busy)).isZero();
        endCall(result);
    }

    @Test
    void a_destination_is_counted_as_loaded_while_it_rings() throws Exception {
        String ringing = neverAnswers();
        CompletableFuture<RingGroupResult> ring = RingGroup.ring(connection, leastLoadedFirst(ringing)
                .timeout(Duration.ofSeconds(30)).build());
        awaitRinging(ringing);

        assertThat(load(ringing)).isEqualTo(1);

        ring.cancel(true);
        await().atMost(WELL_WITHIN).until(() -> load(ringing) == 0);
    }

    @Test
    void the_caller_hanging_up_cancels_the_ringing_leg_and_releases_its_lease() throws Exception {
        String caller = callerChannel();
        String first = neverAnswers();
        String second = answersAfter(0);
        CompletableFuture<RingGroupResult> ring = RingGroup.ring(connection, leastLoadedFirst(first, second)
                .timeout(Duration.ofSeconds(30)).callerUuid(caller).build());
        awaitRinging(first);

        hangUp(caller);
        RingGroupResult result = resultOf(ring);

        assertThat(result.outcome()).isEqualTo(RingGroupOutcome.CANCELLED);
        ledger().awaitHangup(leg(result, first).uuid(), "ORIGINATOR_CANCEL", WELL_WITHIN);
        assertThat(ledger().channelsTo(second)).isEmpty();
        assertThat(load(first)).isZero();
    }

    @Test
    void cancelling_the_future_hangs_up_the_ringing_leg_and_releases_its_lease() throws Exception {
        String first = neverAnswers();
        CompletableFuture<RingGroupResult> ring = RingGroup.ring(connection, leastLoadedFirst(first, answersAfter(0))
                .timeout(Duration.ofSeconds(30)).build());
        awaitRinging(first);

        ring.cancel(true);

        ChannelRecord leg = ledger().awaitChannel(r -> r.destination().equals(first), WELL_WITHIN);
        ledger().awaitHangup(leg.uuid(), "ORIGINATOR_CANCEL", WELL_WITHIN);
        await().atMost(WELL_WITHIN).until(() -> load(first) == 0);
    }

    @Test
    void a_destination_answering_just_as_its_time_runs_out_either_wins_or_is_released() throws Exception {
        Duration timeout = Duration.ofMillis(1000);
        String onTheEdge = destination("on-the-edge", Behaviour.answerAfter(timeout));
        String next = answersAfter(0);

        RingGroupResult result = resultOf(RingGroup.ring(connection, leastLoadedFirst(onTheEdge, next)
                .timeout(timeout).build()));

        assertThat(result.legs()).as("%s", result).filteredOn(leg -> leg.outcome() == LegOutcome.ANSWERED).hasSize(1);
        String loser = result.winner().destination().equals(next) ? onTheEdge : next;
        assertThat(load(loser)).isZero();
        assertThat(load(result.winner().destination())).isEqualTo(1);
        endCall(result);
    }

    @Test
    void with_CALL_scope_a_destination_in_a_long_call_is_tried_last() throws Exception {
        String busyAgent = answersAfter(0);
        String idleAgent = answersAfter(0);
        RingGroupResult longCall = resultOf(RingGroup.ring(connection, leastLoadedFirst(busyAgent, idleAgent)
                .timeout(Duration.ofSeconds(5)).build()));
        assertThat(longCall.winner().destination()).isEqualTo(busyAgent);

        RingGroupResult next = resultOf(RingGroup.ring(connection, leastLoadedFirst(busyAgent, idleAgent)
                .timeout(Duration.ofSeconds(5)).build()));

        assertThat(next.winner().destination()).isEqualTo(idleAgent);
        assertThat(rungInOrder(next)).containsExactly(idleAgent);
        endCall(longCall);
        await().atMost(WELL_WITHIN).until(() -> load(busyAgent) == 0);
        assertThat(load(idleAgent)).isEqualTo(1);
        endCall(next);
    }

    @Test
    void with_RINGING_scope_the_lease_is_released_at_answer() throws Exception {
        String agent = answersAfter(20);

        RingGroupResult result = resultOf(RingGroup.ring(connection, leastLoadedFirst(agent)
                .leaseScope(LeaseScope.RINGING).timeout(Duration.ofSeconds(5)).build()));

        assertThat(result.winner().isHungUp()).isFalse();
        assertThat(load(agent)).isZero();
        endCall(result);
    }

    @Test
    void with_RINGING_scope_the_lease_is_given_back_at_the_answer_not_when_FreeSWITCH_reports_the_originate()
            throws Exception {
        String agent = answersAfter(0);
        VirtualTime groupTime = new VirtualTime(); // holds the winner's grace: only its originate's +OK hands it out
        sim().faults().holdJobResults();
        try {
            RingGroupFuture<RingGroupResult> ring = RingGroup.ring(connection, onVirtualTime(groupTime,
                    leastLoadedFirst(agent).leaseScope(LeaseScope.RINGING).timeout(Duration.ofSeconds(5))).build());
            ledger().awaitChannel(call -> call.destination().equals(agent) && call.wasAnswered(), WELL_WITHIN);

            await().until(() -> load(agent) == 0);
            assertThat(ring).as("its originate has not reported +OK yet").isNotDone();

            sim().faults().releaseJobResults();
            RingGroupResult result = resultOf(ring);
            assertThat(result.winner().destination()).isEqualTo(agent);
            endCall(result);
        } finally {
            sim().faults().releaseJobResults();
        }
    }

    @Test
    void BALANCING_without_a_balancer_is_refused_up_front() {
        assertThatThrownBy(() -> RingGroup.ring(connection, List.of("user/1001"), RingMode.BALANCING, null, null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("BALANCING").hasMessageContaining("LoadBalancer");
    }
}
