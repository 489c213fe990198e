package io.camelfreeswitch.call;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static io.camelfreeswitch.testing.TestWaits.WELL_WITHIN;
import static org.assertj.core.api.Assertions.assertThat;

/** RANDOM: one destination at a time, in an order shuffled by the request's random source. */
class RandomRingTest extends SimulatedCalls {

    @Test
    void the_destinations_ring_one_at_a_time_in_the_order_the_seeded_random_source_gives() throws Exception {
        List<String> destinations = List.of(neverAnswers(), neverAnswers(), neverAnswers(), neverAnswers());
        List<String> expected = new ArrayList<>(destinations);
        Collections.shuffle(expected, new Random(42));

        RingGroupResult result = resultOf(RingGroup.ring(connection, RingGroupRequest.builder(destinations)
                .mode(RingMode.RANDOM).random(new Random(42)).timeout(Duration.ofMillis(200)).build()));

        assertThat(expected).as("the seed really shuffles").isNotEqualTo(destinations);
        assertThat(result.outcome()).isEqualTo(RingGroupOutcome.NO_ANSWER);
        assertThat(rungInOrder(result)).containsExactlyElementsOf(expected);
        for (int i = 1; i < result.legs().size(); i++) {
            assertThat(result.legs().get(i).ringStarted()).isAfterOrEqualTo(result.legs().get(i - 1).endedAt());
        }
        for (LegResult leg : result.legs()) {
            ledger().awaitHangup(leg.uuid(), "NO_ANSWER", WELL_WITHIN);
        }
    }

    @Test
    void the_first_to_answer_in_the_random_order_wins_and_the_rest_are_never_rung() throws Exception {
        List<String> destinations = List.of(answersAfter(0), answersAfter(0), answersAfter(0));
        List<String> expected = new ArrayList<>(destinations);
        Collections.shuffle(expected, new Random(7));

        RingGroupResult result = resultOf(RingGroup.ring(connection, RingGroupRequest.builder(destinations)
                .mode(RingMode.RANDOM).random(new Random(7)).timeout(Duration.ofSeconds(5)).build()));

        assertThat(result.winner().destination()).isEqualTo(expected.get(0));
        assertThat(result.legs()).hasSize(1);
        endCall(result);
    }

    @Test
    void a_busy_destination_moves_on_at_once() throws Exception {
        String busy = busy();
        String answering = answersAfter(0);

        RingGroupResult result = resultOf(RingGroup.ring(connection, RingGroupRequest.builder(List.of(busy, answering))
                .mode(RingMode.RANDOM).timeout(Duration.ofMinutes(5)).build()));

        assertThat(result.winner().destination()).isEqualTo(answering);
        endCall(result);
    }
}
