package io.camelfreeswitch.esl;

import io.camelfreeswitch.esl.internal.EslFrameDecoder;
import io.camelfreeswitch.esl.internal.EslMessage;
import io.netty.buffer.Unpooled;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.channel.embedded.EmbeddedChannel;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** The real FreeSWITCH 1.10.12 byte captures under src/test/resources/esl-captures, and ways to decode them. */
final class Captures {
    static final List<String> RAW_FILES = List.of("session-plain.raw.txt", "session-json.raw.txt",
            "extra-plain.raw.txt", "extra-plain-badauth.raw.txt", "outbound-plain.raw.txt", "outbound-json.raw.txt");

    private static final UnpooledByteBufAllocator UNTRACKED = new UnpooledByteBufAllocator(false, true);

    private Captures() {
    }

    static byte[] bytes(String file) {
        try (InputStream in = Captures.class.getResourceAsStream("/esl-captures/" + file)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource esl-captures/" + file);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Feeds the bytes to a fresh decoder in chunks of the given sizes (cycled) and returns every frame. */
    static List<EslMessage> decode(byte[] data, int[] chunkSizes) {
        EmbeddedChannel channel = new EmbeddedChannel(new EslFrameDecoder());
        // paranoid leak detection records a stack trace on every access to a tracked cumulation buffer, which makes
        // feeding 300 KB a byte at a time crawl; the malformed-input tests keep tracked buffers
        channel.config().setAllocator(UNTRACKED);
        List<EslMessage> frames = new ArrayList<>();
        int pos = 0;
        int chunk = 0;
        while (pos < data.length) {
            int size = Math.min(chunkSizes[chunk++ % chunkSizes.length], data.length - pos);
            // wrapped, not copied: a tracked buffer per byte would make paranoid leak detection crawl
            channel.writeInbound(Unpooled.wrappedBuffer(data, pos, size));
            pos += size;
            drain(channel, frames);
        }
        channel.checkException();
        channel.finishAndReleaseAll();
        return frames;
    }

    static List<EslMessage> decodeWhole(byte[] data) {
        return decode(data, new int[] {data.length});
    }

    static List<EslMessage> decodeByteByByte(byte[] data) {
        return decode(data, new int[] {1});
    }

    static List<EslMessage> decodeRandomSplits(byte[] data, long seed) {
        Random random = new Random(seed);
        int[] sizes = new int[97];
        for (int i = 0; i < sizes.length; i++) {
            sizes[i] = 1 + random.nextInt(random.nextBoolean() ? 16 : 4096);
        }
        return decode(data, sizes);
    }

    private static void drain(EmbeddedChannel channel, List<EslMessage> frames) {
        Object message;
        while ((message = channel.readInbound()) != null) {
            frames.add((EslMessage) message);
        }
    }

    /** A comparable rendering of a frame: every header in order, then the body. */
    static String render(EslMessage message) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < message.headerCount(); i++) {
            sb.append(message.headerName(i)).append(": ").append(message.headerValue(i)).append('\n');
        }
        return sb.append('\n').append(message.bodyAsString()).toString();
    }
}
