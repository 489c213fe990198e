package io.camelfreeswitch.reliability;

import io.camelfreeswitch.call.DialString;
import io.camelfreeswitch.esl.EslClient;
import io.camelfreeswitch.esl.EslClientOptions;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Whatever string a caller passes as a command argument, FreeSWITCH sees exactly one command carrying exactly that
 * value, or nothing is written and the caller gets an {@link IllegalArgumentException} naming the argument. Proven
 * over random strings rich in CR, LF, NUL, braces, brackets, commas, pipes and quotes, by parsing the bytes the real
 * client wrote to a bare socket.
 */
class CommandInjectionPropertiesTest {

    private static final Duration WELL_WITHIN = Duration.ofSeconds(30);
    private static final AtomicInteger JOBS = new AtomicInteger();
    private static RecordingEslServer server;
    private static EslClient client;

    enum Argument {
        API_COMMAND, BGAPI_COMMAND, FILTER_HEADER, FILTER_VALUE, EVENT_NAME, HANGUP_UUID, HANGUP_CAUSE, EXECUTE_UUID,
        EXECUTE_APP, EXECUTE_ARG, SENDEVENT_NAME, SENDEVENT_HEADER_NAME, SENDEVENT_HEADER_VALUE, SENDEVENT_BODY
    }

    @BeforeContainer
    static void connect() throws Exception {
        server = new RecordingEslServer(true);
        client = EslClient.connect(EslClientOptions.builder().port(server.port()).password("ClueCon").build())
                .get(30, TimeUnit.SECONDS);
        // the events bgapi and execute need, so that each try below writes exactly its own command
        client.subscribe(List.of("BACKGROUND_JOB", "CHANNEL_EXECUTE_COMPLETE")).get(30, TimeUnit.SECONDS);
    }

    @AfterContainer
    static void disconnect() throws Exception {
        client.closeAsync().get(30, TimeUnit.SECONDS);
        server.close();
    }

    @Property(tries = 1500)
    void everyArgumentBecomesOneCommandWithExactlyThatValueOrIsRejected(@ForAll Argument argument,
            @ForAll("hostile") String value) {
        int before = server.commands().size();
        // a sendevent body travels behind its Content-Length, so it may hold anything
        boolean hasControl = argument != Argument.SENDEVENT_BODY && value.chars().anyMatch(c -> c < 0x20 || c == 0x7f);
        CompletableFuture<?> sent;
        try {
            sent = send(argument, value);
        } catch (IllegalArgumentException rejected) {
            assertThat(hasControl || value.isBlank() || rejectedForShape(argument, value))
                    .as("%s rejected a harmless value %s: %s", argument, printable(value), rejected.getMessage())
                    .isTrue();
            assertThat(rejected.getMessage()).as("the error names what was wrong").isNotBlank()
                    .doesNotContain("\r").doesNotContain("\n");
            assertThat(server.commands()).as("nothing written for a rejected value").hasSize(before);
            return;
        }
        boolean defaulted = argument == Argument.HANGUP_CAUSE && value.isBlank(); // blank cause: NORMAL_CLEARING
        assertThat(hasControl && !defaulted).as("%s accepted a control character in %s", argument, printable(value))
                .isFalse();
        int expected = argument == Argument.EVENT_NAME ? 2 : 1; // subscribe, then unsubscribe
        await().atMost(WELL_WITHIN).pollInterval(Duration.ofMillis(1))
                .until(() -> server.commands().size() >= before + expected);
        if (!(argument == Argument.BGAPI_COMMAND || argument.name().startsWith("EXECUTE"))) {
            sent.orTimeout(30, TimeUnit.SECONDS).join(); // +OK arrived, so FreeSWITCH read no further command
        }
        List<RecordingEslServer.Command> written = server.commands().subList(before, server.commands().size());
        assertThat(written).as("commands written for %s %s", argument, printable(value)).hasSize(expected);
        assertCarries(argument, value, written.get(0));
    }

    @Property(tries = 3000)
    void originateArgumentsReadBackAsOneLegWithExactlyTheGivenVariables(@ForAll("destinations") String destination,
            @ForAll("hostile") String value) {
        Map<String, String> variables = Map.of("x_value", value, "origination_caller_id_name", value + "'\\,");
        String argument;
        try {
            argument = DialString.originate(destination, variables, "&park()");
        } catch (IllegalArgumentException rejected) {
            boolean dangerous = destination.chars().anyMatch(c -> "{}[]<>,| \t'\"\\".indexOf(c) >= 0
                    || Character.isISOControl(c) || Character.isWhitespace(c)) || destination.isBlank()
                    || value.chars().anyMatch(Character::isISOControl) || !bracesBalanced(value);
            assertThat(dangerous).as("rejected %s / %s: %s", printable(destination), printable(value),
                    rejected.getMessage()).isTrue();
            return;
        }
        DialStringReader.Parsed parsed = DialStringReader.read(argument);
        assertThat(parsed.legs()).as(argument).containsExactly(destination);
        assertThat(parsed.variables()).as(argument).isEqualTo(variables);
        assertThat(parsed.application()).isEqualTo("&park()");
    }

    @Example
    void theClassicInjectionsAreRefusedBeforeAnythingIsWritten() {
        int before = server.commands().size();
        assertThatThrownBy(() -> client.api("status\n\napi hupall")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("command").hasMessageContaining("LF");
        assertThatThrownBy(() -> client.hangup("abc\r\n\r\nbgapi hupall", null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("uuid").hasMessageContaining("CR");
        assertThatThrownBy(() -> client.filter("Unique-ID", "x\0y")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("value").hasMessageContaining("U+0000");
        assertThatThrownBy(() -> client.execute("uuid-1", "playback", "a.wav\nexecute-app-name: hangup"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("argument");
        assertThatThrownBy(() -> DialString.originate("user/1001,user/666", Map.of(), "&park()"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("','");
        assertThatThrownBy(() -> DialString.originate("{hangup_after_bridge=false}user/1", Map.of(), "&park()"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'{'");
        assertThatThrownBy(() -> DialString.originate("[leg_timeout=1]user/1", Map.of(), "&park()"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DialString.originate("user/1|user/2", Map.of(), "&park()"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'|'");
        assertThatThrownBy(() -> DialString.originate("user/1", Map.of("a}b", "x"), "&park()"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Variable name");
        assertThatThrownBy(() -> DialString.originate("user/1", Map.of("a", "x\ny"), "&park()"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("control character");
        assertThat(server.commands()).hasSize(before);
    }

    private static CompletableFuture<?> send(Argument argument, String value) {
        return switch (argument) {
            case API_COMMAND -> client.api(value);
            case BGAPI_COMMAND -> client.bgapi(value, "job-" + JOBS.incrementAndGet());
            case FILTER_HEADER -> client.filter(value, "v");
            case FILTER_VALUE -> client.filter("Unique-ID", value);
            case EVENT_NAME -> {
                CompletableFuture<Void> subscribed = client.subscribe(List.of(value));
                yield subscribed.thenCompose(ok -> client.unsubscribe(List.of(value)));
            }
            case HANGUP_UUID -> client.hangup(value, "NORMAL_CLEARING");
            case HANGUP_CAUSE -> client.hangup("uuid-1", value);
            case EXECUTE_UUID -> client.execute(value, "playback", "a.wav");
            case EXECUTE_APP -> client.execute("uuid-1", value, "a.wav");
            case EXECUTE_ARG -> client.execute("uuid-1", "playback", value);
            case SENDEVENT_NAME -> client.sendEvent(value, Map.of("X-A", "1"), null);
            case SENDEVENT_HEADER_NAME -> client.sendEvent("CUSTOM", Map.of(value, "1"), null);
            case SENDEVENT_HEADER_VALUE -> client.sendEvent("CUSTOM", Map.of("X-A", value), null);
            case SENDEVENT_BODY -> client.sendEvent("CUSTOM", Map.of("X-A", "1"), value);
        };
    }

    /** Arguments whose shape is restricted beyond control characters: header names and header values. */
    private static boolean rejectedForShape(Argument argument, String value) {
        return switch (argument) {
            case FILTER_HEADER, SENDEVENT_HEADER_NAME -> value.indexOf(':') >= 0 || value.indexOf(' ') >= 0
                    || value.equalsIgnoreCase("Content-Length");
            // sent as header values, which FreeSWITCH reads without their leading spaces
            case HANGUP_CAUSE, EXECUTE_APP, EXECUTE_ARG, SENDEVENT_HEADER_VALUE -> value.startsWith(" ");
            default -> false;
        };
    }

    private static void assertCarries(Argument argument, String value, RecordingEslServer.Command command) {
        switch (argument) {
            case API_COMMAND -> assertThat(command.line()).isEqualTo("api " + value);
            case BGAPI_COMMAND -> assertThat(command.line()).isEqualTo("bgapi " + value);
            case FILTER_HEADER -> assertThat(command.line()).isEqualTo("filter " + value + " v");
            case FILTER_VALUE -> assertThat(command.line()).isEqualTo("filter Unique-ID " + value);
            case EVENT_NAME -> assertThat(command.line()).isEqualTo("event plain " + value.strip());
            case HANGUP_UUID -> assertThat(command.line()).isEqualTo("sendmsg " + value);
            case HANGUP_CAUSE -> assertThat(command.header("hangup-cause"))
                    .isEqualTo(value.isBlank() ? "NORMAL_CLEARING" : value);
            case EXECUTE_UUID -> assertThat(command.line()).isEqualTo("sendmsg " + value);
            case EXECUTE_APP -> assertThat(command.header("execute-app-name")).isEqualTo(value);
            case EXECUTE_ARG -> assertThat(command.header("execute-app-arg")).isEqualTo(value.isEmpty() ? null : value);
            case SENDEVENT_NAME -> assertThat(command.line()).isEqualTo("sendevent " + value);
            case SENDEVENT_HEADER_NAME -> assertThat(command.header(value)).isEqualTo("1");
            case SENDEVENT_HEADER_VALUE -> assertThat(command.header("X-A")).isEqualTo(value);
            case SENDEVENT_BODY -> assertThat(command.body()).isEqualTo(value.isEmpty() ? null : value);
        }
    }

    /** Strings made mostly of what breaks command framing and dial strings, plus any other BMP text. */
    @Provide
    Arbitrary<String> hostile() {
        Arbitrary<Character> dangerous = Arbitraries.of('\r', '\n', '\0', '{', '}', '[', ']', ',', '|', '\'', '"',
                '\\', ' ', ':', '=', '%', '\t', '\u007f', '\u0085', '\u2028', '&', '(', ')', '^', '<', '>');
        Arbitrary<Character> any = Arbitraries.chars().range('\u0000', '\ud7ff');
        Arbitrary<Character> plain = Arbitraries.chars().alpha().numeric().with('_', '-', '/', '.', '@');
        return Arbitraries.frequencyOf(
                        net.jqwik.api.Tuple.of(5, plain), net.jqwik.api.Tuple.of(3, dangerous),
                        net.jqwik.api.Tuple.of(1, any))
                .list().ofMaxSize(24).map(chars -> {
                    StringBuilder sb = new StringBuilder();
                    chars.forEach(sb::append);
                    return sb.toString();
                });
    }

    @Provide
    Arbitrary<String> destinations() {
        Arbitrary<String> plain = Arbitraries.strings().withCharRange('a', 'z').numeric().withChars('/', '@', '.', '-')
                .ofMinLength(1).ofMaxLength(20).map(s -> "user/" + s);
        return Arbitraries.oneOf(plain, hostile());
    }

    /** FreeSWITCH finds the end of a {...} block by counting braces, quoted or not. */
    private static boolean bracesBalanced(String value) {
        int depth = 0;
        for (int i = 0; i < value.length() && depth >= 0; i++) {
            depth += value.charAt(i) == '{' ? 1 : value.charAt(i) == '}' ? -1 : 0;
        }
        return depth == 0;
    }

    private static String printable(String s) {
        StringBuilder sb = new StringBuilder("\"");
        s.chars().forEach(c -> sb.append(c < 0x20 || c == 0x7f ? String.format("\\u%04x", c) : String.valueOf((char) c)));
        return sb.append('"').toString();
    }
}
