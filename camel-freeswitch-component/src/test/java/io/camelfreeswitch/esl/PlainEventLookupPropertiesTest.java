package io.camelfreeswitch.esl;

import io.camelfreeswitch.esl.internal.EslEvents;
import io.camelfreeswitch.esl.internal.UrlDecoding;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A plain event answers every read, in any order, as reading its text line by line would: the header block ends
 * at the first empty line (LF or CRLF), a header is {@code Name: value} with the name before the first colon and
 * the value URL-decoded, other lines are passed over, the body is what the last inner {@code Content-Length} counts
 * after the empty line. The events mix headers, repeats, lines without colons, nameless lines, non-ASCII names, CR
 * and a last line without its newline; the reads mix single lookups, all values of a name, every header and the
 * body, so lookups run against an event indexed in part as well as in whole.
 */
class PlainEventLookupPropertiesTest {
    private static final List<String> NAMES = List.of("Event-Name", "Unique-ID", "A", "Ab", "variable_x",
            "variable_xy", "caf\u00e9", "cafe\u0301", "cafxx", "Content-Length");

    record Read(int kind, String name) {
    }

    @Property(tries = 2000)
    void everyReadAgreesWithReadingTheTextLineByLine(@ForAll("events") String text,
            @ForAll("reads") List<Read> reads) {
        EslEvent event = EslEvents.parsePlain(text.getBytes(StandardCharsets.UTF_8));
        Expected expected = Expected.of(text);
        for (Read read : reads) {
            switch (read.kind()) {
                case 0 -> assertThat(event.header(read.name())).as("header(%s)", read.name())
                        .isEqualTo(expected.first(read.name()));
                case 1 -> assertThat(event.headerValues(read.name())).as("headerValues(%s)", read.name())
                        .containsExactlyElementsOf(expected.all(read.name()));
                case 2 -> assertThat(event.headers()).containsExactlyEntriesOf(expected.headers());
                default -> assertThat(event.body()).isEqualTo(expected.body());
            }
        }
    }

    /** The reading spelled out on the text, one line after the other. */
    record Expected(List<String[]> lines, String body) {
        static Expected of(String text) {
            List<String[]> headers = new ArrayList<>();
            int pos = 0;
            boolean blankLine = false;
            int contentLength = -1;
            while (pos < text.length()) {
                int newline = text.indexOf('\n', pos);
                int eol = newline < 0 ? text.length() : newline;
                String line = text.substring(pos, eol);
                if (line.endsWith("\r")) {
                    line = line.substring(0, line.length() - 1);
                }
                pos = Math.min(eol + 1, text.length());
                if (line.isEmpty()) {
                    blankLine = true;
                    break;
                }
                int colon = line.indexOf(':');
                if (colon <= 0) {
                    continue;
                }
                String name = line.substring(0, colon);
                String value = line.substring(colon + 1);
                value = value.startsWith(" ") ? value.substring(1) : value;
                headers.add(new String[]{name, UrlDecoding.decode(value)});
                if (name.equals("Content-Length")) {
                    contentLength = value.matches("[0-9]{1,10}") && Long.parseLong(value) <= Integer.MAX_VALUE
                            ? Integer.parseInt(value) : -1;
                }
            }
            String body = "";
            if (blankLine && contentLength > 0) {
                byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
                int start = text.substring(0, pos).getBytes(StandardCharsets.UTF_8).length;
                int end = Math.min(bytes.length, start + contentLength);
                body = new String(bytes, start, end - start, StandardCharsets.UTF_8);
            }
            return new Expected(headers, body);
        }

        String first(String name) {
            List<String> all = all(name);
            return all.isEmpty() ? null : all.get(0);
        }

        List<String> all(String name) {
            return lines.stream().filter(l -> l[0].equals(name)).map(l -> l[1]).toList();
        }

        Map<String, String> headers() {
            Map<String, String> map = new LinkedHashMap<>();
            lines.forEach(l -> map.putIfAbsent(l[0], l[1]));
            return map;
        }
    }

    @Provide
    Arbitrary<String> events() {
        Arbitrary<String> value = Arbitraries.oneOf(
                Arbitraries.strings().withChars("abc xyz 12:%3A20+-\u00e9").ofMaxLength(30),
                Arbitraries.integers().between(0, 40).map(String::valueOf));
        Arbitrary<String> header = Combinators.combine(Arbitraries.of(NAMES), Arbitraries.of(": ", ":"), value)
                .as((name, separator, v) -> name + separator + v);
        Arbitrary<String> noColon = Arbitraries.strings().withChars("abc -_\u00e9").ofMaxLength(20);
        Arbitrary<String> line = Arbitraries.frequencyOf(Tuple.of(8, header), Tuple.of(1, noColon),
                Tuple.of(1, value.map(v -> ": " + v)));
        Arbitrary<String> lines = Combinators.combine(line, Arbitraries.of("\n", "\r\n")).as(String::concat)
                .list().ofMaxSize(25).map(l -> String.join("", l));
        Arbitrary<String> body = Arbitraries.strings().withChars("+OK abc\n").ofMaxLength(20);
        Arbitrary<String> end = Arbitraries.oneOf(Arbitraries.just(""), header, body.map(b -> "\n" + b),
                body.map(b -> "\r\n" + b), Arbitraries.just("\r"));
        return Combinators.combine(lines, end).as(String::concat);
    }

    @Provide
    Arbitrary<List<Read>> reads() {
        Arbitrary<String> name = Arbitraries.oneOf(Arbitraries.of(NAMES),
                Arbitraries.of("", "Missing", "A: x", "variable_", "caf"));
        return Combinators.combine(Arbitraries.integers().between(0, 3), name).as(Read::new).list().ofMinSize(1)
                .ofMaxSize(8);
    }
}
