package io.camelfreeswitch.esl.internal;

import io.camelfreeswitch.esl.EventFormat;
import io.netty.buffer.ByteBuf;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@code text/event-json} event kept as its bytes. The constructor validates the body strictly in one pass
 * ({@link JsonScanner}) that records one offset per member; keys are compared byte by byte and a value becomes a
 * String when asked for. An array member yields its elements through {@link #headerValues}, its first element
 * through {@link #header}. {@code _body} is the event body. JSON values are not URL-encoded by FreeSWITCH, so none
 * is decoded.
 */
final class JsonEslEvent extends WireEslEvent {
    private final int[] entries;
    private final int count;
    private volatile Map<String, String> headerMap;

    /** @throws io.camelfreeswitch.esl.EslDecoderException when the body is malformed (the caller still owns the bytes) */
    JsonEslEvent(ByteBuf bytes, boolean borrowed) {
        super(bytes, borrowed);
        byte[] data = scanArray();
        int base = arrayBase(data);
        this.entries = JsonScanner.index(data, base, base + length);
        this.count = entries.length;
    }

    private boolean keyEquals(int entry, String name) {
        ByteBuf data = bytes();
        int start = entries[entry];
        int nameLength = name.length();
        for (int i = 0; i < nameLength; i++) {
            char c = name.charAt(i);
            byte b = data.getByte(start + i);
            if (c >= 0x80 || b == '\\' || b == '"') {
                return c >= 0x80 || b == '\\' ? key(entry).equals(name) : false;
            }
            if (b != (byte) c) {
                return false;
            }
        }
        return data.getByte(start + nameLength) == '"';
    }

    /** Index of the closing quote of the string whose content starts at {@code start}. */
    private int stringEnd(int start) {
        ByteBuf data = bytes();
        int i = start;
        while (data.getByte(i) != '"') {
            i += data.getByte(i) == '\\' ? 2 : 1;
        }
        return i;
    }

    private String string(int start) {
        ByteBuf data = bytes();
        int end = stringEnd(start);
        for (int i = start; i < end; i++) {
            if (data.getByte(i) == '\\') {
                return unescape(start, end);
            }
        }
        return utf8(start, end - start);
    }

    private String key(int entry) {
        return string(entries[entry]);
    }

    /** First byte of a member's value: past the key's closing quote, the colon and whitespace. */
    private int valueStart(int entry) {
        ByteBuf data = bytes();
        int i = stringEnd(entries[entry]) + 1;
        while (data.getByte(i) != ':') {
            i++;
        }
        i++;
        while (isWhitespace(data.getByte(i))) {
            i++;
        }
        return i;
    }

    private static boolean isWhitespace(byte b) {
        return b == ' ' || b == '\n' || b == '\r' || b == '\t';
    }

    /** A member's value; for an array, its first element (null when empty). */
    private String value(int entry) {
        ByteBuf data = bytes();
        int start = valueStart(entry);
        if (data.getByte(start) != '[') {
            return scalar(start);
        }
        int first = start + 1;
        while (isWhitespace(data.getByte(first))) {
            first++;
        }
        return data.getByte(first) == ']' ? null : scalar(first);
    }

    private void addValues(int entry, List<String> out) {
        ByteBuf data = bytes();
        int start = valueStart(entry);
        if (data.getByte(start) != '[') {
            out.add(scalar(start));
            return;
        }
        int i = start + 1;
        while (true) {
            while (isWhitespace(data.getByte(i))) {
                i++;
            }
            if (data.getByte(i) == ']') {
                return;
            }
            out.add(scalar(i));
            i = scalarEnd(i);
            while (isWhitespace(data.getByte(i))) {
                i++;
            }
            if (data.getByte(i) == ',') {
                i++;
            }
        }
    }

    /** A string (unescaped), a literal, or a nested value as raw JSON text. */
    private String scalar(int start) {
        ByteBuf data = bytes();
        if (data.getByte(start) == '"') {
            return string(start + 1);
        }
        return utf8(start, scalarEnd(start) - start);
    }

    /** Index just past the value starting at {@code start}; the body was validated, so no checks. */
    private int scalarEnd(int start) {
        ByteBuf data = bytes();
        byte c = data.getByte(start);
        if (c == '"') {
            return stringEnd(start + 1) + 1;
        }
        int end = start;
        if (c == '{' || c == '[') {
            int depth = 0;
            do {
                byte b = data.getByte(end);
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
        while (end < length && data.getByte(end) != ',' && data.getByte(end) != '}' && data.getByte(end) != ']'
                && !isWhitespace(data.getByte(end))) {
            end++;
        }
        return end;
    }

    /** Decodes the escapes of a validated string's content. */
    private String unescape(int start, int end) {
        ByteBuf data = bytes();
        StringBuilder sb = new StringBuilder(end - start);
        int chunk = start;
        int i = start;
        while (i < end) {
            if (data.getByte(i) != '\\') {
                i++;
                continue;
            }
            sb.append(utf8(chunk, i - chunk));
            byte e = data.getByte(i + 1);
            switch (e) {
                case 'b' -> sb.append('\b');
                case 'f' -> sb.append('\f');
                case 'n' -> sb.append('\n');
                case 'r' -> sb.append('\r');
                case 't' -> sb.append('\t');
                case 'u' -> {
                    sb.append((char) Integer.parseInt(utf8(i + 2, 4), 16));
                    i += 4;
                }
                default -> sb.append((char) e);
            }
            i += 2;
            chunk = i;
        }
        sb.append(utf8(chunk, end - chunk));
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

}
