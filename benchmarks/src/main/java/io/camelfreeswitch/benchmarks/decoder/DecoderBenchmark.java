package io.camelfreeswitch.benchmarks.decoder;

import io.camelfreeswitch.benchmarks.decoder.CapturedEvents.Format;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;

/**
 * Bytes to events, side by side: this project's decoder, the decoder of {@code link.thingscloud:freeswitch-esl:2.2.0}
 * and a floor that only finds every line end. One operation is one event (a stream of
 * {@link CapturedEvents#EVENTS_PER_STREAM} real frames fed in socket-sized chunks), so {@code ops/s} is events/s and
 * {@code gc.alloc.rate.norm} is bytes allocated per event.
 *
 * <p>Both decoders run in an {@link EmbeddedChannel} fed the same chunks, so Netty's cumulation of a frame split across
 * reads is paid by both. What each "routing" consumer touches is what a ring group needs of an event: its name, the
 * channel (or job) id and one channel variable, plus the job result of a BACKGROUND_JOB. The "allHeaders" consumers
 * read every header value, proving nothing was skipped.
 *
 * <p>The peer builds its {@code EslEvent} from each message exactly as its {@code InboundChannelHandler} does, which
 * URL-decodes every header eagerly. It has no JSON event parser: its client hands {@code text/event-json} frames over
 * as raw body lines, which its user then parses; for JSON the peer's figure is its framing plus Jackson
 * ({@code ObjectMapper.readValue(body, Map)}), the usual way.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 6, time = 2)
@Measurement(iterations = 6, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m", "-Dio.netty.leakDetection.level=disabled"})
@OperationsPerInvocation(CapturedEvents.EVENTS_PER_STREAM)
public class DecoderBenchmark {

    @Param({"PLAIN", "JSON"})
    public Format format;

    /** What one socket read hands the decoder; frames straddle chunk boundaries as they do on a real socket. */
    @Param({"16384"})
    public int chunkBytes;

    private byte[][] chunks;
    private EmbeddedChannel oursRouting;
    private EmbeddedChannel oursAllHeaders;
    private EmbeddedChannel oursCopiedRouting;
    private EmbeddedChannel peerRouting;
    private EmbeddedChannel peerAllHeaders;
    private final Consumer[] consumers = new Consumer[5];

    @Setup(Level.Trial)
    public void setUp() {
        byte[] stream = CapturedEvents.stream(format);
        int count = (stream.length + chunkBytes - 1) / chunkBytes;
        chunks = new byte[count][];
        for (int i = 0; i < count; i++) {
            chunks[i] = Arrays.copyOfRange(stream, i * chunkBytes, Math.min(stream.length, (i + 1) * chunkBytes));
        }
        consumers[0] = new Consumer(OurDecoding::routing);
        consumers[1] = new Consumer(OurDecoding::allHeaders);
        consumers[2] = new Consumer(PeerDecoding::routing);
        consumers[3] = new Consumer(PeerDecoding::allHeaders);
        consumers[4] = new Consumer(OurDecoding::routing);
        oursRouting = new EmbeddedChannel(OurDecoding.newDecoder(), consumers[0]);
        oursAllHeaders = new EmbeddedChannel(OurDecoding.newDecoder(), consumers[1]);
        peerRouting = new EmbeddedChannel(PeerDecoding.newDecoder(), consumers[2]);
        peerAllHeaders = new EmbeddedChannel(PeerDecoding.newDecoder(), consumers[3]);
        oursCopiedRouting = new EmbeddedChannel(OurDecoding.newCopyingDecoder(), consumers[4]);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        for (Consumer c : consumers) {
            if (c.events % CapturedEvents.EVENTS_PER_STREAM != 0) {
                throw new IllegalStateException("a decoder lost events: " + c.events);
            }
        }
        oursRouting.finishAndReleaseAll();
        oursAllHeaders.finishAndReleaseAll();
        peerRouting.finishAndReleaseAll();
        peerAllHeaders.finishAndReleaseAll();
        oursCopiedRouting.finishAndReleaseAll();
    }

    /** Touches every byte once, finding each line end of headers and bodies; decodes nothing. */
    @Benchmark
    public int floor() {
        int lineEnds = 0;
        for (byte[] chunk : chunks) {
            for (byte b : chunk) {
                if (b == '\n') {
                    lineEnds++;
                }
            }
        }
        return lineEnds;
    }

    @Benchmark
    public void oursRouting(Blackhole bh) {
        feed(oursRouting, consumers[0], bh);
    }

    @Benchmark
    public void oursAllHeaders(Blackhole bh) {
        feed(oursAllHeaders, consumers[1], bh);
    }

    /** {@link #oursRouting} with every body copied out of the read buffer instead of borrowed from it. */
    @Benchmark
    public void oursCopiedRouting(Blackhole bh) {
        feed(oursCopiedRouting, consumers[4], bh);
    }

    @Benchmark
    public void peerRouting(Blackhole bh) {
        feed(peerRouting, consumers[2], bh);
    }

    @Benchmark
    public void peerAllHeaders(Blackhole bh) {
        feed(peerAllHeaders, consumers[3], bh);
    }

    private void feed(EmbeddedChannel channel, Consumer consumer, Blackhole bh) {
        consumer.bh = bh;
        for (byte[] chunk : chunks) {
            channel.pipeline().fireChannelRead(Unpooled.wrappedBuffer(chunk));
            channel.pipeline().fireChannelReadComplete();
        }
    }

    interface Touch {
        void touch(Object message, Blackhole bh);
    }

    /** The end of the pipeline: hands each decoded message to the code that reads it, instead of queueing it. */
    @ChannelHandler.Sharable
    static final class Consumer extends ChannelInboundHandlerAdapter {
        private final Touch touch;
        Blackhole bh;
        long events;

        Consumer(Touch touch) {
            this.touch = touch;
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            touch.touch(msg, bh);
            events++;
        }
    }
}
