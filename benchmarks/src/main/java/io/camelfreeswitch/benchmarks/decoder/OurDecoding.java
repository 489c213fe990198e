package io.camelfreeswitch.benchmarks.decoder;

import io.camelfreeswitch.esl.EslEvent;
import io.camelfreeswitch.esl.internal.EslEvents;
import io.camelfreeswitch.esl.internal.EslFrameDecoder;
import io.camelfreeswitch.esl.internal.EslMessage;
import io.netty.channel.ChannelHandler;
import org.openjdk.jmh.infra.Blackhole;

import java.util.Map;

/**
 * What this project's client does with each frame: the decoder borrows event bodies from the read buffer, the event
 * is read where it is dispatched and released when its dispatch ends (as {@code EventDispatcher} does for its own
 * readers).
 */
final class OurDecoding {
    private OurDecoding() {
    }

    static ChannelHandler newDecoder() {
        return new EslFrameDecoder(EslFrameDecoder.DEFAULT_MAX_HEADER_BLOCK_BYTES, EslFrameDecoder.DEFAULT_MAX_BODY_BYTES,
                true);
    }

    /** The decoder as tests and tools use it: every body copied onto the heap, nothing to release. */
    static ChannelHandler newCopyingDecoder() {
        return new EslFrameDecoder();
    }

    static void routing(Object msg, Blackhole bh) {
        EslEvent event = EslEvents.fromMessage((EslMessage) msg);
        String name = event.eventName();
        bh.consume(name);
        if ("BACKGROUND_JOB".equals(name)) {
            bh.consume(event.jobUuid());
            bh.consume(event.body());
        } else {
            bh.consume(event.uniqueId());
            bh.consume(event.variable("call_uuid"));
        }
        EslEvents.release(event);
    }

    static void allHeaders(Object msg, Blackhole bh) {
        EslEvent event = EslEvents.fromMessage((EslMessage) msg);
        for (Map.Entry<String, String> header : event.headers().entrySet()) {
            bh.consume(header.getValue());
        }
        bh.consume(event.body());
        EslEvents.release(event);
    }
}
