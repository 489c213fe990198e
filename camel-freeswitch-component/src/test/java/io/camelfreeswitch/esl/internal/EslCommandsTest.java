package io.camelfreeswitch.esl.internal;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Nothing a caller passes can end a command early and start another one. */
class EslCommandsTest {

    @Test
    void everyControlCharacterIsRejectedNamingTheArgument() {
        for (char c = 0; c < 0x20; c++) {
            String value = "uuid_kill abc" + c + "exit";
            assertThatThrownBy(() -> EslCommands.requireSafe("command", value)).as("U+%04X", (int) c)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("command ");
        }
        assertThatThrownBy(() -> EslCommands.requireSafe("command", "a\u007fb"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("U+007F");
        assertThatThrownBy(() -> EslCommands.requireSafe("destination", null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("destination");
    }

    @Test
    void printableTextIncludingUnicodeAndBracesPassesUnchanged() {
        String originate = "originate {origination_uuid=8a75,origination_caller_id_name='Zoë 東京'}user/1001 &park()";
        assertThat(EslCommands.requireSafe("command", originate)).isSameAs(originate);
    }

    @Test
    void blankTokensAndHeaderNamesWithColonsAreRejected() {
        assertThatThrownBy(() -> EslCommands.requireToken("uuid", " ")).hasMessageContaining("uuid");
        assertThatThrownBy(() -> EslCommands.requireHeaderName("header", "A: B"))
                .hasMessageContaining("header");
    }

    @Test
    void headersAndBodyAreFramedWithTheBodyLengthInBytes() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("call-command", "execute");
        headers.put("execute-app-name", "answer");
        assertThat(EslCommands.withHeaders("sendmsg abc", headers, null))
                .isEqualTo("sendmsg abc\ncall-command: execute\nexecute-app-name: answer\n\n");
        assertThat(EslCommands.withHeaders("sendevent CUSTOM", Map.of(), "é\n"))
                .isEqualTo("sendevent CUSTOM\nContent-Length: 3\n\né\n");
        assertThat(EslCommands.line("api status")).isEqualTo("api status\n\n");
    }
}
