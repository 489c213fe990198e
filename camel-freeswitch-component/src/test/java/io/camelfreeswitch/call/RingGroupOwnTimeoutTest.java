package io.camelfreeswitch.call;

import io.camelfreeswitch.simulator.ChannelRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static io.camelfreeswitch.testing.TestWaits.WELL_WITHIN;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A group's timeout is the group's own: it hangs its legs up itself (uuid_kill, NO_ANSWER) when its timeout is
 * over. FreeSWITCH's originate_timeout, sent with each leg as a safety net, lets them ring at least a second longer,
 * so only the group's own timers can end the legs in time. On a virtual time, so "at its timeout" is exact.
 */
@OnVirtualTime
class RingGroupOwnTimeoutTest extends SimulatedCalls {

    private static final Duration GROUP_TIMEOUT = Duration.ofMillis(400);

    private static RingGroupRequest.Builder group(RingMode mode, String... destinations) {
        return onVirtualTime(RingGroupRequest.builder(List.of(destinations)).mode(mode).timeout(GROUP_TIMEOUT));
    }

    @Test
    void a_parallel_group_hangs_every_leg_up_itself_at_its_timeout() throws Exception {
        String first = neverAnswers();
        String second = neverAnswers();

        RingGroupFuture<RingGroupResult> ring = RingGroup.ring(connection, group(RingMode.PARALLEL, first, second).build());
        advanceOnceRinging(ring, 2, GROUP_TIMEOUT);
        RingGroupResult result = resultOf(ring);

        assertThat(result.outcome()).isEqualTo(RingGroupOutcome.NO_ANSWER);
        for (String destination : List.of(first, second)) {
            assertThat(leg(result, destination).outcome()).isEqualTo(LegOutcome.NO_ANSWER);
            ChannelRecord record = assertHungUpByTheGroup(leg(result, destination).uuid());
            assertThat(record.hungUp()).as("at the group's timeout").isEqualTo(record.created().plus(GROUP_TIMEOUT));
        }
    }

    @Test
    void a_sequential_group_moves_on_at_each_legs_timeout_and_hangs_up_the_last_itself() throws Exception {
        String first = neverAnswers();
        String second = neverAnswers();

        RingGroupFuture<RingGroupResult> ring = RingGroup.ring(connection, group(RingMode.SEQUENTIAL, first, second).build());
        advanceOnceRinging(ring, 1, GROUP_TIMEOUT);
        advanceOnceRinging(ring, 2, GROUP_TIMEOUT);
        RingGroupResult result = resultOf(ring);

        assertThat(result.outcome()).isEqualTo(RingGroupOutcome.NO_ANSWER);
        assertThat(rungInOrder(result)).containsExactly(first, second);
        for (String destination : List.of(first, second)) {
            assertThat(leg(result, destination).outcome()).isEqualTo(LegOutcome.NO_ANSWER);
            assertHungUpByTheGroup(leg(result, destination).uuid());
        }
    }

    @Test
    void a_balancing_group_moves_on_at_each_legs_timeout_and_gives_every_lease_back() throws Exception {
        String first = neverAnswers();
        String second = answersAfter(0);

        RingGroupFuture<RingGroupResult> ring = RingGroup.ring(connection, group(RingMode.BALANCING, first, second).balancer(balancer)
                .build());
        advanceOnceRinging(ring, 1, GROUP_TIMEOUT);
        RingGroupResult result = resultOf(ring);

        assertThat(result.outcome()).isEqualTo(RingGroupOutcome.ANSWERED);
        assertThat(rungInOrder(result)).containsExactly(first, second);
        assertThat(leg(result, first).outcome()).isEqualTo(LegOutcome.NO_ANSWER);
        assertHungUpByTheGroup(leg(result, first).uuid());
        assertThat(result.winner().destination()).isEqualTo(second);
        endCall(result);
    }

    /** Ended by our uuid_kill with NO_ANSWER, not by FreeSWITCH's own ring timer. */
    private static ChannelRecord assertHungUpByTheGroup(String uuid) {
        ChannelRecord record = ledger().awaitHangup(uuid, "NO_ANSWER", WELL_WITHIN);
        assertThat(record.killedBy()).as("who ended %s", record).isEqualTo("uuid_kill");
        return record;
    }
}
