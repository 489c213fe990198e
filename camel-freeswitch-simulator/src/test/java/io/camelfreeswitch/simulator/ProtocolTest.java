package io.camelfreeswitch.simulator;

import io.camelfreeswitch.simulator.testclient.Capture;
import io.camelfreeswitch.simulator.testclient.Esl;
import io.camelfreeswitch.simulator.testclient.Frame;
import io.camelfreeswitch.simulator.testclient.RawEslClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static io.camelfreeswitch.simulator.testclient.Esl.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

/** The ESL conversation itself: auth, replies, subscriptions, filters, blocking api, exit. */
class ProtocolTest {

    @RegisterExtension
    static final FreeSwitchSimulatorExtension SIM = FreeSwitchSimulatorExtension.perClass().assertNoLiveChannelsAfterEach();

    @Test
    void wrong_password_gets_err_invalid_a_disconnect_notice_and_a_close_byte_for_byte() throws Exception {
        try (RawEslClient c = RawEslClient.connect(SIM.port())) {
            c.expect("auth/request");
            c.send("auth wrong");
            c.readUntilClosed(WAIT);
            assertThat(c.receivedBytes()).isEqualTo(new String(Capture.resource("/captures/extra-plain-badauth.raw.txt"),
                    StandardCharsets.UTF_8));
        }
    }

    @Test
    void userauth_accepts_the_password_after_the_colon() throws Exception {
        try (RawEslClient c = RawEslClient.connect(SIM.port())) {
            c.expect("auth/request");
            c.send("userauth admin@default:" + SIM.password());
            assertThat(c.expect("command/reply").replyText()).isEqualTo("+OK accepted");
        }
    }

    @Test
    void commands_before_auth_are_refused() throws Exception {
        try (RawEslClient c = RawEslClient.connect(SIM.port())) {
            c.expect("auth/request");
            c.send("api status");
            assertThat(c.expect("command/reply").replyText()).isEqualTo("-ERR command not found");
        }
    }

    @Test
    void unknown_api_command_and_unknown_uuid_answer_like_freeswitch() throws Exception {
        try (RawEslClient c = RawEslClient.authenticated(SIM.port(), SIM.password())) {
            assertThat(Esl.api(c, "no_such_command")).isEqualTo("-ERR no_such_command Command not found!\n");
            assertThat(Esl.api(c, "uuid_kill 00000000-0000-0000-0000-000000000000")).isEqualTo("-ERR No such channel!\n");
            c.send("bogus");
            assertThat(c.expect("command/reply").replyText()).isEqualTo("-ERR command not found");
        }
    }

    @Test
    void exit_says_bye_sends_the_disconnect_notice_and_closes() throws Exception {
        try (RawEslClient c = RawEslClient.authenticated(SIM.port(), SIM.password())) {
            c.send("exit");
            List<Frame> rest = c.readUntilClosed(WAIT);
            assertThat(rest).extracting(Frame::contentType).containsExactly("command/reply", "text/disconnect-notice");
            assertThat(rest.get(0).replyText()).isEqualTo("+OK bye");
            assertThat(c.closedByPeer()).isTrue();
        }
    }

    @Test
    void bgapi_honours_the_clients_job_uuid() throws Exception {
        try (RawEslClient c = Esl.listening(SIM.port(), SIM.password())) {
            String job = UUID.randomUUID().toString();
            c.sendRaw("bgapi status\nJob-UUID: " + job + "\n\n");
            Frame reply = c.expect("command/reply");
            assertThat(reply.raw()).isEqualTo("Content-Type: command/reply\nReply-Text: +OK Job-UUID: " + job
                    + "\nJob-UUID: " + job + "\n\n");
            assertThat(Esl.jobResult(c, job)).startsWith("UP ");
        }
    }

    @Test
    void filters_are_ored_and_drop_events_lacking_the_header() throws Exception {
        try (RawEslClient c = Esl.listening(SIM.port(), SIM.password())) {
            String uuid = UUID.randomUUID().toString();
            c.send("filter Unique-ID " + uuid);
            assertThat(c.expect("command/reply").replyText()).isEqualTo("+OK filter added. [Unique-ID]=[" + uuid + "]");
            c.send("filter Event-Name BACKGROUND_JOB");
            assertThat(c.expect("command/reply").replyText()).isEqualTo("+OK filter added. [Event-Name]=[BACKGROUND_JOB]");

            String other = UUID.randomUUID().toString();
            String otherJob = Esl.bgapi(c, "originate {origination_uuid=" + other + "}sim/answer &park()");
            Esl.jobResult(c, otherJob);
            String job = Esl.bgapi(c, "originate {origination_uuid=" + uuid + "}sim/answer &park()");
            assertThat(Esl.jobResult(c, job)).isEqualTo("+OK " + uuid + "\n");
            Esl.api(c, "uuid_kill " + other);
            Esl.api(c, "uuid_kill " + uuid);
            Esl.waitEvent(c, "CHANNEL_DESTROY", uuid);
            SIM.ledger().awaitNoLiveChannels(WAIT);
            // nothing of the other channel, and nothing without a Unique-ID except the BACKGROUND_JOBs
            assertThat(c.seen()).filteredOn(Frame::isEvent)
                    .allMatch(f -> uuid.equals(f.event().get("Unique-ID")) || "BACKGROUND_JOB".equals(f.eventName()));
            assertThat(Esl.eventsOf(c, uuid)).contains("CHANNEL_CREATE", "CHANNEL_HANGUP_COMPLETE");

            c.send("filter delete Unique-ID " + uuid);
            assertThat(c.expect("command/reply").replyText()).isEqualTo("+OK filter deleted. [Unique-ID][" + uuid + "]");
            c.send("filter delete Event-Name BACKGROUND_JOB");
            assertThat(c.expect("command/reply").replyText()).isEqualTo("+OK filter deleted. [Event-Name][BACKGROUND_JOB]");
        }
    }

    @Test
    void a_blocking_api_holds_every_other_reply_and_event_on_its_socket() throws Exception {
        SIM.simulator().destination("user/5001", Behaviour.answerAfter(Duration.ofMillis(300)));
        try (RawEslClient c = Esl.listening(SIM.port(), SIM.password())) {
            String uuid = UUID.randomUUID().toString();
            c.sendRaw("api originate {origination_uuid=" + uuid + "}user/5001 &park()\n\nbgapi status\n\napi version\n\n");
            Frame first = c.next(WAIT);
            assertThat(first.contentType()).isEqualTo("api/response");
            assertThat(first.body()).isEqualTo("+OK " + uuid + "\n");
            // the bgapi sent during the originate is handled only after it
            Frame second = c.nextMatching(f -> !f.isEvent(), WAIT);
            assertThat(second.replyText()).startsWith("+OK Job-UUID: ");
            assertThat(c.expect("api/response").body()).startsWith("FreeSWITCH Version 1.10.12");
            Esl.api(c, "uuid_kill " + uuid);
        }
    }

    @Test
    void json_events_carry_raw_values_and_the_job_result_in_body() throws Exception {
        try (RawEslClient c = RawEslClient.authenticated(SIM.port(), SIM.password())) {
            c.send("event json BACKGROUND_JOB CHANNEL_CREATE");
            assertThat(c.expect("command/reply").replyText()).isEqualTo("+OK event listener enabled json");
            String uuid = UUID.randomUUID().toString();
            String job = Esl.bgapi(c, "originate {origination_uuid=" + uuid + ",origination_caller_id_name='A B'}sim/answer &park()");
            Frame bg = c.nextMatching(f -> f.isEvent() && "BACKGROUND_JOB".equals(f.eventName()), WAIT);
            assertThat(bg.contentType()).isEqualTo("text/event-json");
            assertThat(bg.body()).contains("\"_body\":\"+OK " + uuid + "\\n\"").contains("\"Job-UUID\":\"" + job + "\"");
            Frame create = Esl.waitEvent(c, "CHANNEL_CREATE", uuid);
            assertThat(create.body()).contains("\"Caller-Caller-ID-Name\":\"A B\"");
            Esl.api(c, "uuid_kill " + uuid);
        }
    }

    @Test
    void xml_events_are_available_too() throws Exception {
        try (RawEslClient c = RawEslClient.authenticated(SIM.port(), SIM.password())) {
            c.send("event xml BACKGROUND_JOB");
            assertThat(c.expect("command/reply").replyText()).isEqualTo("+OK event listener enabled xml");
            String job = Esl.bgapi(c, "version");
            Frame bg = c.nextMatching(Frame::isEvent, WAIT);
            assertThat(bg.contentType()).isEqualTo("text/event-xml");
            assertThat(bg.body()).startsWith("<event>").contains("<Job-UUID>" + job + "</Job-UUID>")
                    .contains("<body>FreeSWITCH Version");
        }
    }

    @Test
    void nixevent_and_noevents_stop_deliveries() throws Exception {
        try (RawEslClient c = RawEslClient.authenticated(SIM.port(), SIM.password())) {
            c.send("event plain BACKGROUND_JOB CHANNEL_CREATE");
            c.expect("command/reply");
            c.send("nixevent CHANNEL_CREATE");
            assertThat(c.expect("command/reply").replyText()).isEqualTo("+OK events nixed");
            String uuid = UUID.randomUUID().toString();
            Esl.jobResult(c, Esl.bgapi(c, "originate {origination_uuid=" + uuid + "}sim/answer &park()"));
            c.send("noevents");
            assertThat(c.expect("command/reply").replyText()).isEqualTo("+OK no longer listening for events");
            Esl.bgapi(c, "version");
            assertThat(Esl.api(c, "uuid_kill " + uuid)).isEqualTo("+OK\n");
            SIM.ledger().awaitNoLiveChannels(WAIT);
            assertThat(Esl.api(c, "version")).startsWith("FreeSWITCH");
            assertThat(c.seen()).filteredOn(Frame::isEvent).extracting(Frame::eventName).containsExactly("BACKGROUND_JOB");
        }
    }

    @Test
    void log_streams_log_data_frames_until_nolog() throws Exception {
        try (RawEslClient c = RawEslClient.authenticated(SIM.port(), SIM.password())) {
            c.send("log 7");
            assertThat(c.expect("command/reply").replyText()).isEqualTo("+OK log level 7 [7]");
            assertThat(Esl.api(c, "log NOTICE hello-from-test")).isEqualTo("+OK\n");
            Frame log = c.expect("log/data");
            assertThat(log.raw()).startsWith("Content-Type: log/data\nContent-Length: ").contains("\nLog-Level: 5\n")
                    .contains("\nUser-Data: \n\n");
            assertThat(log.body()).contains("[NOTICE]").endsWith("hello-from-test\n");
            c.send("nolog");
            assertThat(c.expect("command/reply").replyText()).isEqualTo("+OK no longer logging");
        }
    }

    @Test
    void sendevent_fires_a_custom_event_to_subscribers() throws Exception {
        try (RawEslClient listener = RawEslClient.authenticated(SIM.port(), SIM.password());
             RawEslClient sender = RawEslClient.authenticated(SIM.port(), SIM.password())) {
            listener.send("event plain CUSTOM test::ping");
            listener.expect("command/reply");
            sender.sendRaw("sendevent CUSTOM\nEvent-Subclass: test::ping\nX-Thing: 42\n\n");
            assertThat(sender.expect("command/reply").replyText()).startsWith("+OK ");
            Frame e = listener.nextMatching(Frame::isEvent, WAIT);
            assertThat(e.event()).containsEntry("Event-Name", "CUSTOM").containsEntry("Event-Subclass", "test::ping")
                    .containsEntry("X-Thing", "42");
        }
    }
}
