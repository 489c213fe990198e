package io.camelfreeswitch.call;

import io.camelfreeswitch.simulator.ChannelRecord;
import io.camelfreeswitch.simulator.VirtualTime;
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
import static org.awaitility.Awaitility.await;

/**
 * The winner is decided on the connection's event loop and reaches its user a moment later, on a pool lane. What the
 * user does in that moment, and right after, still holds: a group cancelled after its winner was decided but before
 * the result arrived leaves no call up, and the handed-out channel's futures are complete when the result is. A
 * winner is handed out once its originate has reported +OK, or a short grace after its answer if that report is lost.
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

    @Test
    void a_winner_whose_originate_result_does_not_come_is_handed_out_a_short_grace_after_its_answer()
            throws Exception {
        String answers = answersAfter(0);
        VirtualTime groupTime = new VirtualTime();
        sim().faults().holdJobResults();
        try {
            RingGroupFuture<RingGroupResult> ring = RingGroup.ring(connection, onVirtualTime(groupTime,
                    RingGroupRequest.builder(List.of(answers)).timeout(Duration.ofSeconds(30))).build());
            // read on the group's lane: once it shows the answer, the group has set the grace's timer
            await().until(() -> ring.legs().get(WELL_WITHIN.toSeconds(), TimeUnit.SECONDS),
                    legs -> legs.size() == 1 && legs.get(0).answeredAt() != null);
            assertThat(ring).as("not handed out before its originate's +OK or the grace").isNotDone();

            groupTime.advance(RingEngine.READY_GRACE);

            RingGroupResult result = resultOf(ring);
            assertThat(result.winner().destination()).isEqualTo(answers);
            assertThat(result.winner().isHungUp()).isFalse();
            endCall(result);
        } finally {
            sim().faults().releaseJobResults();
        }
    }
}
