package io.camelfreeswitch.esl.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Finds a byte eight at a time (SWAR: one {@code long} read tells whether, and where, any of its eight bytes is the
 * one sought), as {@code String.indexOf} does with its vector intrinsics. Event lines are tens of bytes long, so
 * reading them a byte at a time was most of the cost of reading an event.
 */
final class ByteSearch {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGH_BITS = 0x8080808080808080L;
    private static final long QUOTES = '"' * ONES;
    private static final long BACKSLASHES = '\\' * ONES;
    private static final long CONTROL_LIMIT = 0x20 * ONES;

    private ByteSearch() {
    }

    /** Index of the first {@code b} in {@code data[from, to)}, or {@code to} when there is none. */
    static int indexOf(byte[] data, int from, int to, byte b) {
        if (to - from < Long.BYTES) {
            for (int i = from; i < to; i++) {
                if (data[i] == b) {
                    return i;
                }
            }
            return to;
        }
        long pattern = (b & 0xffL) * ONES;
        int i = from;
        for (; i <= to - Long.BYTES; i += Long.BYTES) {
            int found = firstZeroByte((long) LONGS.get(data, i) ^ pattern);
            if (found < Long.BYTES) {
                return i + found;
            }
        }
        if (i < to) {
            // the last eight bytes, overlapping those already seen (none of which matched)
            int found = firstZeroByte((long) LONGS.get(data, to - Long.BYTES) ^ pattern);
            if (found < Long.BYTES) {
                return to - Long.BYTES + found;
            }
        }
        return to;
    }

    /**
     * Index of the first byte in {@code data[from, to)} that ends or interrupts a JSON string's plain run: a quote, a
     * backslash or a control character (below 0x20; bytes of multi-byte UTF-8 characters are not); {@code to} when
     * there is none.
     */
    static int indexOfJsonStringSpecial(byte[] data, int from, int to) {
        int i = from;
        for (; i <= to - Long.BYTES; i += Long.BYTES) {
            long word = (long) LONGS.get(data, i);
            // each term marks its lowest hit exactly and false hits only above a true one, so the lowest mark of
            // the three together is the first special byte
            long marks = zeroBytes(word ^ QUOTES) | zeroBytes(word ^ BACKSLASHES)
                    | (word - CONTROL_LIMIT) & ~word & HIGH_BITS;
            if (marks != 0) {
                return i + (Long.numberOfTrailingZeros(marks) >>> 3);
            }
        }
        for (; i < to; i++) {
            byte b = data[i];
            if (b == '"' || b == '\\' || b >= 0 && b < 0x20) {
                return i;
            }
        }
        return to;
    }

    private static long zeroBytes(long word) {
        return (word - ONES) & ~word & HIGH_BITS;
    }

    /**
     * Position (0–7, little-endian) of the lowest zero byte of {@code word}, 8 when none is. The classic test marks
     * the lowest zero byte exactly (a borrow can only mark bytes above it), which is the one we need.
     */
    private static int firstZeroByte(long word) {
        return Long.numberOfTrailingZeros(zeroBytes(word)) >>> 3;
    }
}
