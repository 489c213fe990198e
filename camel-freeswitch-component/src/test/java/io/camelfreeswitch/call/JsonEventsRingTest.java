package io.camelfreeswitch.call;

import io.camelfreeswitch.esl.EslConnection;
import io.camelfreeswitch.esl.EventFormat;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static io.camelfreeswitch.testing.TestWaits.WELL_WITHIN;
import static org.assertj.core.api.Assertions.assertThat;

/** The ring group does not care in which format the connection receives its events. */
class JsonEventsRingTest extends SimulatedCalls {

    @Test
    void a_connection_receiving_JSON_events_rings_a_group_just_the_same() throws Exception {
        String loser = neverAnswers();
        String winner = answersAfter(50);
        try (EslConnection json = EslTestConnections.connect(sim(), EventFormat.JSON)) {
            RingGroupResult result = resultOf(RingGroup.ring(json, RingGroupRequest.builder(List.of(loser, winner))
                    .timeout(Duration.ofSeconds(5)).build()));

            assertThat(result.winner().destination()).isEqualTo(winner);
            ledger().awaitHangup(leg(result, loser).uuid(), "LOSE_RACE", WELL_WITHIN);
            result.winner().hangup("NORMAL_CLEARING").get(WELL_WITHIN.toSeconds(), TimeUnit.SECONDS);
            result.winner().hungUp().get(WELL_WITHIN.toSeconds(), TimeUnit.SECONDS);
        }
    }
}
