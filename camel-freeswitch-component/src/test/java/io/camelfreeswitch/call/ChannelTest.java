package io.camelfreeswitch.call;

import io.camelfreeswitch.esl.ConnectionState;
import io.camelfreeswitch.esl.EslEvent;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static io.camelfreeswitch.testing.TestWaits.WELL_WITHIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** A channel follows its events and acts through the connection it was tracked on. */
class ChannelTest extends SimulatedCalls {

    private static RingGroupResult answeredCall() throws Exception {
        return resultOf(RingGroup.ring(connection, RingGroupRequest.builder(List.of(answersAfter(0)))
                .timeout(Duration.ofSeconds(5)).build()));
    }

    @Test
    void the_answered_winner_can_be_bridged_to_the_caller() throws Exception {
        Channel caller = Channel.track(connection, callerChannel(), null);
        Channel callee = answeredCall().winner();

        caller.bridge(callee).get(WELL_WITHIN.toSeconds(), TimeUnit.SECONDS);

        ledger().awaitChannel(record -> record.uuid().equals(callee.uuid()) && record.bridged() != null, WELL_WITHIN);
        caller.hangup("NORMAL_CLEARING").get(WELL_WITHIN.toSeconds(), TimeUnit.SECONDS);
        assertThat(caller.hungUp().get(WELL_WITHIN.toSeconds(), TimeUnit.SECONDS)).isEqualTo("NORMAL_CLEARING");
        callee.hungUp().get(WELL_WITHIN.toSeconds(), TimeUnit.SECONDS); // its bridge peer left
        assertThat(callee.hangup("NORMAL_CLEARING")).as("hanging up a channel already gone").isCompleted();
    }

    @Test
    void hanging_up_a_channel_FreeSWITCH_no_longer_knows_is_not_an_error_and_ends_its_tracking() throws Exception {
        Channel gone = Channel.track(connection, java.util.UUID.randomUUID().toString(), null);

        gone.hangup("CALL_REJECTED").get(WELL_WITHIN.toSeconds(), TimeUnit.SECONDS);

        // its events will never come: it is over, and it no longer listens (checked after each test)
        assertThat(gone.hungUp()).isCompletedWithValue("NORMAL_CLEARING");
        assertThat(gone.isHungUp()).isTrue();
    }

    @Test
    void a_channel_that_ended_while_the_connection_was_down_counts_as_hung_up_once_it_is_back() throws Exception {
        Channel callee = answeredCall().winner();

        sim().stop();
        await().until(() -> connection.state() != ConnectionState.UP);
        sim().hangupAll(WELL_WITHIN); // its CHANNEL_HANGUP_COMPLETE goes to no one
        sim().start();

        // FreeSWITCH no longer knows it: over, with the cause a hang-up nobody heard gets
        assertThat(callee.hungUp().get(WELL_WITHIN.toSeconds(), TimeUnit.SECONDS)).isEqualTo("NORMAL_CLEARING");
        assertThat(callee.isHungUp()).isTrue();
    }

    @Test
    void hanging_up_with_a_cause_is_what_FreeSWITCH_records_and_reports() throws Exception {
        Channel callee = answeredCall().winner();
        assertThat(callee.isAnswered()).isTrue();

        callee.hangup("CALL_REJECTED").get(WELL_WITHIN.toSeconds(), TimeUnit.SECONDS);

        assertThat(callee.hungUp().get(WELL_WITHIN.toSeconds(), TimeUnit.SECONDS)).isEqualTo("CALL_REJECTED");
        ledger().awaitHangup(callee.uuid(), "CALL_REJECTED", WELL_WITHIN);
        assertThat(callee.isHungUp()).isTrue();
        assertThat(callee.answerState()).isEqualTo("hangup");
        assertThat(callee.hangup("NORMAL_CLEARING")).isCompleted();
    }

    @Test
    void an_application_runs_until_its_execute_complete() throws Exception {
        Channel callee = answeredCall().winner();

        EslEvent done = callee.execute("playback", "silence_stream://100").get(WELL_WITHIN.toSeconds(),
                TimeUnit.SECONDS);

        assertThat(done.eventName()).isEqualTo("CHANNEL_EXECUTE_COMPLETE");
        assertThat(done.uniqueId()).isEqualTo(callee.uuid());
        hangUp(callee.uuid());
        callee.hungUp().get(WELL_WITHIN.toSeconds(), TimeUnit.SECONDS);
    }

    @Test
    void a_channel_that_ends_unanswered_fails_its_answered_future() throws Exception {
        String uuid = java.util.UUID.randomUUID().toString();
        Channel channel = Channel.track(connection, uuid, "sim/busy");
        CompletableFuture<Channel> answered = channel.answered();
        connection.subscribe(RingEngine.EVENTS).get(WELL_WITHIN.toSeconds(), TimeUnit.SECONDS);

        connection.bgapi("originate {origination_uuid=" + uuid + "}sim/busy &park()")
                .exceptionally(e -> null).get(WELL_WITHIN.toSeconds(), TimeUnit.SECONDS);

        assertThat(channel.hungUp().get(WELL_WITHIN.toSeconds(), TimeUnit.SECONDS)).isEqualTo("USER_BUSY");
        assertThatThrownBy(() -> answered.get(WELL_WITHIN.toSeconds(), TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(ChannelHungUpException.class);
    }
}
