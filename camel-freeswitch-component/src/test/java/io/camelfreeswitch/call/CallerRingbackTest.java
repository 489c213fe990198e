package io.camelfreeswitch.call;

import io.camelfreeswitch.simulator.PlaybackRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static io.camelfreeswitch.testing.TestWaits.WELL_WITHIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Ringback: the caller hears it from the first leg's originate until the group ends, and it is broken off before
 * the result is handed out, so that what follows (a bridge, voicemail) starts clean.
 */
class CallerRingbackTest extends SimulatedCalls {

    private static final String US_RING = "%(2000,4000,440,480)";
    private static final String REPEATED_US_RING = "tone_stream://%(2000,4000,440,480);loops=-1";

    private static RingGroupRequest.Builder withRingback(String caller, String... destinations) {
        return RingGroupRequest.builder(List.of(destinations)).callerUuid(caller).ringback(US_RING);
    }

    @Test
    void the_caller_hears_ringback_from_the_first_originate_until_a_winner_is_handed_out() throws Exception {
        String caller = callerChannel();
        String answers = answersAfter(400);

        RingGroupResult result = resultOf(RingGroup.ring(connection, withRingback(caller, answers)
                .timeout(Duration.ofSeconds(5)).build()));

        assertThat(result.outcome()).isEqualTo(RingGroupOutcome.ANSWERED);
        // already broken off when the result is handed out
        PlaybackRecord ringback = ledger().playbacks(caller).get(0);
        assertThat(ringback.media()).isEqualTo(REPEATED_US_RING);
        assertThat(ringback.stoppedBy()).isEqualTo("uuid_break");
        assertThat(ringback.started()).isAfterOrEqualTo(ledger().channel(result.winner().uuid()).orElseThrow()
                .created());
        assertThat(ringback.stopped()).isAfterOrEqualTo(ledger().channel(result.winner().uuid()).orElseThrow()
                .answered());
        assertThat(ledger().playbacks(caller)).hasSize(1);
        endCall(result);
        hangUp(caller);
    }

    @Test
    void ringback_stops_when_the_group_ends_with_nobody_answering() throws Exception {
        String caller = callerChannel();

        RingGroupResult result = resultOf(RingGroup.ring(connection, withRingback(caller, neverAnswers(),
                neverAnswers()).timeout(Duration.ofMillis(400)).build()));

        assertThat(result.outcome()).isEqualTo(RingGroupOutcome.NO_ANSWER);
        assertThat(ledger().playbacks(caller)).singleElement()
                .satisfies(ringback -> assertThat(ringback.stoppedBy()).isEqualTo("uuid_break"));
        hangUp(caller);
    }

    @Test
    void a_caller_hanging_up_ends_its_ringback_with_the_call() throws Exception {
        String caller = callerChannel();
        String ringing = neverAnswers();
        CompletableFuture<RingGroupResult> ring = RingGroup.ring(connection, withRingback(caller, ringing)
                .timeout(Duration.ofSeconds(30)).build());
        awaitRinging(ringing);
        ledger().awaitChannel(r -> !ledger().playbacks(caller).isEmpty(), WELL_WITHIN);

        hangUp(caller);

        assertThat(resultOf(ring).outcome()).isEqualTo(RingGroupOutcome.CANCELLED);
        assertThat(ledger().awaitPlaybackStopped(caller, WELL_WITHIN).stoppedBy()).isEqualTo("hangup");
    }

    @Test
    void a_caller_not_yet_answered_is_pre_answered_so_that_it_hears_the_ringback_as_early_media() throws Exception {
        String caller = UUID.randomUUID().toString();
        String unansweredCaller = neverAnswers();
        connection.bgapi("originate {origination_uuid=" + caller + "}" + unansweredCaller + " &park()");
        awaitRinging(unansweredCaller);

        RingGroupResult result = resultOf(RingGroup.ring(connection, withRingback(caller, answersAfter(300))
                .timeout(Duration.ofSeconds(5)).build()));

        assertThat(ledger().playbacks(caller)).singleElement().satisfies(ringback -> {
            assertThat(ringback.answerState()).isEqualTo("early");
            assertThat(ringback.stoppedBy()).isEqualTo("uuid_break");
        });
        assertThat(ledger().channel(caller).orElseThrow().wasAnswered()).isFalse();
        endCall(result);
        hangUp(caller);
    }

    @Test
    void without_a_caller_there_is_nobody_to_play_ringback_to() throws Exception {
        RingGroupResult result = resultOf(RingGroup.ring(connection, RingGroupRequest
                .builder(List.of(answersAfter(0))).ringback(US_RING).timeout(Duration.ofSeconds(5)).build()));

        assertThat(ledger().playbacks(result.winner().uuid())).isEmpty();
        endCall(result);
    }

    @Test
    void a_ringback_with_white_space_is_refused_because_uuid_broadcast_would_cut_it() {
        assertThatThrownBy(() -> RingGroupRequest.builder(List.of("user/1001")).ringback("my ring.wav").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ringback");
    }
}
