package io.camelfreeswitch.call;

import io.camelfreeswitch.simulator.ChannelRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A leg rings for the time asked, in every mode: the group's own timer ends it with NO_ANSWER through its uuid_kill.
 * FreeSWITCH's originate timer counts whole seconds (originate_timeout=2 gives up 1 to 2 s in, as the simulator
 * models it), so it must never be the one to end a leg. Ring time is what FreeSWITCH saw: from the channel's creation
 * to its hang-up, as the simulator recorded them.
 */
class RingTimeTest extends SimulatedCalls {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);
    /**
     * How far from the time asked a leg may end: the trips of its originate and its uuid_kill, and the group's timer
     * running a little late. Any time the whole JVM was seen frozen comes on top: that is the machine, not the code.
     */
    private static final Duration TOLERANCE = Duration.ofMillis(100);

    private final FreezeWatch freezes = FreezeWatch.start();

    @AfterEach
    void stopWatching() {
        freezes.close();
    }

    /** MEMORY_HUNT asks more of its earlier legs, which ring on through the later steps: MemoryHuntRingTest. */
    @ParameterizedTest
    @EnumSource(value = RingMode.class, names = "MEMORY_HUNT", mode = EnumSource.Mode.EXCLUDE)
    void every_unanswered_leg_rings_for_the_timeout_asked_and_is_hung_up_by_the_group(RingMode mode)
            throws Exception {
        String first = neverAnswers();
        String second = neverAnswers();

        RingGroupResult result = resultOf(RingGroup.ring(connection, RingGroupRequest.builder(List.of(first, second))
                .mode(mode).balancer(balancer).timeout(TIMEOUT).build()));

        assertThat(result.outcome()).isEqualTo(RingGroupOutcome.NO_ANSWER);
        assertThat(rungInOrder(result)).containsExactlyInAnyOrder(first, second);
        for (LegResult leg : result.legs()) {
            assertRangFor(hungUpByTheGroup(leg), TIMEOUT);
        }
    }

    @Test
    void a_total_timeout_ending_mid_leg_cuts_that_leg_to_what_is_left_of_it() throws Exception {
        String first = neverAnswers();
        String second = neverAnswers();
        String neverRung = neverAnswers();
        Duration total = Duration.ofSeconds(3);

        RingGroupResult result = resultOf(RingGroup.ring(connection, RingGroupRequest
                .builder(List.of(first, second, neverRung)).mode(RingMode.SEQUENTIAL)
                .timeout(TIMEOUT).totalTimeout(total).build()));

        assertThat(result.outcome()).isEqualTo(RingGroupOutcome.NO_ANSWER);
        assertThat(rungInOrder(result)).containsExactly(first, second);
        ChannelRecord firstLeg = hungUpByTheGroup(leg(result, first));
        ChannelRecord secondLeg = hungUpByTheGroup(leg(result, second));
        assertRangFor(firstLeg, TIMEOUT);
        assertRangFor(secondLeg, total.minus(TIMEOUT));
        Duration tolerance = TOLERANCE.plus(freezes.longest());
        assertThat(Duration.between(firstLeg.created(), secondLeg.hungUp())).as("the whole group")
                .isBetween(total.minus(tolerance), total.plus(tolerance));
    }

    private static ChannelRecord hungUpByTheGroup(LegResult leg) {
        assertThat(leg.outcome()).isEqualTo(LegOutcome.NO_ANSWER);
        ChannelRecord channel = ledger().awaitHangup(leg.uuid(), "NO_ANSWER", WELL_WITHIN);
        assertThat(channel.killedBy()).as("%s rang %s and was hung up by", leg.destination(), rang(channel))
                .isEqualTo("uuid_kill");
        return channel;
    }

    private void assertRangFor(ChannelRecord channel, Duration expected) {
        Duration tolerance = TOLERANCE.plus(freezes.longest());
        assertThat(rang(channel)).as("%s rang (the JVM was seen frozen for up to %s)", channel.destination(),
                        freezes.longest())
                .isBetween(expected.minus(tolerance), expected.plus(tolerance));
    }

    private static Duration rang(ChannelRecord channel) {
        return Duration.between(channel.created(), channel.hungUp());
    }
}
