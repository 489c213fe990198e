package io.camelfreeswitch.esl.internal;

import io.camelfreeswitch.esl.EventFormat;
import io.netty.buffer.ByteBuf;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@code text/event-plain} event kept as its wire bytes. On first access one pass records where each
 * {@code Name: value} line sits; names are then compared byte by byte and a value becomes a String (URL-decoded when
 * it holds a {@code %}) only when someone asks for it, each time it is asked (no cache: most values are read once,
 * if at all). An event that is only routed by name and Unique-ID thus costs an exact-size offsets array and two
 * small Strings. Thread-safe: events are handed to several listener threads.
 */
final class PlainEslEvent extends WireEslEvent {
    private static final byte[] CONTENT_LENGTH = "Content-Length".getBytes(StandardCharsets.US_ASCII);
    private static final int STRIDE = 3; // per header: nameStart, colon, lineEnd (CR excluded)
    /** Indexing scratch, reused per thread; each event keeps an exact-size copy (allocation matters here). */
    private static final ThreadLocal<int[]> SCRATCH = ThreadLocal.withInitial(() -> new int[STRIDE * 256]);

    private volatile Index index;
    private Map<String, String> headerMap;

    /** Offsets of every header line, plus the inner body; immutable once built. */
    private static final class Index {
        final int[] offsets;
        final int count;
        final int bodyStart;
        final int bodyEnd;

        Index(int[] offsets, int count, int bodyStart, int bodyEnd) {
            this.offsets = offsets;
            this.count = count;
            this.bodyStart = bodyStart;
            this.bodyEnd = bodyEnd;
        }
    }

    PlainEslEvent(ByteBuf bytes, boolean borrowed) {
        super(bytes, borrowed);
    }

    private Index index() {
        Index idx = index;
        if (idx == null) {
            idx = buildIndex();
            index = idx;
        }
        return idx;
    }

    /** One pass over the header lines; offsets are relative to byte 0 of the event. */
    private Index buildIndex() {
        byte[] data = readArray();
        int base = arrayBase(data);
        int end = base + length;
        int[] offsets = SCRATCH.get();
        int count = 0;
        int pos = base;
        int innerLength = -1;
        boolean blankLineSeen = false;
        while (pos < end) {
            int eol = pos;
            while (eol < end && data[eol] != '\n') {
                eol++;
            }
            int lineEnd = eol > pos && data[eol - 1] == '\r' ? eol - 1 : eol;
            int next = Math.min(eol + 1, end);
            if (lineEnd == pos) {
                pos = next;
                blankLineSeen = true;
                break;
            }
            int colon = -1;
            for (int i = pos; i < lineEnd; i++) {
                if (data[i] == ':') {
                    colon = i;
                    break;
                }
            }
            if (colon > pos) {
                if (STRIDE * count + STRIDE > offsets.length) {
                    offsets = Arrays.copyOf(offsets, offsets.length * 2);
                    SCRATCH.set(offsets);
                }
                offsets[STRIDE * count] = pos - base;
                offsets[STRIDE * count + 1] = colon - base;
                offsets[STRIDE * count + 2] = lineEnd - base;
                if (nameEquals(data, pos, colon, CONTENT_LENGTH)) {
                    innerLength = parseLength(data, valueStart(data, colon, lineEnd), lineEnd);
                }
                count++;
            }
            pos = next;
        }
        int bodyStart = pos - base;
        int bodyEnd = bodyStart;
        if (blankLineSeen && innerLength > 0) {
            bodyEnd = Math.min(length, bodyStart + innerLength);
        }
        return new Index(Arrays.copyOf(offsets, STRIDE * count), count, bodyStart, bodyEnd);
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

    private static boolean nameEquals(byte[] data, int nameStart, int nameEnd, byte[] name) {
        if (nameEnd - nameStart != name.length) {
            return false; // nearly every line: decided without a call
        }
        for (int i = 0; i < name.length; i++) {
            if (data[nameStart + i] != name[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean nameEquals(byte[] data, int nameStart, int nameEnd, String name) {
        int length = name.length();
        if (nameEnd - nameStart != length) {
            // a non-ASCII name has more bytes than chars; compare it the slow way
            return hasNonAscii(name) && new String(data, nameStart, nameEnd - nameStart, StandardCharsets.UTF_8)
                    .equals(name);
        }
        for (int i = 0; i < length; i++) {
            char c = name.charAt(i);
            if (c >= 0x80) {
                return new String(data, nameStart, nameEnd - nameStart, StandardCharsets.UTF_8).equals(name);
            }
            if (data[nameStart + i] != (byte) c) {
                return false;
            }
        }
        return true;
    }

    private static boolean hasNonAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return true;
            }
        }
        return false;
    }

    private static String value(byte[] data, int base, Index idx, int i) {
        int colon = base + idx.offsets[STRIDE * i + 1];
        int lineEnd = base + idx.offsets[STRIDE * i + 2];
        return UrlDecoding.decode(data, valueStart(data, colon, lineEnd), lineEnd);
    }

    private static String name(byte[] data, int base, Index idx, int i) {
        int start = base + idx.offsets[STRIDE * i];
        return new String(data, start, idx.offsets[STRIDE * i + 1] - idx.offsets[STRIDE * i], StandardCharsets.UTF_8);
    }

    @Override
    public String header(String name) {
        Index idx = index();
        byte[] data = readArray();
        int base = arrayBase(data);
        for (int i = 0; i < idx.count; i++) {
            if (nameEquals(data, base + idx.offsets[STRIDE * i], base + idx.offsets[STRIDE * i + 1], name)) {
                return value(data, base, idx, i);
            }
        }
        return null;
    }

    @Override
    public List<String> headerValues(String name) {
        Index idx = index();
        byte[] data = readArray();
        int base = arrayBase(data);
        List<String> values = null;
        for (int i = 0; i < idx.count; i++) {
            if (nameEquals(data, base + idx.offsets[STRIDE * i], base + idx.offsets[STRIDE * i + 1], name)) {
                if (values == null) {
                    values = new ArrayList<>(2);
                }
                values.add(value(data, base, idx, i));
            }
        }
        return values == null ? List.of() : Collections.unmodifiableList(values);
    }

    @Override
    public synchronized Map<String, String> headers() {
        if (headerMap == null) {
            Index idx = index();
            byte[] data = readArray();
            int base = arrayBase(data);
            Map<String, String> map = new LinkedHashMap<>(idx.count * 2);
            for (int i = 0; i < idx.count; i++) {
                map.putIfAbsent(name(data, base, idx, i), value(data, base, idx, i));
            }
            headerMap = Collections.unmodifiableMap(map);
        }
        return headerMap;
    }

    @Override
    public String body() {
        Index idx = index();
        if (idx.bodyEnd == idx.bodyStart) {
            return "";
        }
        byte[] data = readArray();
        return new String(data, arrayBase(data) + idx.bodyStart, idx.bodyEnd - idx.bodyStart, StandardCharsets.UTF_8);
    }

    @Override
    public EventFormat format() {
        return EventFormat.PLAIN;
    }
}
