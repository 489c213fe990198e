package io.camelfreeswitch.call;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static io.camelfreeswitch.testing.TestWaits.WELL_WITHIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** ENTERPRISE: all at once, each destination after its own delay and for its own timeout. */
class EnterpriseRingTest extends SimulatedCalls {

    private static RingGroupRequest.Builder enterprise(String... destinations) {
        return RingGroupRequest.builder(List.of(destinations)).mode(RingMode.ENTERPRISE);
    }

    private static DestinationTiming timing(long delayMillis, Long timeoutMillis) {
        return new DestinationTiming(Duration.ofMillis(delayMillis),
                timeoutMillis == null ? null : Duration.ofMillis(timeoutMillis));
    }

    @Test
    void a_delayed_destination_starts_ringing_after_its_delay_and_may_win() throws Exception {
        String atOnce = neverAnswers();
        String delayed = answersAfter(0);

        RingGroupResult result = resultOf(RingGroup.ring(connection, enterprise(atOnce, delayed)
                .timing(delayed, timing(1000, null)).timeout(Duration.ofSeconds(5)).build()));

        assertThat(result.winner().destination()).isEqualTo(delayed);
        assertThat(Duration.between(leg(result, atOnce).ringStarted(), leg(result, delayed).ringStarted()))
                .isGreaterThanOrEqualTo(Duration.ofMillis(900));
        ledger().awaitHangup(leg(result, atOnce).uuid(), "LOSE_RACE", WELL_WITHIN);
        endCall(result);
    }

    @Test
    void a_destination_whose_own_timeout_runs_out_is_hung_up_with_NO_ANSWER_while_the_others_ring_on()
            throws Exception {
        String shortTimeout = neverAnswers();
        String answersLater = answersAfter(1500);

        RingGroupResult result = resultOf(RingGroup.ring(connection, enterprise(shortTimeout, answersLater)
                .timing(shortTimeout, timing(0, 300L)).timeout(Duration.ofSeconds(5)).build()));

        assertThat(result.winner().destination()).isEqualTo(answersLater);
        assertThat(leg(result, shortTimeout).outcome()).isEqualTo(LegOutcome.NO_ANSWER);
        assertThat(leg(result, shortTimeout).endedAt()).isBefore(leg(result, answersLater).answeredAt());
        ledger().awaitHangup(leg(result, shortTimeout).uuid(), "NO_ANSWER", WELL_WITHIN);
        endCall(result);
    }

    @Test
    void a_destination_still_waiting_for_its_delay_when_someone_answers_is_never_rung() throws Exception {
        String answering = answersAfter(50);
        String delayed = answersAfter(0);

        RingGroupResult result = resultOf(RingGroup.ring(connection, enterprise(answering, delayed)
                .timing(delayed, timing(2000, null)).timeout(Duration.ofSeconds(5)).build()));

        assertThat(result.winner().destination()).isEqualTo(answering);
        assertThat(rungInOrder(result)).containsExactly(answering);
        endCall(result);
        ledger().awaitNoLiveChannels(WELL_WITHIN);
        assertThat(ledger().channelsTo(delayed)).isEmpty();
    }

    @Test
    void nobody_answering_ends_empty_once_every_destination_had_its_time() throws Exception {
        String first = neverAnswers();
        String second = neverAnswers();

        RingGroupResult result = resultOf(RingGroup.ring(connection, enterprise(first, second)
                .timing(first, timing(0, 200L)).timing(second, timing(400, 400L))
                .timeout(Duration.ofSeconds(30)).build()));

        assertThat(result.outcome()).isEqualTo(RingGroupOutcome.NO_ANSWER);
        for (LegResult leg : result.legs()) {
            assertThat(leg.outcome()).isEqualTo(LegOutcome.NO_ANSWER);
            ledger().awaitHangup(leg.uuid(), "NO_ANSWER", WELL_WITHIN);
        }
    }

    @Test
    void cancelling_hangs_up_what_rings_and_starts_nothing_more() throws Exception {
        String atOnce = neverAnswers();
        String delayed = answersAfter(0);
        CompletableFuture<RingGroupResult> ring = RingGroup.ring(connection, enterprise(atOnce, delayed)
                .timing(delayed, timing(1500, null)).timeout(Duration.ofSeconds(30)).build());
        awaitRinging(atOnce);

        ring.cancel(true);

        String uuid = ledger().awaitChannel(r -> r.destination().equals(atOnce), WELL_WITHIN).uuid();
        ledger().awaitHangup(uuid, "ORIGINATOR_CANCEL", WELL_WITHIN);
        // past the delay: "never started" only means something once it has passed
        Duration pastTheDelay = Duration.ofMillis(2000);
        await().during(pastTheDelay).atMost(WELL_WITHIN.plus(pastTheDelay))
                .until(() -> ledger().channelsTo(delayed).isEmpty());
    }

    @Test
    void timings_are_refused_outside_ENTERPRISE_for_unknown_destinations_and_when_not_positive() {
        assertThatThrownBy(() -> RingGroupRequest.builder(List.of("user/1001")).mode(RingMode.PARALLEL)
                .timing("user/1001", timing(1000, null)).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ENTERPRISE");
        assertThatThrownBy(() -> enterprise("user/1001").timing("user/1002", timing(1000, null)).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("user/1002");
        assertThatThrownBy(() -> timing(-1, null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("delay");
        assertThatThrownBy(() -> timing(0, 0L)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("timeout");
    }
}
