package io.camelfreeswitch.esl.internal;

import io.camelfreeswitch.esl.EslDecoderException;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * The strict single pass over a {@code text/event-json} body: one flat JSON object whose values are strings,
 * numbers, literals or arrays of them (a nested object is validated and kept as raw text). It records where each
 * member's key starts and nothing else, so a malformed body fails at once and a valid one costs one int per member.
 */
final class JsonScanner {
    /** Indexing scratch, reused per thread; each event keeps an exact-size copy (allocation matters here). */
    private static final ThreadLocal<int[]> SCRATCH = ThreadLocal.withInitial(() -> new int[256]);
    private static final Pattern NUMBER = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?");

    private final byte[] data;
    private final int base;
    private final int end;
    private int[] entries;
    private int count;
    private int pos;

    private JsonScanner(byte[] data, int base, int end) {
        this.data = data;
        this.base = base;
        this.end = end;
        this.pos = base;
    }

    /**
     * Validates {@code data[base, end)} and returns one entry per member: the offset, relative to {@code base}, of
     * the first byte of its key (after its quote), complemented ({@code ~offset}) when the key holds an escape, so
     * that a key without one can be compared by its length first.
     *
     * @throws EslDecoderException when the body is not such an object
     */
    static int[] index(byte[] data, int base, int end) {
        JsonScanner scanner = new JsonScanner(data, base, end);
        scanner.entries = SCRATCH.get();
        scanner.index();
        if (scanner.entries.length > SCRATCH.get().length) {
            SCRATCH.set(scanner.entries);
        }
        return Arrays.copyOf(scanner.entries, scanner.count);
    }

    private void index() {
        skipWhitespace();
        expect('{');
        skipWhitespace();
        if (peek() == '}') {
            pos++;
        } else {
            while (true) {
                skipWhitespace();
                int keyStart = pos + 1;
                boolean keyEscaped = scanString();
                skipWhitespace();
                expect(':');
                skipWhitespace();
                scanMember(keyEscaped ? ~(keyStart - base) : keyStart - base);
                skipWhitespace();
                byte c = next();
                if (c == '}') {
                    break;
                }
                if (c != ',') {
                    throw error("expected ',' or '}'");
                }
            }
        }
        skipWhitespace();
        if (pos != end) {
            throw error("unexpected data after the JSON object");
        }
    }

    /** Validates one member's value (an array's elements one by one) and records the member's entry. */
    private void scanMember(int entry) {
        if (peek() == '[') {
            pos++;
            skipWhitespace();
            if (peek() == ']') {
                pos++;
            } else {
                while (true) {
                    skipWhitespace();
                    scanValue();
                    skipWhitespace();
                    byte c = next();
                    if (c == ']') {
                        break;
                    }
                    if (c != ',') {
                        throw error("expected ',' or ']'");
                    }
                }
            }
        } else {
            scanValue();
        }
        if (count + 1 > entries.length) {
            entries = Arrays.copyOf(entries, entries.length * 2);
        }
        entries[count++] = entry;
    }

    private void scanValue() {
        byte c = peek();
        if (c == '"') {
            scanString();
        } else if (c == '{' || c == '[') {
            skipComposite();
        } else {
            scanLiteral();
        }
    }

    /** Moves past a string starting at pos (on its quote); true when it holds escapes. */
    private boolean scanString() {
        expect('"');
        boolean escaped = false;
        while (true) {
            pos = ByteSearch.indexOfJsonStringSpecial(data, pos, end);
            if (pos >= end) {
                throw error("unterminated string");
            }
            byte c = data[pos++];
            if (c == '"') {
                return escaped;
            }
            if (c >= 0 && c < 0x20) {
                throw error("control character in string");
            }
            if (c == '\\') {
                escaped = true;
                byte e = next();
                switch (e) {
                    case '"', '\\', '/', 'b', 'f', 'n', 'r', 't' -> {
                    }
                    case 'u' -> {
                        for (int i = 0; i < 4; i++) {
                            if (Character.digit(next(), 16) < 0) {
                                throw error("invalid \\u escape");
                            }
                        }
                    }
                    default -> throw error("invalid escape");
                }
            }
        }
    }

    private void skipComposite() {
        int depth = 0;
        do {
            byte c = peek();
            if (c == '"') {
                scanString();
                continue;
            }
            pos++;
            if (c == '{' || c == '[') {
                depth++;
            } else if (c == '}' || c == ']') {
                depth--;
            }
        } while (depth > 0);
    }

    private void scanLiteral() {
        int from = pos;
        while (pos < end) {
            byte c = data[pos];
            if ((c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' || (c >= 'a' && c <= 'z')
                    || c == 'E') {
                pos++;
            } else {
                break;
            }
        }
        String literal = new String(data, from, pos - from, StandardCharsets.US_ASCII);
        if (!(literal.equals("true") || literal.equals("false") || literal.equals("null")
                || NUMBER.matcher(literal).matches())) {
            pos = from;
            throw error("invalid JSON value");
        }
    }

    private void skipWhitespace() {
        while (pos < end) {
            byte c = data[pos];
            if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
                pos++;
            } else {
                return;
            }
        }
    }

    private byte peek() {
        if (pos >= end) {
            throw error("unexpected end of JSON");
        }
        return data[pos];
    }

    private byte next() {
        byte c = peek();
        pos++;
        return c;
    }

    private void expect(char c) {
        if (peek() != c) {
            throw error("expected '" + c + "'");
        }
        pos++;
    }

    private EslDecoderException error(String what) {
        return new EslDecoderException("malformed text/event-json body: " + what + " at offset " + (pos - base));
    }
}
