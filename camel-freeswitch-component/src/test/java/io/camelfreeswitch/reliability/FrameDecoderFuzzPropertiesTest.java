package io.camelfreeswitch.reliability;

import io.camelfreeswitch.esl.EslDecoderException;
import io.camelfreeswitch.esl.internal.EslEvents;
import io.camelfreeswitch.esl.EslFrameTooLargeException;
import io.camelfreeswitch.esl.internal.EslMessage;
import io.camelfreeswitch.esl.NettyLeakDetection;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Property-based fuzzing of the ESL frame decoder and event parsers with jqwik (shrinking to a minimal input when a
 * property fails). The long run with a million inputs is {@link FrameDecoderFuzzRunTest}.
 */
class FrameDecoderFuzzPropertiesTest {

    private static final NettyLeakDetection LEAKS = new NettyLeakDetection();

    @BeforeContainer
    static void watchForLeaks() throws Exception {
        LEAKS.beforeAll(null);
        LEAKS.beforeEach(null);
    }

    @AfterContainer
    static void noBufferLeaked() {
        LEAKS.afterEach(null);
    }

    @Property(tries = 3000)
    void anyInputYieldsFramesOrTheDecodersOwnExceptionAndNothingBeyondTheCaps(
            @ForAll("inputs") FrameFuzzInputs.Input input) {
        DecoderFeeder.Outcome outcome = DecoderFeeder.feed(input.bytes(), input.chunkSizes(),
                FrameFuzzInputs.MAX_HEADER_BLOCK, FrameFuzzInputs.MAX_BODY);
        assertThat(outcome.bodyBytes()).as("bodies come from the input, never from a declared length")
                .isLessThanOrEqualTo(input.bytes().length);
        outcome.frames().forEach(frame -> assertThat(frame.body().length).isLessThanOrEqualTo(FrameFuzzInputs.MAX_BODY));
        if (outcome.rejection() != null) {
            assertThat(outcome.channelOpen()).as("a rejected stream closes the channel").isFalse();
        }
    }

    @Property(tries = 1000)
    void aContentLengthAboveTheCapIsRejectedBeforeAnyBodyByteArrives(
            @ForAll @LongRange(min = FrameFuzzInputs.MAX_BODY + 1L) long declared,
            @ForAll @IntRange(min = 1, max = 64) int chunk) {
        byte[] head = ("Content-Type: api/response\nContent-Length: " + declared + "\n\n")
                .getBytes(StandardCharsets.US_ASCII);
        DecoderFeeder.Outcome outcome = DecoderFeeder.feed(head, List.of(chunk), FrameFuzzInputs.MAX_HEADER_BLOCK,
                FrameFuzzInputs.MAX_BODY);
        assertThat(outcome.rejection()).isInstanceOf(EslFrameTooLargeException.class);
        assertThat(outcome.frames()).isEmpty();
    }

    @Property(tries = 300)
    void aHeaderBlockThatNeverEndsIsCutAtItsCap(@ForAll @IntRange(min = 1, max = 900) int chunk,
            @ForAll @IntRange(min = 1, max = 3) int linesPerKilobyte) {
        StringBuilder endless = new StringBuilder();
        while (endless.length() < FrameFuzzInputs.MAX_HEADER_BLOCK * 3) {
            endless.append("X-Header: ").append("v".repeat(1024 / linesPerKilobyte)).append('\n');
        }
        DecoderFeeder.Outcome outcome = DecoderFeeder.feed(endless.toString().getBytes(StandardCharsets.US_ASCII),
                List.of(chunk), FrameFuzzInputs.MAX_HEADER_BLOCK, FrameFuzzInputs.MAX_BODY);
        assertThat(outcome.rejection()).isInstanceOf(EslFrameTooLargeException.class);
    }

    @Property(tries = 1000)
    void wellFormedFramesComeBackExactlyHoweverTheBytesAreCut(@ForAll("frames") List<Frame> frames,
            @ForAll @Size(min = 1, max = 6) List<@IntRange(min = 1, max = 300) Integer> chunks) {
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        frames.forEach(frame -> wire.writeBytes(frame.encode()));
        DecoderFeeder.Outcome outcome = DecoderFeeder.feed(wire.toByteArray(), chunks,
                FrameFuzzInputs.MAX_HEADER_BLOCK, FrameFuzzInputs.MAX_BODY);
        assertThat(outcome.rejection()).isNull();
        assertThat(outcome.frames()).hasSize(frames.size());
        for (int i = 0; i < frames.size(); i++) {
            EslMessage decoded = outcome.frames().get(i);
            Frame sent = frames.get(i);
            sent.headers().forEach((name, value) -> assertThat(decoded.header(name)).isEqualTo(value));
            assertThat(decoded.body()).isEqualTo(sent.body());
        }
    }

    @Property(tries = 2000)
    void plainEventBodiesOnlyEverRaiseTheDecodersException(
            @ForAll("plainBodies") byte[] body) {
        DecoderFeeder.readEvent(EslMessage.of(body, "Content-Type", "text/event-plain",
                "Content-Length", Integer.toString(body.length)));
    }

    @Property(tries = 2000)
    void jsonEventBodiesAreReadOrRejectedWithTheDecodersException(@ForAll("jsonBodies") byte[] body) {
        EslMessage message = EslMessage.of(body, "Content-Type", "text/event-json",
                "Content-Length", Integer.toString(body.length));
        try {
            EslEvents.fromMessage(message).headers();
        } catch (EslDecoderException expected) {
            assertThat(expected.getMessage()).isNotBlank();
        }
    }

    @Property(tries = 200)
    void deeplyNestedJsonNeitherOverflowsTheStackNorHangs(@ForAll @IntRange(min = 1, max = 200_000) int depth) {
        byte[] body = ("{\"Event-Name\":" + "[".repeat(depth) + "}").getBytes(StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> EslEvents.fromMessage(EslMessage.of(body, "Content-Type", "text/event-json"))
                .headers()).isInstanceOf(EslDecoderException.class);
    }

    @Provide
    Arbitrary<FrameFuzzInputs.Input> inputs() {
        return FrameFuzzInputs.inputs();
    }

    @Provide
    Arbitrary<byte[]> plainBodies() {
        return FrameFuzzInputs.plainEventBody();
    }

    @Provide
    Arbitrary<byte[]> jsonBodies() {
        return FrameFuzzInputs.jsonEventBody();
    }

    @Provide
    Arbitrary<List<Frame>> frames() {
        Arbitrary<String> name = Arbitraries.strings().withCharRange('A', 'z').ofMinLength(1).ofMaxLength(12)
                .filter(n -> !n.equalsIgnoreCase("Content-Length"));
        Arbitrary<String> value = Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(40).map(String::strip);
        Arbitrary<Map<String, String>> headers = Arbitraries.maps(name, value).ofMinSize(1).ofMaxSize(5)
                .map(LinkedHashMap::new);
        Arbitrary<byte[]> body = Arbitraries.bytes().array(byte[].class).ofMaxSize(500);
        return Combinators.combine(headers, body).as(Frame::new).list().ofMinSize(1).ofMaxSize(4);
    }

    /** A frame as FreeSWITCH writes it: headers, Content-Length last when there is a body. */
    record Frame(Map<String, String> headers, byte[] body) {
        byte[] encode() {
            StringBuilder head = new StringBuilder();
            headers.forEach((name, value) -> head.append(name).append(": ").append(value).append('\n'));
            if (body.length > 0) {
                head.append("Content-Length: ").append(body.length).append('\n');
            }
            head.append('\n');
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.writeBytes(head.toString().getBytes(StandardCharsets.US_ASCII));
            out.writeBytes(body);
            return out.toByteArray();
        }
    }
}
