package io.camelfreeswitch.call;

import io.camelfreeswitch.esl.EslClient;
import io.camelfreeswitch.esl.EslClientOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static io.camelfreeswitch.testing.TestWaits.WELL_WITHIN;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A ring group runs on its connection's event loop and hands to the connection's pool only what user code must see
 * there: a thread hand-off costs a wake-up, more than the rest of a leg's work. A group whose user only waits for its
 * result, with no listeners, hands the pool that result and nothing else — not the connection's state (told on the
 * event loop), not its hang-ups being sent (nobody asked), not the result of an originate read after its leg's
 * hang-up.
 */
class RingGroupPoolHandOffsTest extends SimulatedCalls {

    private final AtomicInteger handOffs = new AtomicInteger();
    private ExecutorService pool;
    private EslClient client;

    @BeforeEach
    void connectThroughACountedPool() throws Exception {
        pool = Executors.newCachedThreadPool();
        client = EslClient.connect(EslClientOptions.builder().host("127.0.0.1").port(sim().port())
                .password(sim().password()).eventExecutor(task -> {
                    handOffs.incrementAndGet();
                    pool.execute(task);
                }).build()).get(WELL_WITHIN.toSeconds(), TimeUnit.SECONDS);
        // the first group also subscribes the connection to the events groups follow: not what is counted here
        RingGroupResult first = resultOf(RingGroup.ring(client, RingGroupRequest.builder(List.of("sim/answer"))
                .timeout(WELL_WITHIN).build()));
        first.winner().hangup("NORMAL_CLEARING").get(WELL_WITHIN.toSeconds(), TimeUnit.SECONDS);
        ledger().awaitNoLiveChannels(WELL_WITHIN);
    }

    @AfterEach
    void close() throws Exception {
        client.closeAsync().get(WELL_WITHIN.toSeconds(), TimeUnit.SECONDS);
        pool.shutdown();
    }

    /**
     * The tasks handed to the pool so far, once the client has read everything the simulator sent before: the reply
     * to a command sent now comes after it on the socket (that reply's own hand-off is not counted).
     */
    private int handOffsOnceAllSentIsRead() throws Exception {
        sim().awaitIdle(WELL_WITHIN);
        client.api("status").get(WELL_WITHIN.toSeconds(), TimeUnit.SECONDS);
        return handOffs.get() - 1;
    }

    @Test
    void a_parallel_group_whose_user_only_waits_for_its_result_hands_the_pool_that_result_alone() throws Exception {
        String winner = answersAfter(50);
        String loser = neverAnswers();
        String otherLoser = neverAnswers();
        handOffs.set(0);

        RingGroupResult result = resultOf(RingGroup.ring(client, RingGroupRequest.builder(
                List.of(loser, winner, otherLoser)).mode(RingMode.PARALLEL).timeout(WELL_WITHIN).build()));
        ledger().awaitHangup(leg(result, loser).uuid(), WELL_WITHIN);
        ledger().awaitHangup(leg(result, otherLoser).uuid(), WELL_WITHIN);
        int duringTheGroup = handOffsOnceAllSentIsRead();

        assertThat(result.winner().destination()).isEqualTo(winner);
        assertThat(duringTheGroup).as("tasks handed to the pool from ring() to the losers gone").isEqualTo(1);
        result.winner().hangup("NORMAL_CLEARING").get(WELL_WITHIN.toSeconds(), TimeUnit.SECONDS);
    }

    @Test
    void a_group_asked_whether_its_hang_ups_are_sent_completes_that_on_the_pool_too() throws Exception {
        String rings = neverAnswers();
        handOffs.set(0);

        RingGroupFuture<RingGroupResult> ring = RingGroup.ring(client, RingGroupRequest.builder(List.of(rings))
                .timeout(WELL_WITHIN).build());
        // asked while the group cannot have ended: it rings until it is cancelled below
        CompletableFuture<String> sentOn = ring.hangupsSent().thenApply(ok -> Thread.currentThread().getName());
        awaitRinging(rings);
        ring.cancel(false);

        assertThat(sentOn.get(WELL_WITHIN.toSeconds(), TimeUnit.SECONDS)).doesNotStartWith("esl-client");
        ledger().awaitNoLiveChannels(WELL_WITHIN);
        assertThat(ring.hangupsSent()).as("asked again once sent").isCompleted();
        // one hand-off each, or one for both when the hang-ups are sent before the lane's drain of the end has run
        // (a lane hands the pool one drain for whatever it has queued)
        assertThat(handOffsOnceAllSentIsRead()).as("the group's end and its hang-ups sent").isBetween(1, 2);
    }
}
