package io.camelfreeswitch.esl.internal;

import java.util.Arrays;

/**
 * Where the lines of a plain event's header block end, found one line at a time as lookups need them: a lookup
 * stops at the line it wanted and the next one resumes there, so routing an event by its first headers never reads
 * the rest. One int per line (line {@code i} runs from the end of line {@code i - 1} to {@code end(i)}); offsets count
 * from byte 0 of the event, so they stay valid when the event's bytes move to a copy.
 *
 * <p>Not thread-safe: its owner reads it under a lock until {@link #complete()}, and freely afterwards (the volatile
 * flag is written after every other field).
 */
final class HeaderLines {
    /**
     * The first array is sized from the event's length at a little under the 30-odd bytes captured lines average
     * (a longer guess would mean a copy for most events, a shorter one only unused ints), but never for more lines
     * than a channel event has: a BACKGROUND_JOB's length is mostly its result, which has no header lines.
     */
    private static final int ESTIMATED_LINE_BYTES = 24;
    private static final int MIN_CAPACITY = 16;
    private static final int MAX_FIRST_CAPACITY = 128;

    private int[] ends;
    private int count;
    /** Offset of the first byte not yet indexed. */
    private int next;
    /** Offset of the first byte after the empty line ending the block; -1 when the bytes ended without one. */
    private int bodyStart = -1;
    private volatile boolean complete;

    /** True once every line of the block is indexed. */
    boolean complete() {
        return complete;
    }

    int count() {
        return count;
    }

    /** Offset of the first byte of line {@code i}. */
    int start(int i) {
        return i == 0 ? 0 : ends[i - 1] + 1;
    }

    /** Offset of the LF ending line {@code i} (the event's length for a last line without one); a CR is included. */
    int end(int i) {
        return ends[i];
    }

    /** See {@link #bodyStart}; meaningful once complete. */
    int bodyStart() {
        return bodyStart;
    }

    /**
     * Indexes the next line of the event {@code data[base, base + length)}; false, and complete, when the block has
     * ended (at an empty line or at the end of the bytes).
     */
    boolean readLine(byte[] data, int base, int length) {
        if (complete) {
            return false;
        }
        int start = next;
        if (start >= length) {
            complete = true;
            return false;
        }
        int eol = ByteSearch.indexOf(data, base + start, base + length, (byte) '\n') - base;
        if (eol == start || eol == start + 1 && data[base + start] == '\r') {
            bodyStart = Math.min(eol + 1, length);
            complete = true;
            return false;
        }
        if (ends == null) {
            ends = new int[Math.min(MAX_FIRST_CAPACITY, Math.max(MIN_CAPACITY, length / ESTIMATED_LINE_BYTES))];
        } else if (count == ends.length) {
            ends = Arrays.copyOf(ends, count * 2);
        }
        ends[count++] = eol;
        next = eol + 1;
        return true;
    }

    /** Indexes every line still unread. */
    void readAll(byte[] data, int base, int length) {
        while (readLine(data, base, length)) {
            // each call indexes one line
        }
    }
}
