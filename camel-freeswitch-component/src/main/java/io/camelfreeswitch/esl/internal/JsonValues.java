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

    /**
     * True when {@code name} can be compared with keys byte by byte (ASCII, no quote or backslash): then a key
     * without escapes equals it only if it has exactly its length.
     */
    static boolean isPlainAscii(String name) {
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c >= 0x80 || c == '"' || c == '\\') {
                return false;
            }
        }
        return true;
    }

    /** Whether member {@code entry}'s key is {@code name}; {@code plainAscii} is {@link #isPlainAscii}(name). */
    boolean keyEquals(int entry, String name, boolean plainAscii) {
        int e = entries[entry];
        if (e < 0 || !plainAscii) {
            return keyEqualsSlowly(keyStart(entry), name);
        }
        int start = base + e;
        int nameLength = name.length();
        if (start + nameLength >= limit || data[start + nameLength] != '"') {
            return false; // nearly every key: decided without looking at the name
        }
        for (int i = 0; i < nameLength; i++) {
            if (data[start + i] != (byte) name.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private boolean keyEqualsSlowly(int start, String name) {
        int nameLength = name.length();
        for (int i = 0; i < nameLength; i++) {
            char c = name.charAt(i);
            byte b = data[start + i];
            if (c >= 0x80 || b == '\\' || b == '"') {
                return c >= 0x80 || b == '\\' ? string(start).equals(name) : false;
            }
            if (b != (byte) c) {
                return false;
            }
        }
        return data[start + nameLength] == '"';
    }

    /** Where member {@code entry}'s key starts in {@code data} (after its quote). */
    private int keyStart(int entry) {
        int e = entries[entry];
        return base + (e >= 0 ? e : ~e);
    }

    /** Index of the closing quote of the string whose content starts at {@code start}. */
    private int stringEnd(int start) {
        int i = ByteSearch.indexOfJsonStringSpecial(data, start, limit);
        while (data[i] != '"') {
            i = ByteSearch.indexOfJsonStringSpecial(data, i + 2, limit); // past a backslash and what it escapes
        }
        return i;
    }

    private String string(int start) {
        int end = stringEnd(start);
        if (ByteSearch.indexOf(data, start, end, (byte) '\\') < end) {
            return unescape(start, end);
        }
        return new String(data, start, end - start, StandardCharsets.UTF_8);
    }

    String key(int entry) {
        return string(keyStart(entry));
    }

    /** First byte of a member's value: past the key's closing quote, the colon and whitespace. */
    private int valueStart(int entry) {
        int i = stringEnd(keyStart(entry)) + 1;
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
