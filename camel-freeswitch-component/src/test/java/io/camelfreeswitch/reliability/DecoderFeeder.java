package io.camelfreeswitch.reliability;

import io.camelfreeswitch.esl.EslDecoderException;
import io.camelfreeswitch.esl.EslEvent;
import io.camelfreeswitch.esl.internal.EslEvents;
import io.camelfreeswitch.esl.internal.EslFrameDecoder;
import io.camelfreeswitch.esl.internal.EslMessage;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.embedded.EmbeddedChannel;

import java.util.ArrayList;
import java.util.List;

/**
 * Feeds bytes to a real {@link EslFrameDecoder} in a Netty pipeline, cut into the given socket reads, and parses every
 * event frame it yields. Anything other than the decoder's own {@link EslDecoderException} escapes as a failure.
 */
final class DecoderFeeder {

    /** What came out: the frames, whether the decoder rejected the stream, and the body bytes it materialised. */
    record Outcome(List<EslMessage> frames, EslDecoderException rejection, long bodyBytes, boolean channelOpen) {
    }

    private DecoderFeeder() {
    }

    static Outcome feed(byte[] data, List<Integer> chunkSizes, int maxHeaderBlock, int maxBody) {
        EmbeddedChannel channel = new EmbeddedChannel(new EslFrameDecoder(maxHeaderBlock, maxBody));
        List<EslMessage> frames = new ArrayList<>();
        EslDecoderException rejection = null;
        long bodyBytes = 0;
        try {
            int pos = 0;
            int chunk = 0;
            while (pos < data.length && channel.isOpen()) {
                int size = Math.min(data.length - pos, chunkSizes.get(chunk++ % chunkSizes.size()));
                ByteBuf buf = PooledByteBufAllocator.DEFAULT.buffer(size);
                buf.writeBytes(data, pos, size);
                pos += size;
                try {
                    channel.writeInbound(buf);
                } catch (EslDecoderException e) {
                    rejection = e;
                }
                Object frame;
                while ((frame = channel.readInbound()) != null) {
                    if (!(frame instanceof EslMessage message)) {
                        throw new AssertionError("decoder produced " + frame.getClass());
                    }
                    frames.add(message);
                    bodyBytes += message.body().length;
                    if (EslEvents.isEvent(message)) {
                        readEvent(message);
                    }
                }
            }
            return new Outcome(frames, rejection, bodyBytes, channel.isOpen());
        } finally {
            channel.finishAndReleaseAll();
        }
    }

    /** Reads everything an application would read from an event; only the decoder's exception is tolerated. */
    static void readEvent(EslMessage message) {
        try {
            EslEvent event = EslEvents.fromMessage(message);
            event.eventName();
            event.uniqueId();
            event.jobUuid();
            event.headers();
            event.headerValues("Event-Name");
            event.body();
            event.sequence();
            event.hangupCause();
        } catch (EslDecoderException expected) {
            // an unreadable body is reported with the decoder's own exception, which is allowed
        }
    }
}
