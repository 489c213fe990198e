package io.camelfreeswitch.esl.internal;

import io.camelfreeswitch.esl.CommandRejectedException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * How each command's reply reads, with FreeSWITCH 1.10's own texts (from the captures): {@code -ERR} is a
 * {@link CommandRejectedException} carrying FreeSWITCH's reason, {@code +OK} passes, and api output is judged the
 * same whether it came in an api/response or a BACKGROUND_JOB.
 */
class EslRepliesTest {

    private static EslMessage reply(String replyText) {
        return EslMessage.of(null, "Content-Type", "command/reply", "Reply-Text", replyText);
    }

    private static EslMessage apiResponse(String body) {
        return EslMessage.of(body.getBytes(java.nio.charset.StandardCharsets.UTF_8), "Content-Type", "api/response",
                "Content-Length", Integer.toString(body.length()));
    }

    @Test
    void onlyPlusOkAcceptsCredentials() {
        assertThat(EslCommands.auth("ClueCon").reply(reply("+OK accepted"))).isTrue();
        assertThat(EslCommands.auth("wrong").reply(reply("-ERR invalid"))).isFalse();
        assertThat(EslCommands.userauth("1000@default", "x").reply(EslMessage.of(null, "Content-Type",
                "command/reply"))).as("no Reply-Text").isFalse();
    }

    @Test
    void commandRepliesPassUnlessMinusErrAndTheRejectionNamesCommandAndReason() {
        assertThat(EslCommands.filter("Unique-ID", "u1").reply(reply("+OK filter added. [Unique-ID]=[u1]"))).isNull();
        assertThatThrownBy(() -> EslCommands.event(io.camelfreeswitch.esl.EventFormat.PLAIN,
                java.util.List.of("NOPE")).reply(reply("-ERR invalid event format")))
                .isInstanceOfSatisfying(CommandRejectedException.class, e -> {
                    assertThat(e).hasMessage("FreeSWITCH rejected 'event plain NOPE': -ERR invalid event format");
                    assertThat(e.command()).isEqualTo("event plain NOPE");
                    assertThat(e.hangupCause()).isEqualTo("invalid");
                });
        assertThatThrownBy(() -> EslCommands.hangup("u9", null).reply(reply("-ERR invalid session id [u9]")))
                .hasMessage("FreeSWITCH rejected 'sendmsg u9 hangup NORMAL_CLEARING': -ERR invalid session id [u9]");
        assertThatThrownBy(() -> EslCommands.bgapi("status", "j").reply(reply("-ERR not now")))
                .hasMessage("FreeSWITCH rejected 'bgapi status': -ERR not now");
        assertThat(EslCommands.exit().reply(reply("+OK bye"))).isNull();
    }

    @Test
    void theOutboundConnectReplyIsReadUrlDecoded() {
        EslMessage data = EslMessage.of(null, "Event-Name", "CHANNEL_DATA", "Content-Type", "command/reply",
                "Reply-Text", "%2BOK%0A");
        assertThat(EslCommands.connect().reply(data)).isSameAs(data);
        assertThat(EslReplies.replyText(data)).isEqualTo("+OK\n");
        assertThatThrownBy(() -> EslCommands.connect().reply(reply("-ERR%20command%20not%20found")))
                .hasMessage("FreeSWITCH rejected 'connect': -ERR command not found");
    }

    @Test
    void apiOutputIsHandedBackAsSentEvenWhenItIsAnError() {
        assertThat(EslCommands.api("uuid_kill 0000").reply(apiResponse("-ERR No such channel!\n")))
                .isEqualTo("-ERR No such channel!\n");
        assertThat(EslCommands.api("global_getvar hostname").reply(apiResponse("vm"))).isEqualTo("vm");
        assertThatThrownBy(() -> EslCommands.api("status").reply(reply("-ERR not now")))
                .as("a command/reply instead of the output").hasMessage("FreeSWITCH rejected 'api status': -ERR not now");
    }

    @Test
    void apiOutputJudgedIsTheTextAfterPlusOkOrARejectionKeepingTheOutputAsSent() {
        assertThat(EslReplies.result("bgapi originate x", "+OK 8a75-uuid\n")).isEqualTo("8a75-uuid");
        assertThat(EslReplies.result("bgapi uuid_kill u1", "+OK\n")).isEmpty();
        assertThat(EslReplies.result("bgapi status", "UP 0 years\n")).as("neither +OK nor -ERR")
                .isEqualTo("UP 0 years\n");
        assertThatThrownBy(() -> EslReplies.result("bgapi originate x", "-ERR USER_BUSY\n"))
                .isInstanceOfSatisfying(CommandRejectedException.class, e -> {
                    assertThat(e).hasMessage("FreeSWITCH rejected 'bgapi originate x': -ERR USER_BUSY");
                    assertThat(e.replyText()).isEqualTo("-ERR USER_BUSY\n");
                    assertThat(e.hangupCause()).isEqualTo("USER_BUSY");
                });
        assertThat(EslReplies.rejection("api status", "UP")).isNull();
        assertThat(EslReplies.rejection("api uuid_kill u1", "-ERR No such channel!\n").replyText())
                .isEqualTo("-ERR No such channel!\n");
    }

    @Test
    void apiCommandsReadTheirJudgedOutput() {
        assertThat(EslCommands.uuidExists("u1").text()).isEqualTo("uuid_exists u1");
        assertThat(read(EslCommands.uuidExists("u1"), "true")).isTrue();
        assertThat(read(EslCommands.uuidExists("u1"), "false")).isFalse();
        assertThat(read(EslCommands.originate("user/1001 &park()"), "+OK u1\n")).isEqualTo("u1");
        assertThat(read(EslCommands.uuidKill("u1", "NORMAL_CLEARING"), "+OK\n")).isNull();
        assertThatThrownBy(() -> read(EslCommands.uuidKill("u1", "NORMAL_CLEARING"), "-ERR No such channel!\n"))
                .isInstanceOf(CommandRejectedException.class)
                .hasMessage("FreeSWITCH rejected 'api uuid_kill u1 NORMAL_CLEARING': -ERR No such channel!");
        assertThatThrownBy(() -> read(EslCommands.uuidBridge("u1", "u2"), "-ERR Invalid uuid\n"))
                .hasMessage("FreeSWITCH rejected 'api uuid_bridge u1 u2': -ERR Invalid uuid");
    }

    private static <T> T read(ApiCommand<T> command, String output) {
        return command.apiResult(output);
    }
}
