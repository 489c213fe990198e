package io.camelfreeswitch.esl;

import io.camelfreeswitch.esl.internal.EslEvents;
import io.camelfreeswitch.esl.internal.EslFrameDecoder;
import io.camelfreeswitch.esl.internal.EslMessage;
import io.camelfreeswitch.esl.internal.WireEslEvent;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A decoder that borrows event bodies hands each event its slice of the (pooled, leak-tracked) read buffer: the
 * event reads it until released, or keeps a copy of its own; every read buffer goes back to the pool.
 */
@ExtendWith(NettyLeakDetection.class)
class BorrowedEventBodiesTest {
    private static final String ANSWER = EslFrames.channelEvent("CHANNEL_ANSWER", "chan-1", 7);

    private final EmbeddedChannel channel = new EmbeddedChannel(new EslFrameDecoder(
            EslFrameDecoder.DEFAULT_MAX_HEADER_BLOCK_BYTES, EslFrameDecoder.DEFAULT_MAX_BODY_BYTES, true));
    private final List<ByteBuf> reads = new ArrayList<>();

    @AfterEach
    void everyReadBufferWentBackToThePool() {
        channel.finishAndReleaseAll();
        assertThat(reads).allSatisfy(read -> assertThat(read.refCnt()).isZero());
    }

    /** Writes the bytes as one socket read in a pooled direct buffer, as the client's transport does. */
    private List<EslMessage> read(byte[] bytes, int from, int length) {
        ByteBuf buffer = PooledByteBufAllocator.DEFAULT.directBuffer(length);
        buffer.writeBytes(bytes, from, length);
        reads.add(buffer);
        channel.writeInbound(buffer);
        List<EslMessage> frames = new ArrayList<>();
        Object frame;
        while ((frame = channel.readInbound()) != null) {
            frames.add((EslMessage) frame);
        }
        return frames;
    }

    private List<EslMessage> read(String wire) {
        byte[] bytes = wire.getBytes(StandardCharsets.UTF_8);
        return read(bytes, 0, bytes.length);
    }

    private EslEvent readEvent(String wire) {
        List<EslMessage> frames = read(wire);
        assertThat(frames).hasSize(1);
        return EslEvents.fromMessage(frames.get(0));
    }

    @Test
    void anEventReadsItsReadBufferUntilReleased() {
        EslEvent event = readEvent(ANSWER);
        assertThat(((WireEslEvent) event).isBorrowed()).isTrue();
        assertThat(reads.get(0).refCnt()).as("held by the event alone").isEqualTo(1);
        assertThat(event.eventName()).isEqualTo("CHANNEL_ANSWER");

        EslEvents.release(event);

        assertThat(reads.get(0).refCnt()).isZero();
        assertThatThrownBy(event::uniqueId).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("after its dispatch");
    }

    @Test
    void aKeptEventOutlivesItsReadBuffer() {
        EslEvent event = readEvent(ANSWER);

        EslEvents.keep(event);
        EslEvents.release(event);

        assertThat(reads.get(0).refCnt()).isZero();
        assertThat(((WireEslEvent) event).isBorrowed()).isFalse();
        assertThat(event.headers()).containsEntry("Unique-ID", "chan-1").containsEntry("Event-Sequence", "7");
    }

    @Test
    void repliesAreCopiedSoTheyNeedNoRelease() {
        List<EslMessage> frames = read(EslFrames.reply("+OK accepted") + EslFrames.apiResponse("+OK done\n"));

        assertThat(reads.get(0).refCnt()).isZero();
        assertThat(frames.get(0).header("Reply-Text")).isEqualTo("+OK accepted");
        assertThat(frames.get(1).bodyAsString()).isEqualTo("+OK done\n");
    }

    @Test
    void aMalformedJsonEventGivesItsBufferBack() {
        String body = "{\"Event-Name\": \"CHANNEL_ANSWER\",}";
        List<EslMessage> frames = read("Content-Length: " + body.length() + "\nContent-Type: text/event-json\n\n"
                + body);

        assertThatThrownBy(() -> EslEvents.fromMessage(frames.get(0))).isInstanceOf(EslDecoderException.class);
        assertThat(reads.get(0).refCnt()).isZero();
    }

    @Test
    void aFrameReleasedBeforeItsEventWasMadeGivesItsBufferBack() {
        List<EslMessage> frames = read(ANSWER);
        assertThat(reads.get(0).refCnt()).isEqualTo(1);

        frames.get(0).release();

        assertThat(reads.get(0).refCnt()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"session-plain.raw.txt", "session-json.raw.txt", "extra-plain.raw.txt",
            "outbound-json.raw.txt"})
    void everyCapturedEventReadsTheSameBorrowedAsCopied(String capture) {
        byte[] raw = Captures.bytes(capture);
        List<EslEvent> copied = Captures.decodeWhole(raw).stream().filter(EslEvents::isEvent)
                .map(EslEvents::fromMessage).toList();
        List<Map<String, String>> borrowedHeaders = new ArrayList<>();
        List<String> borrowedBodies = new ArrayList<>();
        Random random = new Random(capture.hashCode());
        for (int pos = 0; pos < raw.length; ) {
            int length = Math.min(raw.length - pos, 1 + random.nextInt(8192));
            for (EslMessage frame : read(raw, pos, length)) {
                if (!EslEvents.isEvent(frame)) {
                    frame.release();
                    continue;
                }
                EslEvent event = EslEvents.fromMessage(frame);
                borrowedHeaders.add(event.headers());
                borrowedBodies.add(event.body());
                EslEvents.release(event);
            }
            pos += length;
        }

        assertThat(borrowedHeaders).hasSize(copied.size()).isNotEmpty();
        for (int i = 0; i < copied.size(); i++) {
            assertThat(borrowedHeaders.get(i)).isEqualTo(copied.get(i).headers());
            assertThat(borrowedBodies.get(i)).isEqualTo(copied.get(i).body());
        }
    }
}
