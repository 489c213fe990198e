package io.camelfreeswitch.esl.internal;

import io.camelfreeswitch.esl.EslEvent;
import io.camelfreeswitch.esl.EventFormat;
import io.camelfreeswitch.esl.EslDecoderException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@code text/event-json} event kept as its bytes. The constructor validates the body strictly (one flat JSON
 * object; string, number, literal or array values; a nested object is kept as its raw text) in a single pass that
 * records one offset per member; keys are compared byte by byte and a value becomes a String when asked for. An
 * array member yields its elements through {@link #headerValues}, its first element through {@link #header}. {@code _body} is the
 * event body. JSON values are not URL-encoded by FreeSWITCH, so none is decoded.
 */
final class JsonEslEvent implements EslEvent {
    private static final int STRIDE = 1; // per member: first byte of its key, after the quote
    /** Indexing scratch, reused per thread; each event keeps an exact-size copy (allocation matters here). */
    private static final ThreadLocal<int[]> SCRATCH = ThreadLocal.withInitial(() -> new int[STRIDE * 256]);

    private final byte[] data;
    private int[] entries;
    private int count;
    private int pos;
    private volatile Map<String, String> headerMap;

    JsonEslEvent(byte[] data) {
        this.data = data;
        this.entries = SCRATCH.get();
        index();
        if (entries.length > SCRATCH.get().length) {
            SCRATCH.set(entries);
        }
        this.entries = Arrays.copyOf(entries, STRIDE * count);
    }

    // ---- strict one-pass indexing ----

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
                scanString();
                skipWhitespace();
                expect(':');
                skipWhitespace();
                scanMember(keyStart);
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
        if (pos != data.length) {
            throw error("unexpected data after the JSON object");
        }
    }

    /** Validates one member's value (an array's elements one by one) and records the member. */
    private void scanMember(int keyStart) {
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
        entries[count++] = keyStart;
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
            if (pos >= data.length) {
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
        while (pos < data.length) {
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
                || literal.matches("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?"))) {
            pos = from;
            throw error("invalid JSON value");
        }
    }

    private void skipWhitespace() {
        while (pos < data.length) {
            byte c = data[pos];
            if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
                pos++;
            } else {
                return;
            }
        }
    }

    private byte peek() {
        if (pos >= data.length) {
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
        return new EslDecoderException("malformed text/event-json body: " + what + " at offset " + pos);
    }

    // ---- lazy access ----

    private boolean keyEquals(int entry, String name) {
        int start = entries[entry];
        int length = name.length();
        for (int i = 0; i < length; i++) {
            char c = name.charAt(i);
            byte b = data[start + i];
            if (c >= 0x80 || b == '\\' || b == '"') {
                return c >= 0x80 || b == '\\' ? key(entry).equals(name) : false;
            }
            if (b != (byte) c) {
                return false;
            }
        }
        return data[start + length] == '"';
    }

    /** Index of the closing quote of the string whose content starts at {@code start}. */
    private int stringEnd(int start) {
        int i = start;
        while (data[i] != '"') {
            i += data[i] == '\\' ? 2 : 1;
        }
        return i;
    }

    private String string(int start) {
        int end = stringEnd(start);
        for (int i = start; i < end; i++) {
            if (data[i] == '\\') {
                return unescape(start, end);
            }
        }
        return new String(data, start, end - start, StandardCharsets.UTF_8);
    }

    private String key(int entry) {
        return string(entries[entry]);
    }

    /** First byte of a member's value: past the key's closing quote, the colon and whitespace. */
    private int valueStart(int entry) {
        int i = stringEnd(entries[entry]) + 1;
        while (data[i] != ':') {
            i++;
        }
        i++;
        while (isWhitespace(data[i])) {
            i++;
        }
        return i;
    }

    private static boolean isWhitespace(byte b) {
        return b == ' ' || b == '\n' || b == '\r' || b == '\t';
    }

    /** A member's value; for an array, its first element (null when empty). */
    private String value(int entry) {
        int start = valueStart(entry);
        if (data[start] != '[') {
            return scalar(start);
        }
        int first = start + 1;
        while (isWhitespace(data[first])) {
            first++;
        }
        return data[first] == ']' ? null : scalar(first);
    }

    private void addValues(int entry, List<String> out) {
        int start = valueStart(entry);
        if (data[start] != '[') {
            out.add(scalar(start));
            return;
        }
        int i = start + 1;
        while (true) {
            while (isWhitespace(data[i])) {
                i++;
            }
            if (data[i] == ']') {
                return;
            }
            out.add(scalar(i));
            i = scalarEnd(i);
            while (isWhitespace(data[i])) {
                i++;
            }
            if (data[i] == ',') {
                i++;
            }
        }
    }

    /** A string (unescaped), a literal, or a nested value as raw JSON text. */
    private String scalar(int start) {
        if (data[start] == '"') {
            return string(start + 1);
        }
        return new String(data, start, scalarEnd(start) - start, StandardCharsets.UTF_8);
    }

    /** Index just past the value starting at {@code start}; the body was validated, so no checks. */
    private int scalarEnd(int start) {
        byte c = data[start];
        if (c == '"') {
            return stringEnd(start + 1) + 1;
        }
        int end = start;
        if (c == '{' || c == '[') {
            int depth = 0;
            do {
                byte b = data[end];
                if (b == '"') {
                    end = stringEnd(end + 1) + 1;
                    continue;
                }
                end++;
                if (b == '{' || b == '[') {
                    depth++;
                } else if (b == '}' || b == ']') {
                    depth--;
                }
            } while (depth > 0);
            return end;
        }
        while (end < data.length && data[end] != ',' && data[end] != '}' && data[end] != ']'
                && !isWhitespace(data[end])) {
            end++;
        }
        return end;
    }

    /** Decodes the escapes of a validated string's content. */
    private String unescape(int start, int end) {
        StringBuilder sb = new StringBuilder(end - start);
        int chunk = start;
        int i = start;
        while (i < end) {
            if (data[i] != '\\') {
                i++;
                continue;
            }
            sb.append(new String(data, chunk, i - chunk, StandardCharsets.UTF_8));
            byte e = data[i + 1];
            switch (e) {
                case 'b' -> sb.append('\b');
                case 'f' -> sb.append('\f');
                case 'n' -> sb.append('\n');
                case 'r' -> sb.append('\r');
                case 't' -> sb.append('\t');
                case 'u' -> {
                    sb.append((char) Integer.parseInt(new String(data, i + 2, 4, StandardCharsets.US_ASCII), 16));
                    i += 4;
                }
                default -> sb.append((char) e);
            }
            i += 2;
            chunk = i;
        }
        sb.append(new String(data, chunk, end - chunk, StandardCharsets.UTF_8));
        return sb.toString();
    }

    @Override
    public String header(String name) {
        for (int i = 0; i < count; i++) {
            if (keyEquals(i, name)) {
                String value = value(i);
                if (value != null) {
                    return value;
                }
            }
        }
        return null;
    }

    @Override
    public List<String> headerValues(String name) {
        List<String> result = null;
        for (int i = 0; i < count; i++) {
            if (keyEquals(i, name)) {
                if (result == null) {
                    result = new ArrayList<>(2);
                }
                addValues(i, result);
            }
        }
        return result == null ? List.of() : Collections.unmodifiableList(result);
    }

    @Override
    public Map<String, String> headers() {
        Map<String, String> map = headerMap;
        if (map == null) {
            Map<String, String> built = new LinkedHashMap<>(count * 2);
            for (int i = 0; i < count; i++) {
                String value = value(i);
                if (value != null) {
                    built.putIfAbsent(key(i), value);
                }
            }
            map = Collections.unmodifiableMap(built);
            headerMap = map;
        }
        return map;
    }

    @Override
    public String body() {
        String body = header("_body");
        return body == null ? "" : body;
    }

    @Override
    public EventFormat format() {
        return EventFormat.JSON;
    }

    @Override
    public String toString() {
        return EslEvents.describe(this);
    }
}
