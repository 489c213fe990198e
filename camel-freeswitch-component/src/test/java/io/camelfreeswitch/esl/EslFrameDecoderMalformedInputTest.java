package io.camelfreeswitch.esl;

import io.camelfreeswitch.esl.internal.EslFrameDecoder;
import io.camelfreeswitch.esl.internal.EslMessage;
import io.camelfreeswitch.esl.internal.EslEvents;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Garbage in gives the decoder's own exception, a closed channel, no hang and no leaked buffer. */
@ExtendWith(NettyLeakDetection.class)
@Timeout(value = 5, unit = TimeUnit.MINUTES) // a decoder that loops on bad input fails here instead of hanging the build
class EslFrameDecoderMalformedInputTest {

    @Test
    void oversizedContentLengthIsRejectedBeforeTheBodyArrives() {
        EmbeddedChannel channel = new EmbeddedChannel(new EslFrameDecoder(1024, 1000));
        assertThatThrownBy(() -> writePooled(channel, "Content-Type: api/response\nContent-Length: 1001\n\n")).isInstanceOf(EslFrameTooLargeException.class)
                .hasMessageContaining("1001").hasMessageContaining("1000");
        assertThat(channel.isOpen()).isFalse();
        channel.finishAndReleaseAll();
    }

    @Test
    void absurdContentLengthIsTooLargeNotANumberFormatError() {
        EmbeddedChannel channel = new EmbeddedChannel(new EslFrameDecoder());
        assertThatThrownBy(() -> writePooled(channel, "Content-Length: 99999999999999999999\n\n")).isInstanceOf(EslFrameTooLargeException.class);
        channel.finishAndReleaseAll();
    }

    @Test
    void defaultBodyCapIsSixteenMebibytes() {
        EmbeddedChannel channel = new EmbeddedChannel(new EslFrameDecoder());
        writePooled(channel, "Content-Length: " + (16 * 1024 * 1024) + "\n\n");
        channel.checkException();
        writePooled(channel, "x");
        channel.finishAndReleaseAll();

        EmbeddedChannel over = new EmbeddedChannel(new EslFrameDecoder());
        assertThatThrownBy(() -> writePooled(over, "Content-Length: " + (16 * 1024 * 1024 + 1) + "\n\n")).isInstanceOf(EslFrameTooLargeException.class);
        over.finishAndReleaseAll();
    }

    @Test
    void headerBlockWithoutEndIsCutAtItsCap() {
        EmbeddedChannel channel = new EmbeddedChannel(new EslFrameDecoder(64, 1000));
        assertThatThrownBy(() -> writePooled(channel, "X-Long: " + "a".repeat(100))).isInstanceOf(EslFrameTooLargeException.class)
                .hasMessageContaining("header block");
        channel.finishAndReleaseAll();
    }

    @Test
    void lineWithoutColonIsADecoderError() {
        EmbeddedChannel channel = new EmbeddedChannel(new EslFrameDecoder());
        assertThatThrownBy(() -> writePooled(channel, "Content-Type: command/reply\nthis is not a header\n\n")).isInstanceOf(EslDecoderException.class)
                .hasMessageContaining("this is not a header");
        assertThat(channel.isOpen()).isFalse();
        channel.finishAndReleaseAll();
    }

    @Test
    void negativeOrNonNumericContentLengthIsADecoderError() {
        for (String value : List.of("-1", "12a", "", "0x10")) {
            EmbeddedChannel channel = new EmbeddedChannel(new EslFrameDecoder());
            assertThatThrownBy(() -> writePooled(channel, "Content-Length: " + value + "\n\n")).as(value).isInstanceOf(EslDecoderException.class);
            channel.finishAndReleaseAll();
        }
    }

    @Test
    void thousandsOfMutatedAndTruncatedCaptureFramesOnlyEverRaiseTheDecoderException() {
        byte[] capture = Captures.bytes("session-plain.raw.txt");
        Random random = new Random(42);
        int failures = 0;
        for (int round = 0; round < 3000; round++) {
            int from = random.nextInt(capture.length);
            int length = 1 + random.nextInt(Math.min(6000, capture.length - from));
            byte[] sample = Arrays.copyOfRange(capture, from, from + length);
            int mutations = random.nextInt(8);
            for (int m = 0; m < mutations; m++) {
                int at = random.nextInt(sample.length);
                switch (random.nextInt(4)) {
                    case 0 -> sample[at] = (byte) random.nextInt(256);
                    case 1 -> sample[at] = '\n';
                    case 2 -> sample[at] = (byte) ('0' + random.nextInt(10));
                    default -> sample[at] = ':';
                }
            }
            failures += feed(sample, random, new EslFrameDecoder(4096, 64 * 1024)) ? 1 : 0;
        }
        assertThat(failures).as("some mutations must be detected").isPositive();
    }

    @Test
    void randomBytesOnlyEverRaiseTheDecoderException() {
        Random random = new Random(7);
        for (int round = 0; round < 2000; round++) {
            byte[] noise = new byte[1 + random.nextInt(2000)];
            random.nextBytes(noise);
            feed(noise, random, new EslFrameDecoder(1024, 4096));
        }
    }

    /** Feeds bytes in random chunks; true when the decoder rejected them. Any other exception fails the test. */
    private static boolean feed(byte[] data, Random random, EslFrameDecoder decoder) {
        EmbeddedChannel channel = new EmbeddedChannel(decoder);
        boolean rejected = false;
        try {
            int pos = 0;
            while (pos < data.length && channel.isOpen()) {
                int size = Math.min(data.length - pos, 1 + random.nextInt(512));
                ByteBuf buf = PooledByteBufAllocator.DEFAULT.buffer(size);
                buf.writeBytes(data, pos, size);
                pos += size;
                try {
                    channel.writeInbound(buf);
                } catch (EslDecoderException expected) {
                    rejected = true;
                }
                Object frame;
                while ((frame = channel.readInbound()) != null) {
                    assertThat(frame).isInstanceOf(EslMessage.class);
                    EslMessage message = (EslMessage) frame;
                    if (EslEvents.isEvent(message)) {
                        parseLeniently(message);
                    }
                }
            }
        } finally {
            channel.finishAndReleaseAll();
        }
        return rejected;
    }

    private static void parseLeniently(EslMessage message) {
        try {
            EslEvent event = EslEvents.fromMessage(message);
            event.eventName();
            event.headers();
            event.body();
            event.sequence();
        } catch (EslDecoderException expected) {
            // a mutated body may legitimately be unreadable; only the decoder's own exception is allowed
        }
    }

    private static void writePooled(EmbeddedChannel channel, String text) {
        ByteBuf buf = PooledByteBufAllocator.DEFAULT.buffer();
        buf.writeCharSequence(text, StandardCharsets.UTF_8);
        channel.writeInbound(buf);
    }
}
