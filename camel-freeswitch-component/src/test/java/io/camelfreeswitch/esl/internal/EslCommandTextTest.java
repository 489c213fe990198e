package io.camelfreeswitch.esl.internal;

import io.camelfreeswitch.esl.EventFormat;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The exact text of every command the project sends, as FreeSWITCH 1.10 reads it (the shapes match the commands in
 * the captures' {@code *.sent.txt}), and the name each goes by in logs and errors.
 */
class EslCommandTextTest {

    @Test
    void authSendsThePasswordButNeverNamesIt() {
        EslCommand<Boolean> auth = EslCommands.auth("ClueCon");
        assertThat(auth.wire()).isEqualTo("auth ClueCon\n\n");
        assertThat(auth.description()).isEqualTo("auth").doesNotContain("ClueCon");
        assertThat(auth.toString()).doesNotContain("ClueCon");

        EslCommand<Boolean> userauth = EslCommands.userauth("1000@default", "s3cret");
        assertThat(userauth.wire()).isEqualTo("userauth 1000@default:s3cret\n\n");
        assertThat(userauth.description()).isEqualTo("userauth 1000@default");
    }

    @Test
    void socketCommandsAreOneTerminatedLine() {
        assertThat(EslCommands.connect().wire()).isEqualTo("connect\n\n");
        assertThat(EslCommands.exit().wire()).isEqualTo("exit\n\n");
        assertThat(EslCommands.linger().wire()).isEqualTo("linger\n\n");
        assertThat(EslCommands.linger(Duration.ofSeconds(30)).wire()).isEqualTo("linger 30\n\n");
        assertThat(EslCommands.linger(Duration.ofMillis(10)).wire()).as("at least a second").isEqualTo("linger 1\n\n");
        assertThat(EslCommands.divertEvents(true).wire()).isEqualTo("divert_events on\n\n");
        assertThat(EslCommands.divertEvents(false).wire()).isEqualTo("divert_events off\n\n");
    }

    @Test
    void eventCommandsNameTheFormatAndEveryEvent() {
        assertThat(EslCommands.event(EventFormat.PLAIN, List.of("CHANNEL_ANSWER", "CUSTOM", "sofia::register"))
                .wire()).isEqualTo("event plain CHANNEL_ANSWER CUSTOM sofia::register\n\n");
        assertThat(EslCommands.event(EventFormat.JSON, List.of("ALL")).description()).isEqualTo("event json ALL");
        assertThat(EslCommands.nixevent(List.of("CHANNEL_ANSWER", "BACKGROUND_JOB")).wire())
                .isEqualTo("nixevent CHANNEL_ANSWER BACKGROUND_JOB\n\n");
        assertThat(EslCommands.myevents(EventFormat.PLAIN).wire()).isEqualTo("myevents plain\n\n");
        assertThat(EslCommands.myevents(EventFormat.JSON).wire()).isEqualTo("myevents json\n\n");
    }

    @Test
    void filtersAndTheirDeletionNameHeaderAndValue() {
        assertThat(EslCommands.filter("Unique-ID", "e0cf6503").wire()).isEqualTo("filter Unique-ID e0cf6503\n\n");
        assertThat(EslCommands.filterDelete("Event-Name", "BACKGROUND_JOB").wire())
                .isEqualTo("filter delete Event-Name BACKGROUND_JOB\n\n");
    }

    @Test
    void apiIsOneLineAndBgapiCarriesOurJobUuid() {
        assertThat(EslCommands.api("show channels as json").wire()).isEqualTo("api show channels as json\n\n");
        EslCommand<Void> bgapi = EslCommands.bgapi("originate loopback/1001/default &park()", "job-1");
        assertThat(bgapi.wire()).isEqualTo("bgapi originate loopback/1001/default &park()\nJob-UUID: job-1\n\n");
        assertThat(bgapi.description()).isEqualTo("bgapi originate loopback/1001/default &park()");
    }

    @Test
    void executeLocksTheChannelAndCarriesOurEventUuid() {
        EslCommand<Void> execute = EslCommands.execute("abc", "playback", "tone_stream://%(200,0,440);loops=2", "e-1");
        assertThat(execute.wire()).isEqualTo("sendmsg abc\ncall-command: execute\nexecute-app-name: playback\n"
                + "execute-app-arg: tone_stream://%(200,0,440);loops=2\nevent-lock: true\nEvent-UUID: e-1\n\n");
        assertThat(execute.description()).isEqualTo("sendmsg abc execute playback");
        assertThat(EslCommands.execute(null, "answer", "", "e-2").wire()).as("own channel, empty argument left out")
                .isEqualTo("sendmsg\ncall-command: execute\nexecute-app-name: answer\nevent-lock: true\n"
                        + "Event-UUID: e-2\n\n");
    }

    @Test
    void hangupDefaultsToNormalClearing() {
        assertThat(EslCommands.hangup("abc", "USER_BUSY").wire())
                .isEqualTo("sendmsg abc\ncall-command: hangup\nhangup-cause: USER_BUSY\n\n");
        EslCommand<Void> own = EslCommands.hangup(null, " ");
        assertThat(own.wire()).isEqualTo("sendmsg\ncall-command: hangup\nhangup-cause: NORMAL_CLEARING\n\n");
        assertThat(own.description()).isEqualTo("sendmsg hangup NORMAL_CLEARING");
    }

    @Test
    void sendeventFramesItsBodyByByteLength() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("profile", "internal");
        assertThat(EslCommands.sendevent("NOTIFY", headers, "é\n").wire())
                .isEqualTo("sendevent NOTIFY\nprofile: internal\nContent-Length: 3\n\né\n");
        assertThat(EslCommands.sendevent("CUSTOM", null, null).wire()).isEqualTo("sendevent CUSTOM\n\n");
    }

    @Test
    void apiCommandsAreTheTextAfterApiOrBgapi() {
        assertThat(EslCommands.originate("{origination_uuid=u1}loopback/1001/default &park()").text())
                .isEqualTo("originate {origination_uuid=u1}loopback/1001/default &park()");
        assertThat(EslCommands.uuidKill("u1", "ORIGINATOR_CANCEL").text()).isEqualTo("uuid_kill u1 ORIGINATOR_CANCEL");
        assertThat(EslCommands.uuidBridge("u1", "u2").text()).isEqualTo("uuid_bridge u1 u2");
        assertThat(EslCommands.uuidExists("u1").text()).isEqualTo("uuid_exists u1");
        assertThat(EslCommands.uuidPreAnswer("u1").text()).isEqualTo("uuid_pre_answer u1");
        assertThat(EslCommands.uuidBroadcastPlayback("u1", "tone_stream://%(2000,4000,440,480);loops=-1").text())
                .isEqualTo("uuid_broadcast u1 playback::tone_stream://%(2000,4000,440,480);loops=-1 aleg");
        assertThat(EslCommands.uuidBreakAll("u1").text()).isEqualTo("uuid_break u1 all");
    }

    @Test
    void everyArgumentIsCheckedAndNamedWhenRefused() {
        assertThatThrownBy(() -> EslCommands.api("status\n\nexit")).hasMessage(
                "command must not contain control characters (found LF at index 6)");
        assertThatThrownBy(() -> EslCommands.api(" ")).hasMessage("command must not be blank");
        assertThatThrownBy(() -> EslCommands.bgapi("status", "job 1")).hasMessage(
                "jobUuid must not contain spaces: job 1");
        assertThatThrownBy(() -> EslCommands.auth("a\rb")).hasMessage(
                "password must not contain control characters (found CR at index 1)");
        assertThatThrownBy(() -> EslCommands.event(EventFormat.PLAIN, List.of())).hasMessage(
                "eventNames must not be empty");
        assertThatThrownBy(() -> EslCommands.nixevent(List.of("A", "B\tC"))).hasMessage(
                "eventNames must not contain control characters (found TAB at index 1)");
        assertThatThrownBy(() -> EslCommands.filter("Unique ID", "x")).hasMessage(
                "header must not contain ':' or spaces: Unique ID");
        assertThatThrownBy(() -> EslCommands.filterDelete("Unique-ID", null)).hasMessage("value must not be null");
        assertThatThrownBy(() -> EslCommands.execute("abc", " answer", null, "e")).hasMessage(
                "application must not start with a space (FreeSWITCH strips the spaces that begin a header value)");
        assertThatThrownBy(() -> EslCommands.execute("abc", "playback", "x\u007f", "e")).hasMessage(
                "argument must not contain control characters (found U+007F at index 1)");
        assertThatThrownBy(() -> EslCommands.execute(" ", "answer", null, "e")).hasMessage("uuid must not be blank");
        assertThatThrownBy(() -> EslCommands.hangup("abc", "USER_BUSY\nexit")).hasMessage(
                "cause must not contain control characters (found LF at index 9)");
        assertThatThrownBy(() -> EslCommands.sendevent("CUSTOM", Map.of("Content-Length", "3"), "abc"))
                .hasMessage("header Content-Length is computed from the body");
        assertThatThrownBy(() -> EslCommands.sendevent("CUSTOM", Map.of("a", " b"), null)).hasMessage(
                "header a must not start with a space (FreeSWITCH strips the spaces that begin a header value)");
        assertThatThrownBy(() -> EslCommands.originate("user/1001\r\nbgapi hupall")).hasMessage(
                "arguments must not contain control characters (found CR at index 9)");
        assertThatThrownBy(() -> EslCommands.uuidKill("u1 u2", "NORMAL_CLEARING")).hasMessage(
                "uuid must not contain spaces: u1 u2");
        assertThatThrownBy(() -> EslCommands.uuidKill("u1", "")).hasMessage("cause must not be blank");
        assertThatThrownBy(() -> EslCommands.uuidBridge("u1", null)).hasMessage("otherUuid must not be null");
        assertThatThrownBy(() -> EslCommands.uuidExists("u1\n")).hasMessage(
                "uuid must not contain control characters (found LF at index 2)");
    }
}
