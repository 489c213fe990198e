package io.camelfreeswitch.simulator;

import io.camelfreeswitch.simulator.testclient.Esl;
import io.camelfreeswitch.simulator.testclient.RawEslClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.UUID;

import static io.camelfreeswitch.simulator.testclient.Esl.WAIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** uuid_pre_answer, uuid_broadcast and uuid_break, and the ledger's record of what each channel was played. */
class CallerMediaTest {

    private static final String RINGBACK = "tone_stream://%(2000,4000,440,480);loops=-1";

    @RegisterExtension
    static final FreeSwitchSimulatorExtension SIM = FreeSwitchSimulatorExtension.perClass()
            .assertNoLiveChannelsAfterEach();

    private RawEslClient esl;

    @BeforeEach
    void connect() throws Exception {
        esl = Esl.listening(SIM.port(), SIM.password());
    }

    @AfterEach
    void disconnect() throws Exception {
        esl.close();
    }

    private String parkedChannel() {
        String uuid = UUID.randomUUID().toString();
        Esl.jobResult(esl, Esl.bgapi(esl, "originate {origination_uuid=" + uuid + "}sim/answer &park()"));
        Esl.waitEvent(esl, "CHANNEL_PARK", uuid);
        return uuid;
    }

    @Test
    void a_repeated_tone_broadcast_plays_until_uuid_break_stops_it() {
        String uuid = parkedChannel();

        assertThat(Esl.api(esl, "uuid_broadcast " + uuid + " playback::" + RINGBACK + " aleg"))
                .isEqualTo("+OK Message Sent\n");
        Esl.waitEvent(esl, "CHANNEL_EXECUTE", uuid);
        await().during(Duration.ofMillis(300)).atMost(WAIT)
                .until(() -> SIM.ledger().playbacks(uuid).get(0).stopped() == null);

        assertThat(Esl.api(esl, "uuid_break " + uuid + " all")).isEmpty();

        PlaybackRecord ringback = SIM.ledger().awaitPlaybackStopped(uuid, WAIT);
        assertThat(ringback.media()).isEqualTo(RINGBACK);
        assertThat(ringback.answerState()).isEqualTo("answered");
        assertThat(ringback.stoppedBy()).isEqualTo("uuid_break");
        assertThat(Esl.waitEvent(esl, "CHANNEL_EXECUTE_COMPLETE", uuid).event())
                .containsEntry("Application", "playback").containsEntry("Application-Response", "FILE PLAYED");
        Esl.api(esl, "uuid_kill " + uuid);
    }

    @Test
    void uuid_pre_answer_gives_a_ringing_channel_early_media_and_what_it_is_then_played_says_so() {
        SIM.simulator().destination("user/3101", Behaviour.noAnswer());
        String uuid = UUID.randomUUID().toString();
        String job = Esl.bgapi(esl, "originate {origination_uuid=" + uuid + "}user/3101 &park()");
        Esl.waitEvent(esl, "CHANNEL_PROGRESS", uuid);

        assertThat(Esl.api(esl, "uuid_pre_answer " + uuid)).isEmpty();
        Esl.waitEvent(esl, "CHANNEL_PROGRESS_MEDIA", uuid);
        Esl.jobResult(esl, job);
        Esl.api(esl, "uuid_broadcast " + uuid + " playback::local_stream://moh aleg");
        Esl.waitEvent(esl, "CHANNEL_EXECUTE", uuid);
        Esl.api(esl, "uuid_kill " + uuid);

        PlaybackRecord moh = SIM.ledger().awaitPlaybackStopped(uuid, WAIT);
        assertThat(moh.media()).isEqualTo("local_stream://moh");
        assertThat(moh.answerState()).isEqualTo("early");
        assertThat(moh.stoppedBy()).isEqualTo("hangup");
        assertThat(SIM.ledger().channel(uuid).orElseThrow().wasAnswered()).isFalse();
    }

    @Test
    void unknown_channels_get_mod_commands_replies() {
        String unknown = UUID.randomUUID().toString();
        assertThat(Esl.api(esl, "uuid_broadcast " + unknown + " playback::" + RINGBACK + " aleg"))
                .isEqualTo("+OK Message Sent\n");
        assertThat(Esl.api(esl, "uuid_break " + unknown + " all")).isEqualTo("-ERR No Such Channel!\n");
        assertThat(Esl.api(esl, "uuid_pre_answer " + unknown)).isEqualTo("-ERROR\n");
    }
}
