package io.camelfreeswitch.simulator;

import io.camelfreeswitch.simulator.testclient.Esl;
import io.camelfreeswitch.simulator.testclient.Frame;
import io.camelfreeswitch.simulator.testclient.RawEslClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static io.camelfreeswitch.simulator.testclient.Esl.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * group_confirm_key as FreeSWITCH 1.10.12 does it: an answered leg wins only once its callee has pressed the key;
 * one that never presses it, or presses another, stays up until originate_timeout fails the originate with
 * NO_ANSWER.
 */
class AnswerConfirmationTest {

    private static final String CONFIRM = "group_confirm_key=1,group_confirm_file='tone_stream://%(200\\,0\\,440)'";

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

    @Test
    void a_callee_pressing_the_key_after_answering_makes_the_originate_succeed_only_then() {
        SIM.simulator().destination("user/3001", Behaviour.answerThenPress(Duration.ofMillis(300), "1",
                Duration.ofMillis(500)));
        String uuid = UUID.randomUUID().toString();
        Instant sent = Instant.now();

        String job = Esl.bgapi(esl, "originate {origination_uuid=" + uuid + "," + CONFIRM
                + ",originate_timeout=10}user/3001 &park()");

        assertThat(Esl.jobResult(esl, job)).isEqualTo("+OK " + uuid + "\n");
        assertThat(Duration.between(sent, Instant.now())).isGreaterThanOrEqualTo(Duration.ofMillis(790));
        Esl.waitEvent(esl, "CHANNEL_PARK", uuid);
        assertThat(Esl.eventsOf(esl, uuid)).containsSubsequence("CHANNEL_ANSWER", "DTMF", "CHANNEL_PARK");
        ChannelRecord leg = SIM.ledger().channel(uuid).orElseThrow();
        assertThat(leg.hungUp()).isNull();
        assertThat(SIM.ledger().playbacks(uuid)).singleElement().satisfies(prompt -> {
            assertThat(prompt.media()).isEqualTo("tone_stream://%(200,0,440)");
            assertThat(prompt.stoppedBy()).isEqualTo("confirmed");
        });
        Esl.api(esl, "uuid_kill " + uuid);
    }

    @Test
    void a_key_press_is_a_DTMF_event_with_the_channel_block_and_no_variables() {
        String uuid = UUID.randomUUID().toString();
        String job = Esl.bgapi(esl, "originate {origination_uuid=" + uuid + "," + CONFIRM
                + "}sim/answer-after-0-press-1-after-100 &park()");
        Esl.jobResult(esl, job);

        Map<String, String> dtmf = Esl.waitEvent(esl, "DTMF", uuid).event();

        assertThat(dtmf).containsEntry("DTMF-Digit", "1").containsEntry("DTMF-Duration", "2000")
                .containsEntry("DTMF-Source", "RTP").containsEntry("Answer-State", "answered")
                .containsKey("Caller-Caller-ID-Number");
        assertThat(dtmf.keySet()).noneMatch(name -> name.startsWith("variable_"));
        Esl.api(esl, "uuid_kill " + uuid);
    }

    @Test
    void a_callee_that_answers_and_never_presses_stays_up_until_originate_timeout_then_NO_ANSWER() {
        SIM.simulator().destination("user/3002", Behaviour.answerAfter(Duration.ofMillis(100)));
        String uuid = UUID.randomUUID().toString();

        String job = Esl.bgapi(esl, "originate {origination_uuid=" + uuid + "," + CONFIRM
                + ",originate_timeout=2}user/3002 &park()");

        assertThat(Esl.jobResult(esl, job)).isEqualTo("-ERR NO_ANSWER\n");
        ChannelRecord leg = SIM.ledger().awaitHangup(uuid, "NO_ANSWER", WAIT);
        assertThat(leg.wasAnswered()).isTrue();
        assertThat(leg.killedBy()).isEqualTo("timeout");
        assertThat(Duration.between(leg.answered(), leg.hungUp())).isGreaterThan(Duration.ofMillis(700));
    }

    @Test
    void a_callee_pressing_another_key_is_not_confirmed() {
        SIM.simulator().destination("user/3003", Behaviour.answerThenPress(Duration.ZERO, "2", Duration.ofMillis(100)));
        String uuid = UUID.randomUUID().toString();

        String job = Esl.bgapi(esl, "originate {origination_uuid=" + uuid + "," + CONFIRM
                + ",originate_timeout=2}user/3003 &park()");

        assertThat(Esl.jobResult(esl, job)).isEqualTo("-ERR NO_ANSWER\n");
        Frame dtmf = Esl.waitEvent(esl, "DTMF", uuid);
        assertThat(dtmf.event()).containsEntry("DTMF-Digit", "2");
        SIM.ledger().awaitHangup(uuid, "NO_ANSWER", WAIT);
    }

    @Test
    void among_legs_ringing_together_the_one_that_confirms_wins_over_one_that_answered_first() {
        SIM.simulator().destination("user/3004", Behaviour.answerAfter(Duration.ofMillis(50)));
        SIM.simulator().destination("user/3005", Behaviour.answerThenPress(Duration.ofMillis(200), "1",
                Duration.ofMillis(200)));

        String job = Esl.bgapi(esl, "originate {" + CONFIRM + ",originate_timeout=10}user/3004,user/3005 &park()");

        String confirmed = SIM.ledger().awaitChannel(r -> r.destination().equals("user/3005"), WAIT).uuid();
        assertThat(Esl.jobResult(esl, job)).isEqualTo("+OK " + confirmed + "\n");
        String answeredFirst = SIM.ledger().channelsTo("user/3004").get(0).uuid();
        assertThat(SIM.ledger().awaitHangup(answeredFirst, "LOSE_RACE", WAIT).wasAnswered()).isTrue();
        Esl.api(esl, "uuid_kill " + confirmed);
    }
}
