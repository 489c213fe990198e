package io.camelfreeswitch.call;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a group tells about itself while it rings: the listener given to its request (and to no other group), and a
 * consistent picture of its legs for monitoring.
 */
class RingGroupObservationTest extends SimulatedCalls {

    /** Records what it hears, tagged with the group it was given to. */
    private record Recorder(String name, List<String> heard) implements RingGroupListener {
        @Override
        public void legStarted(RingGroupRequest request, String destination) {
            heard.add(name + " started " + destination);
        }

        @Override
        public void legEnded(RingGroupRequest request, LegResult leg) {
            heard.add(name + " ended " + leg.destination() + " " + leg.outcome());
        }

        @Override
        public void groupEnded(RingGroupRequest request, RingGroupResult result, Duration elapsed) {
            heard.add(name + " group " + result.outcome());
        }
    }

    @Test
    void aRequestsListenerHearsThatGroupOnly() throws Exception {
        List<String> heard = new CopyOnWriteArrayList<>();
        String first = busy();
        String second = busy();

        resultOf(RingGroup.ring(connection, RingGroupRequest.builder(List.of(first)).timeout(Duration.ofSeconds(5))
                .listener(new Recorder("a", heard)).build()));
        resultOf(RingGroup.ring(connection, RingGroupRequest.builder(List.of(second)).timeout(Duration.ofSeconds(5))
                .listener(new Recorder("b", heard)).build()));

        assertThat(heard).containsExactly(
                "a started " + first, "a ended " + first + " BUSY", "a group NO_ANSWER",
                "b started " + second, "b ended " + second + " BUSY", "b group NO_ANSWER");
    }

    @Test
    void theLegsOfARingingGroupShowTheirUuidAndThatTheyRingThenHowTheyEnded() throws Exception {
        String first = neverAnswers();
        String second = neverAnswers();
        RingGroupFuture<RingGroupResult> ring = RingGroup.ring(connection, RingGroupRequest.builder(
                List.of(first, second)).timeout(Duration.ofSeconds(5)).build());
        awaitRinging(first, second);

        List<LegResult> ringing = ring.legs().get();
        assertThat(ringing).extracting(LegResult::destination).containsExactly(first, second);
        assertThat(ringing).allSatisfy(leg -> {
            assertThat(leg.outcome()).isNull();
            assertThat(leg.answeredAt()).isNull();
            assertThat(ledger().channel(leg.uuid())).isPresent();
        });

        ring.cancel(false);
        ring.hangupsSent().get();
        assertThat(ring.legs().get()).extracting(LegResult::outcome)
                .containsExactly(LegOutcome.CANCELLED, LegOutcome.CANCELLED);
    }
}
