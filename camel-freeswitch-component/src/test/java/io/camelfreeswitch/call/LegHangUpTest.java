package io.camelfreeswitch.call;

import io.camelfreeswitch.esl.EslEvent;
import io.camelfreeswitch.esl.Registration;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

import static io.camelfreeswitch.testing.TestWaits.WELL_WITHIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A leg the group no longer wants is hung up with {@code bgapi uuid_kill}: FreeSWITCH runs the kill on a thread of
 * its own and reports it in a BACKGROUND_JOB, instead of holding the whole event socket as {@code api} would. A kill
 * that finds no channel, because the originate has not created it yet, is sent again when the channel shows up.
 */
class LegHangUpTest extends SimulatedCalls {

    @Test
    void a_losing_leg_is_killed_by_a_background_job_that_reports_plus_OK() throws Exception {
        Queue<EslEvent> jobs = new ConcurrentLinkedQueue<>();
        try (Registration listening = connection.addEventListener("BACKGROUND_JOB", jobs::add)) {
            String winner = answersAfter(300);
            String loser = neverAnswers();
            RingGroupResult result = resultOf(RingGroup.ring(connection, RingGroupRequest
                    .builder(List.of(winner, loser)).mode(RingMode.PARALLEL).timeout(Duration.ofSeconds(30)).build()));
            String loserUuid = leg(result, loser).uuid();
            ledger().awaitHangup(loserUuid, "LOSE_RACE", WELL_WITHIN);

            // a kill sent before the channel existed is answered -ERR No such channel! and sent again: the last counts
            await().atMost(WELL_WITHIN).untilAsserted(() -> assertThat(jobs)
                    .filteredOn(job -> "uuid_kill".equals(job.header("Job-Command")))
                    .anySatisfy(kill -> {
                        assertThat(kill.header("Job-Command-Arg")).isEqualTo(loserUuid + " LOSE_RACE");
                        assertThat(kill.body().strip()).isEqualTo("+OK");
                    }));
            endCall(result);
        }
    }

    @Test
    void a_leg_cancelled_before_FreeSWITCH_created_its_channel_is_killed_as_soon_as_the_channel_shows_up()
            throws Exception {
        Queue<EslEvent> kills = new ConcurrentLinkedQueue<>();
        String ringing = neverAnswers();
        sim().faults().holdOriginates();
        try (Registration listening = connection.addEventListener("BACKGROUND_JOB", job -> {
            if ("uuid_kill".equals(job.header("Job-Command"))) {
                kills.add(job);
            }
        })) {
            RingGroupFuture<RingGroupResult> ring = RingGroup.ring(connection, RingGroupRequest
                    .builder(List.of(ringing)).timeout(Duration.ofSeconds(30)).build());
            String uuid = await().until(() -> ring.legs().get(WELL_WITHIN.toSeconds(), TimeUnit.SECONDS),
                    legs -> legs.size() == 1).get(0).uuid();

            ring.cancel(true); // its uuid_kill follows the originate, which FreeSWITCH has taken but not yet run
            await().untilAsserted(() -> assertThat(kills).singleElement()
                    .satisfies(kill -> assertThat(kill.body().strip()).isEqualTo("-ERR No such channel!")));

            sim().faults().releaseOriginates();

            assertThat(ledger().awaitHangup(uuid, "ORIGINATOR_CANCEL", WELL_WITHIN).killedBy()).isEqualTo("uuid_kill");
            await().untilAsserted(() -> assertThat(kills).hasSize(2).last()
                    .satisfies(kill -> assertThat(kill.body().strip()).isEqualTo("+OK")));
        } finally {
            sim().faults().releaseOriginates();
        }
    }
}
