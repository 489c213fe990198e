package io.camelfreeswitch.benchmarks.decoder;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
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
 * and passes every other content type, {@code text/event-json} included, on as the raw message, split into body
 * lines. Its users must parse JSON events themselves; here they do what most would: Jackson into a Map.
 */
final class PeerDecoding {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private PeerDecoding() {
    }

    private static Map<String, Object> parseJson(EslMessage message) {
        List<String> lines = message.getBodyLines();
        String body = lines.size() == 1 ? lines.get(0) : String.join("\n", lines);
        try {
            return JSON.readValue(body, MAP);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("peer JSON event unreadable", e);
        }
    }

    static ChannelHandler newDecoder() {
        return new EslFrameDecoder(8192);
    }

    static void routing(Object msg, Blackhole bh) {
        EslMessage message = (EslMessage) msg;
        if (!"text/event-plain".equals(message.getContentType())) {
            Map<String, Object> json = parseJson(message);
            Object name = json.get("Event-Name");
            bh.consume(name);
            if ("BACKGROUND_JOB".equals(name)) {
                bh.consume(json.get("Job-UUID"));
                bh.consume(json.get("_body"));
            } else {
                bh.consume(json.get("Unique-ID"));
                bh.consume(json.get("variable_call_uuid"));
            }
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
            for (Map.Entry<String, Object> header : parseJson(message).entrySet()) {
                bh.consume(header.getValue());
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
