package io.camelfreeswitch.simulator;

import io.camelfreeswitch.simulator.testclient.Esl;
import io.camelfreeswitch.simulator.testclient.RawEslClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static io.camelfreeswitch.simulator.testclient.Esl.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

/** What each scripted endpoint does when an originate rings it. */
class BehaviourTest {

    @RegisterExtension
    static final FreeSwitchSimulatorExtension SIM = FreeSwitchSimulatorExtension.perClass().assertNoLiveChannelsAfterEach();

    private RawEslClient esl;

    @BeforeEach
    void connect() throws Exception {
        esl = Esl.listening(SIM.port(), SIM.password());
    }

    @AfterEach
    void disconnect() throws Exception {
        esl.close();
    }

    private String originate(String uuid, String dial) {
        String job = Esl.bgapi(esl, "originate {origination_uuid=" + uuid + "}" + dial + " &park()");
        return Esl.jobResult(esl, job);
    }

    @Test
    void answer_after_rings_then_answers_and_the_originate_succeeds_after_channel_answer() {
        SIM.simulator().destination("user/2001", Behaviour.answerAfter(Duration.ofMillis(150)));
        String uuid = UUID.randomUUID().toString();
        assertThat(originate(uuid, "user/2001")).isEqualTo("+OK " + uuid + "\n");
        List<String> events = Esl.eventsOf(esl, uuid);
        assertThat(events).containsSubsequence("CHANNEL_CREATE", "CHANNEL_PROGRESS", "CHANNEL_ANSWER");
        ChannelRecord r = SIM.ledger().channel(uuid).orElseThrow();
        assertThat(r.destination()).isEqualTo("user/2001");
        assertThat(r.answered()).isNotNull();
        assertThat(Duration.between(r.created(), r.answered())).isGreaterThanOrEqualTo(Duration.ofMillis(140));
        assertThat(Esl.api(esl, "uuid_kill " + uuid)).isEqualTo("+OK\n");
        assertThat(SIM.ledger().awaitHangup(uuid, "NORMAL_CLEARING", WAIT).killedBy()).isEqualTo("uuid_kill");
    }

    @Test
    void busy_fails_the_originate_with_user_busy_without_ringing() {
        SIM.simulator().destination("user/2002", Behaviour.busy());
        String uuid = UUID.randomUUID().toString();
        assertThat(originate(uuid, "user/2002")).isEqualTo("-ERR USER_BUSY\n");
        Esl.waitEvent(esl, "CHANNEL_DESTROY", uuid);
        assertThat(Esl.eventsOf(esl, uuid)).doesNotContain("CHANNEL_PROGRESS", "CHANNEL_ANSWER")
                .containsSubsequence("CHANNEL_CREATE", "CHANNEL_HANGUP", "CHANNEL_HANGUP_COMPLETE", "CHANNEL_DESTROY");
        assertThat(SIM.ledger().awaitHangup(uuid, "USER_BUSY", WAIT).killedBy()).isEqualTo("far-end");
    }

    @Test
    void no_answer_rings_until_originate_timeout_then_fails_with_no_answer() {
        SIM.simulator().destination("user/2003", Behaviour.noAnswer());
        String uuid = UUID.randomUUID().toString();
        assertThat(originate(uuid, "{originate_timeout=1}user/2003")).isEqualTo("-ERR NO_ANSWER\n");
        assertThat(SIM.ledger().awaitHangup(uuid, "NO_ANSWER", WAIT).killedBy()).isEqualTo("timeout");
    }

    @Test
    void originate_timeout_counts_whole_seconds_so_it_gives_up_up_to_a_second_early() {
        SIM.simulator().destination("user/2006", Behaviour.noAnswer());
        String uuid = UUID.randomUUID().toString();
        awaitMillisIntoTheSecond(600);
        assertThat(originate(uuid, "{originate_timeout=2}user/2006")).isEqualTo("-ERR NO_ANSWER\n");
        ChannelRecord r = SIM.ledger().awaitHangup(uuid, "NO_ANSWER", WAIT);
        assertThat(r.killedBy()).isEqualTo("timeout");
        // FreeSWITCH compares whole epoch seconds: started 0.6 s into a second, "2 s" ends at the second after next
        assertThat(r.hungUp().getEpochSecond() - r.created().getEpochSecond()).isEqualTo(2);
        assertThat(Duration.between(r.created(), r.hungUp())).isLessThan(Duration.ofMillis(1900));
    }

    @Test
    void each_leg_has_its_own_leg_timeout_and_an_answered_leg_outlives_the_timeout() {
        SIM.simulator().destination("user/2004", Behaviour.noAnswer());
        SIM.simulator().destination("user/2005", Behaviour.answerAfter(Duration.ofMillis(2500)));
        // leg_timeout=1 fires 1 to 2 s in, originate_timeout=4 would fire 3 to 4 s in: the answer at 2.5 s is between
        String job = Esl.bgapi(esl, "originate {originate_timeout=4}[leg_timeout=1]user/2004,user/2005 &park()");
        ChannelRecord slow = SIM.ledger().awaitChannel(r -> r.destination().equals("user/2004"), WAIT);
        assertThat(SIM.ledger().awaitHangup(slow.uuid(), "ALLOTTED_TIMEOUT", WAIT).killedBy()).isEqualTo("timeout");
        String winner = SIM.ledger().channelsTo("user/2005").get(0).uuid();
        assertThat(Esl.jobResult(esl, job)).isEqualTo("+OK " + winner + "\n");
        // past originate_timeout, the answered leg is still up
        org.awaitility.Awaitility.await().during(Duration.ofMillis(1700)).atMost(WAIT)
                .until(() -> SIM.ledger().channel(winner).orElseThrow().live());
        Esl.api(esl, "uuid_kill " + winner);
    }

    /** Sleeps until the wall clock is {@code millis} into a second, or a little past it. */
    private static void awaitMillisIntoTheSecond(long millis) {
        long now = System.currentTimeMillis();
        long wait = Math.floorMod(millis - now, 1000L);
        try {
            Thread.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void reject_hangs_up_with_the_given_cause() {
        String uuid = UUID.randomUUID().toString();
        assertThat(originate(uuid, "sim/reject-CALL_REJECTED")).isEqualTo("-ERR CALL_REJECTED\n");
        SIM.ledger().awaitHangup(uuid, "CALL_REJECTED", WAIT);
    }

    @Test
    void early_media_makes_the_originate_succeed_before_answer_unless_ignore_early_media() {
        String early = UUID.randomUUID().toString();
        assertThat(originate(early, "sim/early-200")).isEqualTo("+OK " + early + "\n");
        assertThat(Esl.eventsOf(esl, early)).contains("CHANNEL_PROGRESS_MEDIA").doesNotContain("CHANNEL_ANSWER");
        Esl.waitEvent(esl, "CHANNEL_ANSWER", early);

        String patient = UUID.randomUUID().toString();
        assertThat(originate(patient, "{ignore_early_media=true}sim/early-200")).isEqualTo("+OK " + patient + "\n");
        assertThat(Esl.eventsOf(esl, patient)).containsSubsequence("CHANNEL_PROGRESS_MEDIA", "CHANNEL_ANSWER");
        Esl.api(esl, "uuid_kill " + early);
        Esl.api(esl, "uuid_kill " + patient);
    }

    @Test
    void answer_then_hangup_answers_and_the_far_end_hangs_up_later() {
        String uuid = UUID.randomUUID().toString();
        assertThat(originate(uuid, "sim/hangup-after-150")).isEqualTo("+OK " + uuid + "\n");
        ChannelRecord r = SIM.ledger().awaitHangup(uuid, "NORMAL_CLEARING", WAIT);
        assertThat(r.killedBy()).isEqualTo("far-end");
        assertThat(r.answered()).isNotNull();
    }

    @Test
    void unregistered_and_unknown_destinations_fail_without_creating_a_channel() {
        SIM.simulator().destination("user/2009", Behaviour.unregistered());
        int before = SIM.ledger().channels().size();
        assertThat(originate(UUID.randomUUID().toString(), "user/2009")).isEqualTo("-ERR USER_NOT_REGISTERED\n");
        assertThat(originate(UUID.randomUUID().toString(), "user/nobody")).isEqualTo("-ERR USER_NOT_REGISTERED\n");
        assertThat(originate(UUID.randomUUID().toString(), "sofia/gateway/none/123")).isEqualTo("-ERR NO_ROUTE_DESTINATION\n");
        assertThat(SIM.ledger().channels()).hasSize(before);
    }

    @Test
    void killing_a_ringing_leg_fails_its_originate_with_the_kill_cause_after_hangup_complete() {
        String uuid = UUID.randomUUID().toString();
        String job = Esl.bgapi(esl, "originate {origination_uuid=" + uuid + "}sim/no-answer &park()");
        Esl.waitEvent(esl, "CHANNEL_PROGRESS", uuid);
        assertThat(Esl.api(esl, "uuid_kill " + uuid + " ORIGINATOR_CANCEL")).isEqualTo("+OK\n");
        assertThat(Esl.jobResult(esl, job)).isEqualTo("-ERR ORIGINATOR_CANCEL\n");
        Esl.waitEvent(esl, "CHANNEL_DESTROY", uuid);
        List<String> names = esl.seen().stream().filter(f -> f.isEvent() && (uuid.equals(f.event().get("Unique-ID"))
                || job.equals(f.event().get("Job-UUID")))).map(f -> f.eventName()).toList();
        assertThat(names).containsSubsequence("CHANNEL_HANGUP_COMPLETE", "BACKGROUND_JOB", "CHANNEL_DESTROY");
        assertThat(SIM.ledger().awaitHangup(uuid, "ORIGINATOR_CANCEL", WAIT).killedBy()).isEqualTo("uuid_kill");
    }

    @Test
    void simultaneous_legs_first_answer_wins_and_the_others_lose_the_race() {
        SIM.simulator().destination("user/3001", Behaviour.answerAfter(Duration.ofMillis(400)));
        SIM.simulator().destination("user/3002", Behaviour.answerAfter(Duration.ofMillis(100)));
        String job = Esl.bgapi(esl, "originate {ignore_early_media=true}user/3001,user/3002 &park()");
        String result = Esl.jobResult(esl, job);
        ChannelRecord winner = SIM.ledger().channelsTo("user/3002").get(0);
        ChannelRecord loser = SIM.ledger().channelsTo("user/3001").get(0);
        assertThat(result).isEqualTo("+OK " + winner.uuid() + "\n");
        assertThat(SIM.ledger().awaitHangup(loser.uuid(), "LOSE_RACE", WAIT).killedBy()).isEqualTo("lose-race");
        assertThat(SIM.ledger().awaitHangup(loser.uuid(), WAIT).answered()).isNull();
        Esl.api(esl, "uuid_kill " + winner.uuid());
    }

    @Test
    void pipe_separated_legs_are_tried_in_order_until_one_answers() {
        SIM.simulator().destination("user/4001", Behaviour.busy());
        SIM.simulator().destination("user/4002", Behaviour.answerNow());
        String job = Esl.bgapi(esl, "originate user/4001|user/4002 &park()");
        String result = Esl.jobResult(esl, job);
        ChannelRecord second = SIM.ledger().channelsTo("user/4002").get(0);
        assertThat(result).isEqualTo("+OK " + second.uuid() + "\n");
        ChannelRecord first = SIM.ledger().channelsTo("user/4001").get(0);
        assertThat(first.hangupCause()).isEqualTo("USER_BUSY");
        assertThat(first.hungUp()).isBeforeOrEqualTo(second.created());
        Esl.api(esl, "uuid_kill " + second.uuid());
    }

    @Test
    void the_loopback_dialplan_of_the_captures_works_without_code() {
        String uuid = UUID.randomUUID().toString();
        assertThat(originate(uuid, "loopback/1004/default")).isEqualTo("-ERR USER_BUSY\n");
        String now = UUID.randomUUID().toString();
        assertThat(originate(now, "loopback/1005/default")).isEqualTo("+OK " + now + "\n");
        assertThat(Esl.waitEvent(esl, "CHANNEL_CREATE", now).event())
                .containsEntry("Channel-Name", "loopback/1005-a")
                .containsEntry("variable_loopback_leg", "A");
        Esl.api(esl, "uuid_kill " + now);
    }

    @Test
    void originate_variables_and_caller_id_appear_on_the_channel_events() {
        String uuid = UUID.randomUUID().toString();
        originate(uuid, "{origination_caller_id_number=5551234,origination_caller_id_name='Test Caller',my_tag='a,b'}sim/answer");
        var create = Esl.waitEvent(esl, "CHANNEL_CREATE", uuid).event();
        assertThat(create).containsEntry("Caller-Caller-ID-Number", "5551234")
                .containsEntry("Caller-Caller-ID-Name", "Test Caller")
                .containsEntry("variable_my_tag", "a,b")
                .containsEntry("variable_origination_uuid", uuid)
                .containsEntry("Answer-State", "ringing");
        assertThat(Esl.api(esl, "uuid_getvar " + uuid + " my_tag")).isEqualTo("a,b");
        Esl.api(esl, "uuid_kill " + uuid);
        var complete = Esl.waitEvent(esl, "CHANNEL_HANGUP_COMPLETE", uuid).event();
        assertThat(complete).containsEntry("Hangup-Cause", "NORMAL_CLEARING").containsEntry("variable_hangup_cause", "NORMAL_CLEARING")
                .containsKey("variable_billsec");
    }

    @Test
    void behaviour_convention_parses_every_documented_spec() {
        assertThat(Behaviour.parse("answer-after-1500")).get().extracting(Behaviour::kind, Behaviour::delay)
                .containsExactly(Behaviour.Kind.ANSWER, Duration.ofMillis(1500));
        assertThat(Behaviour.parse("answer").orElseThrow().delay()).isZero();
        assertThat(Behaviour.parse("busy").orElseThrow().cause()).isEqualTo("USER_BUSY");
        assertThat(Behaviour.parse("no-answer").orElseThrow().kind()).isEqualTo(Behaviour.Kind.NO_ANSWER);
        assertThat(Behaviour.parse("reject-CALL_REJECTED").orElseThrow().cause()).isEqualTo("CALL_REJECTED");
        assertThat(Behaviour.parse("early-800").orElseThrow().kind()).isEqualTo(Behaviour.Kind.EARLY_MEDIA_THEN_ANSWER);
        assertThat(Behaviour.parse("hangup-after-2000").orElseThrow().hangupAfter()).isEqualTo(Duration.ofSeconds(2));
        assertThat(Behaviour.parse("unregistered").orElseThrow().kind()).isEqualTo(Behaviour.Kind.UNREGISTERED);
        assertThat(Behaviour.parse("1002").orElseThrow().delay()).isEqualTo(Duration.ofSeconds(3));
        assertThat(Behaviour.parse("dance")).isEmpty();
    }
}
