package io.camelfreeswitch.call;

import io.camelfreeswitch.simulator.ChannelRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static io.camelfreeswitch.testing.TestWaits.WELL_WITHIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The winner is decided on the connection's event loop and reaches its user a moment later, on a pool lane. What the
 * user does in that moment, and right after, still holds: a group cancelled after its winner was decided but before
 * the result arrived leaves no call up, and the handed-out channel's futures are complete when the result is.
 */
class RingGroupHandedOutTest extends SimulatedCalls {

    @Test
    void a_group_cancelled_after_its_winner_was_decided_but_before_the_result_arrived_hangs_the_winner_up()
            throws Exception {
        String answers = answersAfter(100);
        AtomicReference<RingGroupFuture<RingGroupResult>> group = new AtomicReference<>();
        RingGroupListener cancelsAtTheEnd = new RingGroupListener() {
            @Override
            public void groupEnded(RingGroupRequest request, RingGroupResult result, Duration elapsed) {
                group.get().cancel(true); // the user gives up: its result is decided, not yet delivered
            }
        };

        RingGroupFuture<RingGroupResult> ring = RingGroup.ring(connection, RingGroupRequest
                .builder(List.of(answers)).timeout(WELL_WITHIN).listener(cancelsAtTheEnd).build());
        group.set(ring);

        assertThatThrownBy(() -> ring.get(WELL_WITHIN.toSeconds(), TimeUnit.SECONDS))
                .isInstanceOf(CancellationException.class);
        String winner = ledger().awaitChannel(record -> record.destination().equals(answers), WELL_WITHIN).uuid();
        ChannelRecord hungUp = ledger().awaitHangup(winner, "ORIGINATOR_CANCEL", WELL_WITHIN);
        assertThat(hungUp.killedBy()).isEqualTo("uuid_kill");
    }

    @Test
    void the_winners_answered_future_is_complete_when_the_result_is_even_in_a_stage_on_the_groups_own_lane()
            throws Exception {
        String answers = answersAfter(0);
        RingGroupFuture<RingGroupResult> ring = RingGroup.ring(connection, RingGroupRequest.builder(List.of(answers))
                .timeout(WELL_WITHIN).build());

        // runs on the lane the result was completed on: a hand-off queued there would come after this stage
        CompletableFuture<Boolean> answeredAlready = ring.thenApply(result -> result.winner().answered().isDone());
        RingGroupResult result = resultOf(ring);

        assertThat(answeredAlready.get(WELL_WITHIN.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(result.winner().answered()).isCompletedWithValue(result.winner());
        endCall(result);
    }
}
