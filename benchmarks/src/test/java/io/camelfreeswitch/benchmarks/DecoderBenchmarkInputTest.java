package io.camelfreeswitch.benchmarks;

import io.camelfreeswitch.benchmarks.decoder.CapturedEvents;
import io.camelfreeswitch.benchmarks.decoder.CapturedEvents.Format;
import io.camelfreeswitch.esl.EslEvent;
import io.camelfreeswitch.esl.internal.EslEvents;
import io.camelfreeswitch.esl.internal.EslFrameDecoder;
import io.camelfreeswitch.esl.internal.EslMessage;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The decoder benchmark measures what it claims: both decoders read the same 100 real channel and job events. */
class DecoderBenchmarkInputTest {

    @ParameterizedTest
    @EnumSource(Format.class)
    void theStreamHoldsOneHundredChannelOrJobEventsThatOurDecoderReadsInFull(Format format) {
        List<EslEvent> events = new ArrayList<>();
        for (Object message : decode(new EmbeddedChannel(new EslFrameDecoder()), format)) {
            events.add(EslEvents.fromMessage((EslMessage) message));
        }

        assertThat(events).hasSize(CapturedEvents.EVENTS_PER_STREAM);
        assertThat(events).allSatisfy(event -> {
            assertThat(event.eventName()).matches("CHANNEL_[A-Z_]+|BACKGROUND_JOB");
            assertThat(event.headers()).containsKey("Event-Sequence").hasSizeGreaterThan(15);
            if (event.eventName().equals("BACKGROUND_JOB")) {
                assertThat(event.jobUuid()).isNotBlank();
                assertThat(event.body()).isNotBlank();
            } else {
                assertThat(event.uniqueId()).isNotBlank();
            }
        });
        assertThat(events).extracting(EslEvent::eventName).contains("CHANNEL_ANSWER", "CHANNEL_CREATE",
                "CHANNEL_HANGUP_COMPLETE", "BACKGROUND_JOB");
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void thePeerDecoderFramesTheSameEventsAndItsUserCanReadEachOne(Format format) throws Exception {
        List<Object> messages = decode(new EmbeddedChannel(
                new link.thingscloud.freeswitch.esl.transport.message.EslFrameDecoder(8192)), format);

        assertThat(messages).hasSize(CapturedEvents.EVENTS_PER_STREAM);
        if (format == Format.PLAIN) {
            assertThat(messages).allSatisfy(message -> {
                var peerEvent = new link.thingscloud.freeswitch.esl.transport.event.EslEvent(
                        (link.thingscloud.freeswitch.esl.transport.message.EslMessage) message);
                assertThat(peerEvent.getEventName()).matches("CHANNEL_[A-Z_]+|BACKGROUND_JOB");
            });
        } else {
            var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
            for (Object message : messages) {
                var lines = ((link.thingscloud.freeswitch.esl.transport.message.EslMessage) message).getBodyLines();
                assertThat(mapper.readTree(String.join("\n", lines)).get("Event-Name").asText())
                        .matches("CHANNEL_[A-Z_]+|BACKGROUND_JOB");
            }
        }
    }

    private static List<Object> decode(EmbeddedChannel channel, Format format) {
        byte[] stream = CapturedEvents.stream(format);
        for (int from = 0; from < stream.length; from += 16384) {
            int to = Math.min(stream.length, from + 16384);
            channel.writeInbound(Unpooled.wrappedBuffer(stream, from, to - from));
        }
        List<Object> messages = new ArrayList<>();
        for (Object m = channel.readInbound(); m != null; m = channel.readInbound()) {
            messages.add(m);
        }
        assertThat(channel.finish()).isFalse();
        return messages;
    }
}
