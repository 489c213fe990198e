package io.camelfreeswitch.reliability;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The inputs the decoder fuzz runs on, as jqwik arbitraries: byte streams that look like ESL (header lines, honest
 * and lying Content-Lengths, CRLF and LF, events with plain and JSON bodies) with random corruption, and pure noise.
 * Looking like ESL matters: pure noise is rejected at the first line and never reaches the body or event code.
 */
final class FrameFuzzInputs {

    static final int MAX_HEADER_BLOCK = 4096;
    static final int MAX_BODY = 64 * 1024;

    private FrameFuzzInputs() {
    }

    /** A fuzz case: the bytes and how they are cut into socket reads. */
    record Input(byte[] bytes, List<Integer> chunkSizes) {
        @Override
        public String toString() {
            return "Input{" + bytes.length + " bytes, chunks " + chunkSizes + ": "
                    + new String(bytes, 0, Math.min(bytes.length, 300), StandardCharsets.ISO_8859_1)
                    .replace("\n", "\\n").replace("\r", "\\r") + "}";
        }
    }

    static Arbitrary<Input> inputs() {
        Arbitrary<byte[]> bytes = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, eslLikeStream()),
                net.jqwik.api.Tuple.of(1, noise()));
        Arbitrary<List<Integer>> chunks = Arbitraries.integers().between(1, 700).list().ofMinSize(1).ofMaxSize(8);
        return Combinators.combine(bytes, chunks).as(Input::new);
    }

    private static Arbitrary<byte[]> noise() {
        return Arbitraries.bytes().array(byte[].class).ofMaxSize(3000);
    }

    private static Arbitrary<byte[]> eslLikeStream() {
        return Combinators.combine(frame().list().ofMinSize(1).ofMaxSize(5), corruption())
                .as((frames, corrupt) -> {
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    frames.forEach(out::writeBytes);
                    return corrupt.apply(out.toByteArray());
                });
    }

    /** One frame: header lines, perhaps a Content-Length (true, short, long, absurd or malformed) and a body. */
    private static Arbitrary<byte[]> frame() {
        Arbitrary<String> eol = Arbitraries.of("\n", "\r\n");
        Arbitrary<List<String>> headers = headerLine().list().ofMaxSize(6);
        Arbitrary<byte[]> body = Arbitraries.oneOf(plainEventBody(), jsonEventBody(),
                Arbitraries.strings().ofMaxLength(200).map(s -> s.getBytes(StandardCharsets.UTF_8)));
        Arbitrary<String> contentType = Arbitraries.of("text/event-plain", "text/event-json", "api/response",
                "command/reply", "auth/request", "text/disconnect-notice", "text/event-xml", "");
        Arbitrary<Integer> lengthMode = Arbitraries.integers().between(0, 9);
        return Combinators.combine(eol, headers, body, contentType, lengthMode).as((nl, lines, b, type, mode) -> {
            StringBuilder head = new StringBuilder();
            if (!type.isEmpty()) {
                head.append("Content-Type: ").append(type).append(nl);
            }
            lines.forEach(line -> head.append(line).append(nl));
            byte[] payload = b;
            switch (mode) {
                case 0, 1, 2, 3 -> head.append("Content-Length: ").append(b.length).append(nl);
                case 4 -> head.append("Content-Length: ").append(Math.max(0, b.length - 3)).append(nl);
                case 5 -> head.append("Content-Length: ").append(b.length + 5).append(nl);
                case 6 -> head.append("Content-Length: ").append(MAX_BODY + 1 + b.length).append(nl);
                case 7 -> head.append("Content-Length: ").append("9".repeat(11 + b.length % 20)).append(nl);
                case 8 -> head.append("Content-Length: ").append(b.length % 2 == 0 ? "-1" : "12a").append(nl);
                default -> payload = new byte[0];
            }
            head.append(nl);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
            out.writeBytes(payload);
            return out.toByteArray();
        });
    }

    private static Arbitrary<String> headerLine() {
        Arbitrary<String> name = Arbitraries.oneOf(
                Arbitraries.of("Event-Name", "Unique-ID", "Job-UUID", "Reply-Text", "Content-Length",
                        "Event-Sequence", "Channel-Call-State", "variable_x", ""),
                Arbitraries.strings().withCharRange('!', '~').ofMinLength(1).ofMaxLength(20));
        Arbitrary<String> value = Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(60),
                Arbitraries.strings().withChars("%0123456789abcdefABCDEFzZ:\r\t ").ofMaxLength(30),
                Arbitraries.strings().withCharRange('a', 'z').ofMaxLength(5000));
        Arbitrary<String> separator = Arbitraries.of(": ", ":", " ", "");
        return Combinators.combine(name, separator, value).as((n, s, v) -> n + s + v.replace("\n", ""));
    }

    /** A plain event body: {@code Name: url-encoded value} lines, with broken escapes now and then. */
    static Arbitrary<byte[]> plainEventBody() {
        Arbitrary<String> value = Arbitraries.oneOf(
                Arbitraries.strings().withChars("%0123456789abcdefABCDEFgz+ -").ofMaxLength(40),
                Arbitraries.strings().ofMaxLength(40).map(s -> s.replace("\n", "%0A")));
        Arbitrary<String> line = Combinators.combine(
                Arbitraries.of("Event-Name", "Unique-ID", "Event-Sequence", "Content-Length", "Hangup-Cause",
                        "variable_sip_h_X", "Job-UUID", "_body", "x"), value).as((n, v) -> n + ": " + v);
        return Combinators.combine(line.list().ofMaxSize(10), Arbitraries.strings().ofMaxLength(30))
                .as((lines, tail) -> (String.join("\n", lines) + "\n\n" + tail).getBytes(StandardCharsets.UTF_8));
    }

    /** A JSON event body, valid or broken (unterminated strings, bad escapes, nesting, trailing junk). */
    static Arbitrary<byte[]> jsonEventBody() {
        Arbitrary<String> scalar = Arbitraries.oneOf(
                Arbitraries.strings().withChars("abc\\\"u0123456789{}[],: ").ofMaxLength(20).map(s -> "\"" + s + "\""),
                Arbitraries.of("1", "-2.5e3", "true", "null", "[\"a\",\"b\"]", "{\"n\":[1,{\"m\":2}]}", "[[[[",
                        "\"\\uD83D\\uDE00\"", "\"\\u12\"", "\"", "nul", "]]"));
        Arbitrary<String> member = Combinators.combine(
                Arbitraries.of("Event-Name", "Unique-ID", "_body", "Event-Sequence", "x", ""), scalar)
                .as((n, v) -> "\"" + n + "\":" + v);
        return Combinators.combine(member.list().ofMaxSize(8), Arbitraries.of("", "}", " ", "x", "{"),
                        Arbitraries.of("{", "", "[", " {"))
                .as((members, tail, open) -> (open + String.join(",", members) + "}" + tail)
                        .getBytes(StandardCharsets.UTF_8));
    }

    /** Mostly nothing; sometimes overwrite, cut or insert bytes. */
    private static Arbitrary<java.util.function.UnaryOperator<byte[]>> corruption() {
        Arbitrary<Long> seed = Arbitraries.longs();
        Arbitrary<Integer> kind = Arbitraries.integers().between(0, 5);
        return Combinators.combine(kind, seed).as((k, s) -> data -> {
            if (data.length == 0 || k < 2) {
                return data;
            }
            java.util.Random random = new java.util.Random(s);
            byte[] copy = data.clone();
            switch (k) {
                case 2 -> {
                    for (int i = 0; i < 1 + random.nextInt(4); i++) {
                        copy[random.nextInt(copy.length)] = (byte) "\n\r:0\u0000%{\u00ff".charAt(random.nextInt(8));
                    }
                    return copy;
                }
                case 3 -> {
                    return java.util.Arrays.copyOf(copy, random.nextInt(copy.length));
                }
                case 4 -> {
                    copy[random.nextInt(copy.length)] = (byte) random.nextInt(256);
                    return copy;
                }
                default -> {
                    int at = random.nextInt(copy.length);
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    out.write(copy, 0, at);
                    out.writeBytes("Content-Length: 3\n\n".getBytes(StandardCharsets.US_ASCII));
                    out.write(copy, at, copy.length - at);
                    return out.toByteArray();
                }
            }
        });
    }
}
