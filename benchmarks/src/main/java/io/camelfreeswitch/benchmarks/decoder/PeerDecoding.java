package io.camelfreeswitch.benchmarks.decoder;

import io.netty.channel.ChannelHandler;
import link.thingscloud.freeswitch.esl.transport.event.EslEvent;
import link.thingscloud.freeswitch.esl.transport.message.EslFrameDecoder;
import link.thingscloud.freeswitch.esl.transport.message.EslMessage;
import org.openjdk.jmh.infra.Blackhole;

import java.util.List;
import java.util.Map;

/**
 * What a user of {@code link.thingscloud:freeswitch-esl:2.2.0} gets for each frame: its {@code InboundChannelHandler}
 * turns {@code text/event-plain} (and xml) messages into an {@code EslEvent} (every header URL-decoded into a HashMap)
 * and passes every other content type, {@code text/event-json} included, on as the raw message.
 */
final class PeerDecoding {
    private PeerDecoding() {
    }

    static ChannelHandler newDecoder() {
        return new EslFrameDecoder(8192);
    }

    static void routing(Object msg, Blackhole bh) {
        EslMessage message = (EslMessage) msg;
        if (!"text/event-plain".equals(message.getContentType())) {
            bh.consume(message.getBodyLines());
            return;
        }
        EslEvent event = new EslEvent(message);
        Map<String, String> headers = event.getEventHeaders();
        String name = event.getEventName();
        bh.consume(name);
        if ("BACKGROUND_JOB".equals(name)) {
            bh.consume(headers.get("Job-UUID"));
            bh.consume(event.getEventBodyLines());
        } else {
            bh.consume(headers.get("Unique-ID"));
            bh.consume(headers.get("variable_call_uuid"));
        }
    }

    static void allHeaders(Object msg, Blackhole bh) {
        EslMessage message = (EslMessage) msg;
        if (!"text/event-plain".equals(message.getContentType())) {
            List<String> lines = message.getBodyLines();
            for (String line : lines) {
                bh.consume(line);
            }
            return;
        }
        EslEvent event = new EslEvent(message);
        for (Map.Entry<String, String> header : event.getEventHeaders().entrySet()) {
            bh.consume(header.getValue());
        }
        bh.consume(event.getEventBodyLines());
    }
}
