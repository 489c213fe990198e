package io.camelfreeswitch.esl.internal;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.handler.flush.FlushConsolidationHandler;

/** The handlers of every ESL socket, inbound or outbound, in their order. */
public final class EslPipeline {

    private EslPipeline() {
    }

    /**
     * Frames decoded by {@code decoder} go to {@code handler}. Commands written while frames are being read (a ring
     * group answering its legs' events on the event loop) are flushed together once the read is done: one write to
     * the socket per read instead of one per command; those written in one turn of the event loop at another moment
     * leave together at the end of that turn.
     */
    public static void install(Channel ch, EslFrameDecoder decoder, ChannelHandler handler) {
        ch.pipeline().addLast(new FlushConsolidationHandler(
                FlushConsolidationHandler.DEFAULT_EXPLICIT_FLUSH_AFTER_FLUSHES, true), decoder, handler);
    }
}
