package io.camelfreeswitch.call;

import io.camelfreeswitch.esl.EslEvent;
import io.camelfreeswitch.esl.Registration;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import static io.camelfreeswitch.testing.TestWaits.WELL_WITHIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A leg the group no longer wants is hung up with {@code bgapi uuid_kill}: FreeSWITCH runs the kill on a thread of
 * its own and reports it in a BACKGROUND_JOB, instead of holding the whole event socket as {@code api} would.
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
}
