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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A leg rings for the time asked, in every mode: the group's own timer ends it with NO_ANSWER through its uuid_kill.
 * FreeSWITCH's originate timer counts whole seconds (originate_timeout=4 gives up 3 to 4 s in, as the simulator
 * models it), so it must never be the one to end a leg. Ring time is what FreeSWITCH saw: from the channel's creation
 * to its hang-up, as the simulator recorded them. Both run on one virtual time, so the times are exact.
 */
@OnVirtualTime
class RingTimeTest extends SimulatedCalls {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);
    /** Two destinations in one tier, or with no delays, ring together as in PARALLEL. */
    private static final Set<RingMode> RINGS_BOTH_AT_ONCE = EnumSet.of(RingMode.PARALLEL, RingMode.TIERED,
            RingMode.ENTERPRISE);

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
