package io.camelfreeswitch.esl.internal;

import io.camelfreeswitch.esl.EventFormat;
import io.netty.buffer.ByteBuf;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@code text/event-plain} event kept as its wire bytes. Its header lines are indexed only as far as lookups need
 * ({@link HeaderLines}): finding {@code Unique-ID} reads the lines up to it, a later lookup first compares the lines
 * already indexed and then resumes. Names are compared byte by byte; a value becomes a String (URL-decoded when it
 * holds a {@code %}) only when someone asks for it, each time it is asked (no cache: most values are read once, if
 * at all). Thread-safe: events are handed to several listener threads; lookups that index lines hold the event's
 * lock, those after the whole block is indexed hold none.
 */
final class PlainEslEvent extends WireEslEvent {
    private static final String CONTENT_LENGTH = "Content-Length";
    /** {@link #asciiLength} of a name no header line can have (empty, or holding the colon that ends a name). */
    private static final int NO_SUCH_NAME = 0;
    private static final int NOT_ASCII = -1;

    private final HeaderLines lines = new HeaderLines();
    private Map<String, String> headerMap;

    PlainEslEvent(ByteBuf bytes, boolean borrowed) {
        super(bytes, borrowed);
    }

    @Override
    public String header(String name) {
        int ascii = asciiLength(name);
        if (ascii == NO_SUCH_NAME) {
            return null;
        }
        if (lines.complete()) {
            byte[] data = readArray();
            int base = arrayBase(data);
            return firstValue(data, base, 0, lines.count(), name, ascii);
        }
        synchronized (this) {
            byte[] data = readArray();
            int base = arrayBase(data);
            int known = lines.count();
            String value = firstValue(data, base, 0, known, name, ascii);
            if (value != null) {
                return value;
            }
            while (lines.readLine(data, base, length)) {
                value = firstValue(data, base, known, known + 1, name, ascii);
                if (value != null) {
                    return value;
                }
                known++;
            }
            return null;
        }
    }

    @Override
    public List<String> headerValues(String name) {
        int ascii = asciiLength(name);
        if (ascii == NO_SUCH_NAME) {
            return List.of();
        }
        indexAll();
        byte[] data = readArray();
        int base = arrayBase(data);
        List<String> values = null;
        for (int i = 0; i < lines.count(); i++) {
            int colon = colonIfNamed(data, base, i, name, ascii);
            if (colon >= 0) {
                if (values == null) {
                    values = new ArrayList<>(2);
                }
                values.add(value(data, base, i, colon));
            }
        }
        return values == null ? List.of() : Collections.unmodifiableList(values);
    }

    @Override
    public synchronized Map<String, String> headers() {
        if (headerMap == null) {
            indexAll();
            byte[] data = readArray();
            int base = arrayBase(data);
            Map<String, String> map = new LinkedHashMap<>(lines.count() * 2);
            for (int i = 0; i < lines.count(); i++) {
                int start = base + lines.start(i);
                int colon = ByteSearch.indexOf(data, start, base + lines.end(i), (byte) ':');
                if (colon > start && colon < base + lines.end(i)) {
                    String name = new String(data, start, colon - start, StandardCharsets.UTF_8);
                    map.putIfAbsent(name, value(data, base, i, colon));
                }
            }
            headerMap = Collections.unmodifiableMap(map);
        }
        return headerMap;
    }

    @Override
    public String body() {
        indexAll();
        int bodyStart = lines.bodyStart();
        if (bodyStart < 0) {
            return "";
        }
        byte[] data = readArray();
        int base = arrayBase(data);
        int innerLength = innerContentLength(data, base);
        if (innerLength <= 0) {
            return "";
        }
        int bodyEnd = Math.min(length, bodyStart + innerLength);
        return new String(data, base + bodyStart, bodyEnd - bodyStart, StandardCharsets.UTF_8);
    }

    @Override
    public EventFormat format() {
        return EventFormat.PLAIN;
    }

    private void indexAll() {
        if (!lines.complete()) {
            synchronized (this) {
                byte[] data = readArray();
                lines.readAll(data, arrayBase(data), length);
            }
        }
    }

    /** The value of the last {@code Content-Length} line (FreeSWITCH writes one), -1 when absent or not a number. */
    private int innerContentLength(byte[] data, int base) {
        int ascii = CONTENT_LENGTH.length();
        for (int i = lines.count() - 1; i >= 0; i--) {
            int colon = colonIfNamed(data, base, i, CONTENT_LENGTH, ascii);
            if (colon >= 0) {
                return parseLength(data, valueStart(data, colon, lineEnd(data, base, i)), lineEnd(data, base, i));
            }
        }
        return -1;
    }

    /** The value of the first of lines {@code [from, to)} named {@code name}, or null. */
    private String firstValue(byte[] data, int base, int from, int to, String name, int ascii) {
        for (int i = from; i < to; i++) {
            int colon = colonIfNamed(data, base, i, name, ascii);
            if (colon >= 0) {
                return value(data, base, i, colon);
            }
        }
        return null;
    }

    /**
     * Where the colon of line {@code i} sits in {@code data} if the line's name is {@code name}, else -1. A line's
     * name is what precedes its first colon, UTF-8 decoded; an ASCII name without a colon is compared byte by byte
     * with no decoding: it matches exactly when the line starts with its bytes followed by a colon.
     */
    private int colonIfNamed(byte[] data, int base, int i, String name, int ascii) {
        int start = base + lines.start(i);
        int eol = base + lines.end(i);
        if (ascii > 0) {
            int colon = start + ascii;
            if (colon >= eol || data[colon] != ':') {
                return -1; // nearly every line: decided without looking at the name
            }
            for (int k = 0; k < ascii; k++) {
                if (data[start + k] != (byte) name.charAt(k)) {
                    return -1;
                }
            }
            return colon;
        }
        int colon = ByteSearch.indexOf(data, start, eol, (byte) ':');
        if (colon == start || colon == eol) {
            return -1;
        }
        return new String(data, start, colon - start, StandardCharsets.UTF_8).equals(name) ? colon : -1;
    }

    /**
     * The byte length of an ASCII name; {@link #NO_SUCH_NAME} for a name that cannot match (empty, or with a colon:
     * a line's name ends at its first colon), {@link #NOT_ASCII} for one to compare decoded. One look at the asked
     * name per lookup, rather than per line.
     */
    private static int asciiLength(String name) {
        int length = name.length();
        if (length == 0) {
            return NO_SUCH_NAME;
        }
        for (int i = 0; i < length; i++) {
            char c = name.charAt(i);
            if (c >= 0x80) {
                return NOT_ASCII;
            }
            if (c == ':') {
                return NO_SUCH_NAME;
            }
        }
        return length;
    }

    /** End of line {@code i} in {@code data}, without its CR. */
    private int lineEnd(byte[] data, int base, int i) {
        int start = base + lines.start(i);
        int eol = base + lines.end(i);
        return eol > start && data[eol - 1] == '\r' ? eol - 1 : eol;
    }

    private String value(byte[] data, int base, int i, int colon) {
        int lineEnd = lineEnd(data, base, i);
        return UrlDecoding.decode(data, valueStart(data, colon, lineEnd), lineEnd);
    }

    private static int valueStart(byte[] data, int colon, int lineEnd) {
        return colon + 1 < lineEnd && data[colon + 1] == ' ' ? colon + 2 : colon + 1;
    }

    private static int parseLength(byte[] data, int from, int to) {
        long value = 0;
        if (from >= to || to - from > 10) {
            return -1;
        }
        for (int i = from; i < to; i++) {
            byte b = data[i];
            if (b < '0' || b > '9') {
                return -1;
            }
            value = value * 10 + (b - '0');
        }
        return value > Integer.MAX_VALUE ? -1 : (int) value;
    }
}
