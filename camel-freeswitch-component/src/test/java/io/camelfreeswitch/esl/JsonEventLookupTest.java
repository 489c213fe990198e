package io.camelfreeswitch.esl;

import io.camelfreeswitch.esl.internal.EslEvents;
import io.camelfreeswitch.esl.internal.EslMessage;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Reading a JSON event: a key is found by its text however it is escaped and only by its whole text, strings read
 * back exactly whatever they hold, and a raw control character anywhere in a string makes the body malformed.
 */
class JsonEventLookupTest {

    private static EslEvent json(String body) {
        return EslEvents.fromMessage(EslMessage.of(body.getBytes(StandardCharsets.UTF_8),
                "Content-Type", "text/event-json"));
    }

    @Example
    void anEscapedKeyIsFoundByItsText() {
        EslEvent event = json("{\"Event\\u002dName\":\"X\",\"A\\/B\":\"1\",\"Unique-ID\":\"u\"}");
        assertThat(event.eventName()).isEqualTo("X");
        assertThat(event.header("A/B")).isEqualTo("1");
        assertThat(event.uniqueId()).isEqualTo("u");
        assertThat(event.headers()).containsOnlyKeys("Event-Name", "A/B", "Unique-ID");
    }

    @Example
    void aKeyMatchesOnlyItsWholeText() {
        EslEvent event = json("{\"variable_\":\"3\",\"variable_xy\":\"2\",\"variable_x\":\"1\"}");
        assertThat(event.variable("x")).isEqualTo("1");
        assertThat(event.variable("xy")).isEqualTo("2");
        assertThat(event.header("variable_")).isEqualTo("3");
        assertThat(event.variable("xyz")).isNull();
        assertThat(event.header("variable")).isNull();
        assertThat(event.header("")).isNull();
    }

    @Example
    void namesWithQuotesBackslashesOrNonAsciiCharactersMatchTheKeyWithThatText() {
        EslEvent event = json("{\"a\":\"2\",\"a\\\"b\":\"1\",\"c\\\\d\":\"3\",\"caf\u00e9\":\"4\",\"cafe\\u0301\":\"5\"}");
        assertThat(event.header("a\"b")).isEqualTo("1");
        assertThat(event.header("a")).isEqualTo("2");
        assertThat(event.header("a\":")).isNull();
        assertThat(event.header("c\\d")).isEqualTo("3");
        assertThat(event.header("caf\u00e9")).isEqualTo("4");
        assertThat(event.header("cafe\u0301")).isEqualTo("5");
        assertThat(event.header("caf")).isNull();
    }

    @Example
    void aRawControlCharacterAnywhereInAStringIsMalformed() {
        for (int at = 0; at < 20; at++) {
            String value = "abcdefghijklmnopqrst".substring(0, at) + '\u0001' + "abcdefghijklmnopqrst".substring(at);
            assertThatThrownBy(() -> json("{\"Event-Name\":\"" + value + "\"}")).as("at %d", at)
                    .isInstanceOf(EslDecoderException.class).hasMessageContaining("control character");
            assertThatThrownBy(() -> json("{\"" + value + "\":\"x\"}")).as("key, at %d", at)
                    .isInstanceOf(EslDecoderException.class);
        }
    }

    @Example
    void anUnterminatedStringIsMalformedWhereverTheBodyEnds() {
        for (int length = 0; length < 20; length++) {
            String body = "{\"Event-Name\":\"" + "x".repeat(length);
            assertThatThrownBy(() -> json(body)).as("%d", length).isInstanceOf(EslDecoderException.class)
                    .hasMessageContaining("unterminated string");
        }
    }

    @Property(tries = 1500)
    void anyKeyAndValueWrittenAsJsonReadBackExactly(@ForAll("texts") String key, @ForAll("texts") String value,
            @ForAll boolean escapeEverything) {
        EslEvent event = json("{\"Event-Name\":\"X\"," + quoted(key, escapeEverything) + ":"
                + quoted(value, escapeEverything) + ",\"Unique-ID\":\"u\"}");
        assertThat(event.eventName()).isEqualTo("X"); // the first of repeated keys
        assertThat(event.headerValues(key)).contains(value);
        assertThat(event.header("Unique-ID")).isEqualTo(key.equals("Unique-ID") ? value : "u");
    }

    /** Strings heavy in what JSON must or may escape, in runs long enough to straddle 8-byte words. */
    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.oneOf(
                Arbitraries.strings().withChars("ab\"\\/\u0001\u001f\n\t \u007f\u00e9\u20ac").ofMaxLength(24),
                Arbitraries.strings().ofMaxLength(24),
                Arbitraries.of("Event-Name", "Unique-ID", "variable_x"));
    }

    private static String quoted(String s, boolean escapeEverything) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c < 0x20 || escapeEverything) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.append('"').toString();
    }
}
