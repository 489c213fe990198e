package io.camelfreeswitch.esl;

import io.camelfreeswitch.esl.internal.EslMessage;
import io.camelfreeswitch.esl.internal.EslEvents;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Events read from the real captures in plain and JSON form expose the same values. */
@ExtendWith(NettyLeakDetection.class)
class EslEventParsingTest {

    private static List<EslEvent> events(String file) {
        return Captures.decodeWhole(Captures.bytes(file)).stream().filter(EslEvents::isEvent)
                .map(EslEvents::fromMessage).toList();
    }

    @Test
    void plainEventValuesAreUrlDecoded() {
        EslEvent first = events("session-plain.raw.txt").get(0);
        assertThat(first.eventName()).isEqualTo("CHANNEL_STATE");
        assertThat(first.format()).isEqualTo(EventFormat.PLAIN);
        assertThat(first.uniqueId()).isEqualTo("8a753d2c-90fa-4ce5-975a-521bc7b699fa");
        assertThat(first.header("FreeSWITCH-IPv6")).isEqualTo("fd00::2");
        assertThat(first.header("Event-Date-GMT")).isEqualTo("Sat, 28 Nov 2026 22:41:13 GMT");
        assertThat(first.header("Caller-Callee-ID-Name")).isEqualTo("Outbound Call");
        assertThat(first.channelState()).isEqualTo("CS_INIT");
        assertThat(first.callState()).isEqualTo("DOWN");
        assertThat(first.answerState()).isEqualTo("ringing");
        assertThat(first.sequence()).isEqualTo(402);
        assertThat(first.body()).isEmpty();
        assertThat(first.header("No-Such-Header")).isNull();
        assertThat(first.headers()).containsEntry("Channel-Name", "loopback/1001-a").hasSizeGreaterThan(50);
        assertThat(first.headers().keySet()).first().isEqualTo("Event-Name");
    }

    @Test
    void backgroundJobCarriesItsResultAsInnerBody() {
        List<EslEvent> jobs = events("session-plain.raw.txt").stream()
                .filter(e -> "BACKGROUND_JOB".equals(e.eventName())).toList();
        assertThat(jobs).hasSize(3);
        assertThat(jobs.get(0).jobUuid()).isEqualTo("f9d063f2-d21d-4e4f-8679-93f8983b531a");
        assertThat(jobs.get(0).body()).isEqualTo("+OK 8a753d2c-90fa-4ce5-975a-521bc7b699fa\n");
        assertThat(jobs.get(0).header("Job-Command-Arg"))
                .isEqualTo("{origination_uuid=8a753d2c-90fa-4ce5-975a-521bc7b699fa}loopback/1001/default &park()");
        assertThat(jobs).extracting(EslEvent::body)
                .contains("-ERR NORMAL_CLEARING\n", "-ERR USER_BUSY\n");
    }

    @Test
    void jsonEventsExposeTheSameValuesAndBodyFromUnderscoreBody() {
        List<EslEvent> json = events("session-json.raw.txt");
        assertThat(json).hasSize(77).allSatisfy(e -> assertThat(e.format()).isEqualTo(EventFormat.JSON));
        EslEvent first = json.get(0);
        assertThat(first.eventName()).isEqualTo("CHANNEL_STATE");
        assertThat(first.header("FreeSWITCH-IPv6")).isEqualTo("fd00::2");
        assertThat(first.header("Caller-Callee-ID-Name")).isEqualTo("Outbound Call");
        assertThat(first.sequence()).isEqualTo(596);
        List<EslEvent> jobs = json.stream().filter(e -> "BACKGROUND_JOB".equals(e.eventName())).toList();
        assertThat(jobs).extracting(EslEvent::body)
                .containsExactly("+OK 990d530b-0632-4e2e-a9c0-ab9ef8eacc15\n", "-ERR NORMAL_CLEARING\n",
                        "-ERR USER_BUSY\n");
    }

    @Test
    void plainAndJsonCapturesHaveTheSameEventNamesInOrder() {
        assertThat(events("outbound-json.raw.txt")).extracting(EslEvent::eventName)
                .containsExactlyElementsOf(events("outbound-plain.raw.txt").stream().map(EslEvent::eventName).toList());
    }

    @Test
    void executeCompleteCarriesApplicationUuid() {
        EslEvent complete = events("outbound-plain.raw.txt").stream()
                .filter(e -> "CHANNEL_EXECUTE_COMPLETE".equals(e.eventName())).findFirst().orElseThrow();
        assertThat(complete.header("Application")).isEqualTo("answer");
        assertThat(complete.header("Application-UUID")).isEqualTo("6682161d-8160-4219-8746-bdeb41dd415e");
        assertThat(complete.header("Application-Response")).isEqualTo("_none_");
        assertThat(complete.variable("current_application")).isEqualTo("answer");
    }

    @Test
    void hangupCompleteHasTheCause() {
        assertThat(events("extra-plain.raw.txt").stream()
                .filter(e -> "CHANNEL_HANGUP_COMPLETE".equals(e.eventName())).map(EslEvent::hangupCause))
                .contains("NORMAL_CLEARING", "CALL_REJECTED", "ORIGINATOR_CANCEL", "USER_BUSY");
    }

    @Test
    void customEventHasItsSubclass() {
        byte[] body = "Event-Name: CUSTOM\nEvent-Subclass: sofia%3A%3Aregister\nvariable_x: _undef_\n\n"
                .getBytes(StandardCharsets.UTF_8);
        EslEvent event = EslEvents.parsePlain(body);
        assertThat(event.eventSubclass()).isEqualTo("sofia::register");
        assertThat(event.variable("x")).isEqualTo("_undef_");
    }

    @Test
    void duplicateHeadersAreAllReachable() {
        EslEvent event = EslEvents.parsePlain(
                "Event-Name: X\nvariable_rtp: a\nvariable_rtp: b%20c\n\n".getBytes(StandardCharsets.UTF_8));
        assertThat(event.headerValues("variable_rtp")).containsExactly("a", "b c");
        assertThat(event.headers()).containsEntry("variable_rtp", "a");
    }

    @Test
    void percentDecodingFollowsFreeSwitchRules() {
        EslEvent event = EslEvents.parsePlain(
                "A: 1+1%3D2\nB: 100%\nC: %zz\nD: caf%C3%A9\nE: \n\n".getBytes(StandardCharsets.UTF_8));
        assertThat(event.header("A")).isEqualTo("1+1=2");
        assertThat(event.header("B")).isEqualTo("100%");
        assertThat(event.header("C")).isEqualTo("%zz");
        assertThat(event.header("D")).isEqualTo("café");
        assertThat(event.header("E")).isEmpty();
        assertThat(event.sequence()).isEqualTo(-1);
    }

    @Test
    void jsonArraysBecomeRepeatedValues() {
        EslMessage frame = EslMessage.of(
                "{\"Event-Name\":\"X\",\"v\":[\"a\",\"b\"],\"n\":12,\"esc\":\"q\\\"\\u00e9\\n\"}"
                        .getBytes(StandardCharsets.UTF_8),
                "Content-Type", "text/event-json");
        EslEvent event = EslEvents.fromMessage(frame);
        assertThat(event.headerValues("v")).containsExactly("a", "b");
        assertThat(event.header("n")).isEqualTo("12");
        assertThat(event.header("esc")).isEqualTo("q\"é\n");
        assertThat(event.body()).isEmpty();
    }

    @Test
    void malformedJsonIsADecoderError() {
        for (String bad : List.of("", "{", "{\"a\":}", "{\"a\":\"b\"} x", "[1]", "{\"a\":tru}", "{\"a\":\"\\x\"}")) {
            EslMessage frame = EslMessage.of(bad.getBytes(StandardCharsets.UTF_8), "Content-Type", "text/event-json");
            assertThatThrownBy(() -> EslEvents.fromMessage(frame)).as(bad).isInstanceOf(EslDecoderException.class);
        }
    }

    @Test
    void outboundChannelDataIsReadFromTheConnectReplyHeaderBlock() {
        EslMessage connect = Captures.decodeWhole(Captures.bytes("outbound-plain.raw.txt")).get(0);
        EslEvent data = EslEvents.fromHeaderBlock(connect);
        assertThat(data.eventName()).isEqualTo("CHANNEL_DATA");
        assertThat(data.uniqueId()).isEqualTo("d2102001-7d29-47e8-b6ce-d17c07e7cb3a");
        assertThat(data.header("Reply-Text")).isEqualTo("+OK\n");
        assertThat(data.header("Caller-Destination-Number")).isEqualTo("9000");
        assertThat(data.variable("current_application_data")).isEqualTo("127.0.0.1:9090 async full");
        assertThat(data.header("Channel-Name")).isEqualTo("loopback/9000-b");
    }
}
