package io.camelfreeswitch.esl.internal;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Reads the members of a JSON event body that {@link JsonScanner} validated and indexed: keys compared byte by byte,
 * values made Strings only when asked for. The body is {@code data[base, limit)}; being validated, it is read
 * without checks. One instance serves one read of the event.
 */
final class JsonValues {
    private final byte[] data;
    private final int base;
    private final int limit;
    private final int[] entries;

    JsonValues(byte[] data, int base, int limit, int[] entries) {
        this.data = data;
        this.base = base;
        this.limit = limit;
        this.entries = entries;
    }

    boolean keyEquals(int entry, String name) {
        int start = base + entries[entry];
        int nameLength = name.length();
        for (int i = 0; i < nameLength; i++) {
            char c = name.charAt(i);
            byte b = data[start + i];
            if (c >= 0x80 || b == '\\' || b == '"') {
                return c >= 0x80 || b == '\\' ? key(entry).equals(name) : false;
            }
            if (b != (byte) c) {
                return false;
            }
        }
        return data[start + nameLength] == '"';
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

    String key(int entry) {
        return string(base + entries[entry]);
    }

    /** First byte of a member's value: past the key's closing quote, the colon and whitespace. */
    private int valueStart(int entry) {
        int i = stringEnd(base + entries[entry]) + 1;
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
    String value(int entry) {
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

    void addValues(int entry, List<String> out) {
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
        while (end < limit && data[end] != ',' && data[end] != '}' && data[end] != ']'
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
}
