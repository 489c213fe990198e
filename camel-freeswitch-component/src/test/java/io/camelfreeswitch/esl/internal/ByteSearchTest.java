package io.camelfreeswitch.esl.internal;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Finding a byte eight at a time gives the same answer as looking at every byte in turn, wherever the byte sits
 * relative to the 8-byte words, whatever the bytes around it (high bytes included), and never reads outside the
 * range asked for.
 */
class ByteSearchTest {

    @Property(tries = 3000)
    void findsTheFirstOccurrenceWithinTheRangeOrReportsTheRangeEnd(@ForAll("bytes") byte[] data,
            @ForAll @IntRange(max = 80) int from, @ForAll @IntRange(max = 80) int length, @ForAll("sought") byte b) {
        int start = Math.min(from, data.length);
        int end = Math.min(data.length, start + length);
        int expected = end;
        for (int i = start; i < end; i++) {
            if (data[i] == b) {
                expected = i;
                break;
            }
        }
        assertThat(ByteSearch.indexOf(data, start, end, b)).isEqualTo(expected);
    }

    @Property(tries = 3000)
    void findsTheFirstByteThatEndsAPlainJsonStringRun(@ForAll("bytes") byte[] data,
            @ForAll @IntRange(max = 80) int from, @ForAll @IntRange(max = 80) int length) {
        int start = Math.min(from, data.length);
        int end = Math.min(data.length, start + length);
        int expected = end;
        for (int i = start; i < end; i++) {
            byte b = data[i];
            if (b == '"' || b == '\\' || b >= 0 && b < 0x20) {
                expected = i;
                break;
            }
        }
        assertThat(ByteSearch.indexOfJsonStringSpecial(data, start, end)).isEqualTo(expected);
    }

    @Example
    void aMatchJustPastTheRangeIsNotReported() {
        byte[] data = "0123456789abcdef\n".getBytes(StandardCharsets.US_ASCII);
        assertThat(ByteSearch.indexOf(data, 0, 16, (byte) '\n')).isEqualTo(16);
        assertThat(ByteSearch.indexOf(data, 3, 16, (byte) '\n')).isEqualTo(16);
        assertThat(ByteSearch.indexOfJsonStringSpecial(data, 1, 16)).isEqualTo(16);
        assertThat(ByteSearch.indexOfJsonStringSpecial(data, 1, 17)).isEqualTo(16);
    }

    @Example
    void everyPositionOfAWordIsSeen() {
        for (int at = 0; at < 24; at++) {
            byte[] data = "abcdefghijklmnopqrstuvwx".getBytes(StandardCharsets.US_ASCII);
            data[at] = ':';
            assertThat(ByteSearch.indexOf(data, 0, data.length, (byte) ':')).as("at %d", at).isEqualTo(at);
            data[at] = 0x1f;
            assertThat(ByteSearch.indexOfJsonStringSpecial(data, 0, data.length)).as("at %d", at).isEqualTo(at);
        }
    }

    /** Mostly bytes that look like the sought ones or their neighbours, so hits, near misses and borrows abound. */
    @Provide
    Arbitrary<byte[]> bytes() {
        Arbitrary<Byte> interesting = Arbitraries.of((byte) '\n', (byte) '\r', (byte) ':', (byte) '"', (byte) '\\',
                (byte) '%', (byte) 0x00, (byte) 0x01, (byte) 0x1f, (byte) 0x20, (byte) 0x21, (byte) 0x7f,
                (byte) 0x80, (byte) 0x8a, (byte) 0xc3, (byte) 0xff, (byte) 'a');
        return Arbitraries.frequencyOf(
                        Tuple.of(3, interesting),
                        Tuple.of(2, Arbitraries.bytes()))
                .array(byte[].class).ofMaxSize(90);
    }

    @Provide
    Arbitrary<Byte> sought() {
        return Arbitraries.of((byte) '\n', (byte) ':', (byte) '%', (byte) '\\', (byte) 0x00, (byte) 0x80,
                (byte) 0xff);
    }
}
