package io.camelfreeswitch.simulator;

import io.camelfreeswitch.simulator.testclient.Esl;
import io.camelfreeswitch.simulator.testclient.Frame;
import io.camelfreeswitch.simulator.testclient.RawEslClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.UUID;

import static io.camelfreeswitch.simulator.testclient.Esl.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

/** The api and sendmsg commands that act on channels. */
class ChannelCommandsTest {

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

    private String answered(String dial) {
        String uuid = UUID.randomUUID().toString();
        String result = Esl.jobResult(esl, Esl.bgapi(esl, "originate {origination_uuid=" + uuid + "}" + dial + " &park()"));
        assertThat(result).isEqualTo("+OK " + uuid + "\n");
        return uuid;
    }

    @Test
    void uuid_exists_getvar_setvar() {
        String uuid = answered("sim/answer");
        assertThat(Esl.api(esl, "uuid_exists " + uuid)).isEqualTo("true");
        assertThat(Esl.api(esl, "uuid_exists " + UUID.randomUUID())).isEqualTo("false");
        assertThat(Esl.api(esl, "uuid_setvar " + uuid + " colour deep blue")).isEqualTo("+OK\n");
        assertThat(Esl.api(esl, "uuid_getvar " + uuid + " colour")).isEqualTo("deep blue");
        assertThat(Esl.api(esl, "uuid_getvar " + uuid + " destination_number")).isEqualTo("answer");
        assertThat(Esl.api(esl, "uuid_getvar " + uuid + " nothing_here")).isEqualTo("_undef_");
        assertThat(Esl.api(esl, "uuid_getvar " + UUID.randomUUID() + " colour")).isEqualTo("-ERR No such channel!\n");
        Esl.api(esl, "uuid_kill " + uuid);
    }

    @Test
    void uuid_answer_answers_a_ringing_channel() {
        String uuid = UUID.randomUUID().toString();
        String job = Esl.bgapi(esl, "originate {origination_uuid=" + uuid + "}sim/no-answer &park()");
        Esl.waitEvent(esl, "CHANNEL_PROGRESS", uuid);
        assertThat(Esl.api(esl, "uuid_answer " + uuid)).isEqualTo("+OK\n");
        assertThat(Esl.jobResult(esl, job)).isEqualTo("+OK " + uuid + "\n");
        assertThat(SIM.ledger().channel(uuid).orElseThrow().answered()).isNotNull();
        Esl.api(esl, "uuid_kill " + uuid);
    }

    @Test
    void uuid_bridge_bridges_two_channels_and_hanging_up_one_ends_the_other() {
        String a = answered("sim/answer");
        String b = answered("sim/answer");
        assertThat(Esl.api(esl, "uuid_bridge " + a + " " + b)).isEqualTo("+OK " + b + "\n");
        Frame bridge = Esl.waitEvent(esl, "CHANNEL_BRIDGE", a);
        assertThat(bridge.event()).containsEntry("Other-Leg-Unique-ID", b);
        assertThat(SIM.ledger().channel(b).orElseThrow().bridged()).isNotNull();
        assertThat(Esl.api(esl, "uuid_bridge " + a + " " + UUID.randomUUID())).isEqualTo("-ERR Invalid uuid\n");
        Esl.api(esl, "uuid_kill " + a);
        Esl.waitEvent(esl, "CHANNEL_UNBRIDGE", a);
        assertThat(SIM.ledger().awaitHangup(b, "NORMAL_CLEARING", WAIT).killedBy()).isEqualTo("bridge peer");
    }

    @Test
    void park_after_bridge_keeps_the_survivor_up() {
        String a = answered("sim/answer");
        String b = answered("sim/answer");
        Esl.api(esl, "uuid_setvar " + a + " park_after_bridge true");
        Esl.api(esl, "uuid_bridge " + a + " " + b);
        Esl.waitEvent(esl, "CHANNEL_BRIDGE", a);
        Esl.api(esl, "uuid_kill " + b);
        SIM.ledger().awaitHangup(b, "NORMAL_CLEARING", WAIT);
        assertThat(Esl.api(esl, "uuid_exists " + a)).isEqualTo("true");
        Esl.api(esl, "uuid_kill " + a);
    }

    @Test
    void hupall_hangs_up_everything_with_the_cause() {
        String a = answered("sim/answer");
        String b = answered("sim/answer");
        assertThat(Esl.api(esl, "hupall NORMAL_CLEARING")).isEqualTo("+OK hangup all channels with cause NORMAL_CLEARING\n");
        assertThat(SIM.ledger().awaitHangup(a, "NORMAL_CLEARING", WAIT).killedBy()).isEqualTo("hupall");
        assertThat(SIM.ledger().awaitHangup(b, "NORMAL_CLEARING", WAIT).killedBy()).isEqualTo("hupall");
    }

    @Test
    void show_channels_lists_live_channels_in_csv_and_json() {
        assertThat(Esl.api(esl, "show channels")).isEqualTo("\n0 total.\n");
        assertThat(Esl.api(esl, "show channels as json")).isEqualTo("{\"row_count\":0}");
        String uuid = answered("sim/answer");
        assertThat(Esl.api(esl, "show channels")).startsWith("uuid,direction,created,").contains(uuid).endsWith("\n1 total.\n");
        assertThat(Esl.api(esl, "show channels as json")).startsWith("{\"row_count\":1,\"rows\":[{\"uuid\":\"" + uuid + "\"");
        Esl.api(esl, "uuid_kill " + uuid);
    }

    @Test
    void status_version_create_uuid() {
        assertThat(Esl.api(esl, "status")).startsWith("UP ").contains("FreeSWITCH (Version 1.10.12-release  64bit) is ready\n");
        assertThat(Esl.api(esl, "version")).isEqualTo("FreeSWITCH Version 1.10.12-release~64bit ( 64bit)\n");
        assertThat(UUID.fromString(Esl.api(esl, "create_uuid"))).isNotNull();
    }

    @Test
    void sendmsg_execute_with_event_uuid_reports_it_as_application_uuid() {
        String uuid = answered("sim/answer");
        String eventUuid = UUID.randomUUID().toString();
        esl.sendRaw("sendmsg " + uuid + "\ncall-command: execute\nexecute-app-name: playback\nexecute-app-arg: silence_stream://50\n"
                + "event-lock: true\nEvent-UUID: " + eventUuid + "\n\n");
        assertThat(esl.expect("command/reply").replyText()).isEqualTo("+OK");
        Frame started = Esl.waitEvent(esl, "CHANNEL_EXECUTE", uuid);
        Frame complete = esl.nextMatching(f -> f.isEvent() && "CHANNEL_EXECUTE_COMPLETE".equals(f.eventName())
                && "playback".equals(f.event().get("Application")), WAIT);
        assertThat(complete.event()).containsEntry("Application-UUID", eventUuid)
                .containsEntry("Application-Data", "silence_stream://50")
                .containsEntry("Application-Response", "FILE PLAYED");
        assertThat(started.event().get("Application")).isEqualTo("park");
        Esl.api(esl, "uuid_kill " + uuid);
    }

    @Test
    void sendmsg_hangup_uses_the_hangup_cause() {
        String uuid = answered("sim/answer");
        esl.sendRaw("sendmsg " + uuid + "\ncall-command: hangup\nhangup-cause: USER_BUSY\n\n");
        assertThat(esl.expect("command/reply").replyText()).isEqualTo("+OK");
        assertThat(SIM.ledger().awaitHangup(uuid, "USER_BUSY", WAIT).killedBy()).isEqualTo("sendmsg hangup");
        esl.sendRaw("sendmsg " + uuid + "\ncall-command: hangup\n\n");
        assertThat(esl.expect("command/reply").replyText()).isEqualTo("-ERR invalid session id [" + uuid + "]");
    }

    @Test
    void the_bridge_application_rings_the_callee_and_bridges_when_it_answers() {
        SIM.simulator().destination("user/6001", Behaviour.answerAfter(java.time.Duration.ofMillis(100)));
        String caller = answered("sim/answer");
        esl.sendRaw("sendmsg " + caller + "\ncall-command: execute\nexecute-app-name: bridge\nexecute-app-arg: user/6001\n\n");
        esl.expect("command/reply");
        Frame bridge = Esl.waitEvent(esl, "CHANNEL_BRIDGE", caller);
        String callee = bridge.event().get("Other-Leg-Unique-ID");
        assertThat(SIM.ledger().channel(callee).orElseThrow().destination()).isEqualTo("user/6001");
        Esl.api(esl, "uuid_kill " + callee);
        // the caller's bridge application finishes and the caller stays up (parked)
        Frame done = esl.nextMatching(f -> f.isEvent() && "CHANNEL_EXECUTE_COMPLETE".equals(f.eventName())
                && "bridge".equals(f.event().get("Application")), WAIT);
        assertThat(done.event().get("Unique-ID")).isEqualTo(caller);
        assertThat(Esl.api(esl, "uuid_exists " + caller)).isEqualTo("true");
        Esl.api(esl, "uuid_kill " + caller);
    }

    @Test
    void an_originate_running_playback_hangs_up_when_the_application_ends() {
        String uuid = UUID.randomUUID().toString();
        String job = Esl.bgapi(esl, "originate {origination_uuid=" + uuid + "}sim/answer &playback(silence_stream://50)");
        assertThat(Esl.jobResult(esl, job)).isEqualTo("+OK " + uuid + "\n");
        assertThat(SIM.ledger().awaitHangup(uuid, "NORMAL_CLEARING", WAIT).killedBy()).isEqualTo("dialplan end");
    }
}
