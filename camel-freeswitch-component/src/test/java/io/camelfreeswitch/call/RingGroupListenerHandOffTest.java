package io.camelfreeswitch.call;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static io.camelfreeswitch.testing.TestWaits.WELL_WITHIN;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A ring group runs on its connection's event loop, where nothing may block; what user code sees of it — its
 * listeners' calls, then its future's completion — is handed to a thread of the connection's pool, in the order the
 * group reported it. So a listener that blocks holds up neither the socket (other users of the connection still get
 * their replies) nor the group (it still times out and hangs up its legs); only what comes after it for that group's
 * user code waits.
 */
class RingGroupListenerHandOffTest extends SimulatedCalls {

    private static final Duration RING_FOR = Duration.ofMillis(200);

    @Test
    void a_listener_that_blocks_holds_up_neither_the_socket_nor_the_group_only_what_the_user_sees_after_it()
            throws Exception {
        String rings = neverAnswers();
        CountDownLatch blocking = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<String> seenByUser = new CopyOnWriteArrayList<>();
        RingGroupListener sleeper = new RingGroupListener() {
            @Override
            public void legStarted(RingGroupRequest request, String destination) {
                seenByUser.add("legStarted");
                blocking.countDown();
                try {
                    release.await(WELL_WITHIN.toSeconds(), TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }

            @Override
            public void legEnded(RingGroupRequest request, LegResult leg) {
                seenByUser.add("legEnded " + leg.outcome());
            }

            @Override
            public void groupEnded(RingGroupRequest request, RingGroupResult result, Duration elapsed) {
                seenByUser.add("groupEnded " + result.outcome());
            }
        };

        RingGroupFuture<RingGroupResult> ring = RingGroup.ring(connection, RingGroupRequest.builder(List.of(rings))
                .timeout(RING_FOR).listener(sleeper).build());
        CompletableFuture<String> completedOn = ring.handle((result, failure) -> {
            seenByUser.add("completed");
            return Thread.currentThread().getName();
        });
        try {
            assertThat(blocking.await(WELL_WITHIN.toSeconds(), TimeUnit.SECONDS)).isTrue();

            assertThat(connection.api("status")).as("another user's reply, while the listener blocks")
                    .succeedsWithin(WELL_WITHIN);
            awaitRinging(rings);
            ledger().awaitNoLiveChannels(WELL_WITHIN); // the group timed out and hung its leg up meanwhile
            assertThat(ring).as("its completion waits behind the listener").isNotDone();
        } finally {
            release.countDown();
        }

        // read before anyone waits on the group itself: a thread blocked in its get() may run its stages too
        assertThat(completedOn.get(WELL_WITHIN.toSeconds(), TimeUnit.SECONDS)).startsWith("esl-events");
        assertThat(resultOf(ring).outcome()).isEqualTo(RingGroupOutcome.NO_ANSWER);
        assertThat(ring.hangupsSent()).succeedsWithin(WELL_WITHIN);
        assertThat(seenByUser).containsExactly("legStarted", "legEnded NO_ANSWER", "groupEnded NO_ANSWER",
                "completed");
    }
}
