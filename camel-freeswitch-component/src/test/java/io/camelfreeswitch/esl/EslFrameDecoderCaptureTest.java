package io.camelfreeswitch.esl;

import io.camelfreeswitch.esl.internal.EslMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Every frame of every real FreeSWITCH capture decodes the same however the bytes are split. */
@ExtendWith(NettyLeakDetection.class)
class EslFrameDecoderCaptureTest {

    static List<String> rawFiles() {
        return Captures.RAW_FILES;
    }

    @ParameterizedTest
    @CsvSource({
        "session-plain.raw.txt, 94",
        "session-json.raw.txt, 92",
        "extra-plain.raw.txt, 143",
        "extra-plain-badauth.raw.txt, 3",
        "outbound-plain.raw.txt, 22",
        "outbound-json.raw.txt, 22"})
    void decodesEveryFrameOfTheCapture(String file, int expectedFrames) {
        byte[] data = Captures.bytes(file);
        List<EslMessage> whole = Captures.decodeWhole(data);

        assertThat(whole).hasSize(expectedFrames);
        int consumed = whole.stream().mapToInt(m -> m.body().length).sum();
        assertThat(consumed).as("body bytes").isLessThan(data.length);
        assertThat(whole).allSatisfy(m -> assertThat(m.contentType()).isNotNull());
        assertThat(whole.get(whole.size() - 1).contentType()).isEqualTo("text/disconnect-notice");
    }

    @ParameterizedTest
    @MethodSource("rawFiles")
    void oneByteAtATimeGivesTheSameFramesAsWhole(String file) {
        byte[] data = Captures.bytes(file);
        assertThat(render(Captures.decodeByteByByte(data))).isEqualTo(render(Captures.decodeWhole(data)));
    }

    @ParameterizedTest
    @MethodSource("rawFiles")
    void randomSplitPointsGiveTheSameFramesAsWhole(String file) {
        byte[] data = Captures.bytes(file);
        List<String> expected = render(Captures.decodeWhole(data));
        for (long seed = 1; seed <= 5; seed++) {
            assertThat(render(Captures.decodeRandomSplits(data, seed))).as("seed %d", seed).isEqualTo(expected);
        }
    }

    @Test
    void contentTypesPerFrameMatchTheSessionPlainCapture() {
        Map<String, Long> types = Captures.decodeWhole(Captures.bytes("session-plain.raw.txt")).stream()
                .collect(Collectors.groupingBy(EslMessage::contentType, Collectors.counting()));
        assertThat(types).containsOnly(
                Map.entry("auth/request", 1L),
                Map.entry("command/reply", 6L),
                Map.entry("api/response", 7L),
                Map.entry("text/event-plain", 79L),
                Map.entry("text/disconnect-notice", 1L));
    }

    @Test
    void readsReplyHeadersAndApiBodies() {
        List<EslMessage> frames = Captures.decodeWhole(Captures.bytes("session-plain.raw.txt"));

        assertThat(frames.get(0).contentType()).isEqualTo("auth/request");
        assertThat(frames.get(1).header("Reply-Text")).isEqualTo("+OK accepted");
        assertThat(frames.get(2).contentType()).isEqualTo("api/response");
        assertThat(frames.get(2).header("Content-Length")).isEqualTo("338");
        assertThat(frames.get(2).bodyAsString()).startsWith("UP 0 years").contains("1000 session(s) max");
        EslMessage bgapiReply = frames.get(4);
        assertThat(bgapiReply.header("Reply-Text")).isEqualTo("+OK Job-UUID: f9d063f2-d21d-4e4f-8679-93f8983b531a");
        assertThat(bgapiReply.header("Job-UUID")).isEqualTo("f9d063f2-d21d-4e4f-8679-93f8983b531a");
        EslMessage bye = frames.get(frames.size() - 1);
        assertThat(bye.header("Content-Length")).isEqualTo("67");
        assertThat(bye.bodyAsString()).isEqualTo("Disconnected, goodbye.\nSee you at ClueCon! http://www.cluecon.com/\n");
    }

    @Test
    void apiBodiesWithAndWithoutTrailingNewline() {
        List<EslMessage> frames = Captures.decodeWhole(Captures.bytes("outbound-plain.raw.txt"));
        EslMessage getvar = frames.stream().filter(m -> "api/response".equals(m.contentType())).findFirst().orElseThrow();
        assertThat(getvar.bodyAsString()).isEqualTo("9000");
        assertThat(frames.get(frames.size() - 3).contentType()).isEqualTo("text/disconnect-notice");
        assertThat(frames.get(frames.size() - 3).header("Content-Disposition")).isEqualTo("linger");
        assertThat(frames.get(frames.size() - 3).header("Linger-Time")).isEqualTo("-1");
    }

    @Test
    void logDataFrameHasContentTypeFirstAndAnEmptyUserData() {
        EslMessage log = Captures.decodeWhole(Captures.bytes("extra-plain.raw.txt")).stream()
                .filter(m -> "log/data".equals(m.contentType())).findFirst().orElseThrow();
        assertThat(log.headerName(0)).isEqualTo("Content-Type");
        assertThat(log.header("Log-Level")).isEqualTo("5");
        assertThat(log.header("User-Data")).isEmpty();
        assertThat(log.bodyAsString()).endsWith("hello-from-esl-probe\n").hasSize(84);
    }

    @Test
    void outboundConnectReplyIsOneHeaderBlockWithContentTypeNearTheEnd() {
        EslMessage connect = Captures.decodeWhole(Captures.bytes("outbound-plain.raw.txt")).get(0);
        assertThat(connect.headerName(0)).isEqualTo("Event-Name");
        assertThat(connect.header("Event-Name")).isEqualTo("CHANNEL_DATA");
        assertThat(connect.contentType()).isEqualTo("command/reply");
        assertThat(connect.header("Reply-Text")).isEqualTo("%2BOK%0A");
        assertThat(connect.header("Control")).isEqualTo("full");
        assertThat(connect.headerCount()).isGreaterThan(90);
        assertThat(connect.body()).isEmpty();
    }

    @Test
    void crlfLineEndingsDecodeLikeLf() {
        String lf = "Content-Type: api/response\nContent-Length: 5\n\n+OK\nx"
                + "Content-Type: command/reply\nReply-Text: +OK\n\n";
        String crlf = "Content-Type: api/response\r\nContent-Length: 5\r\n\r\n+OK\nx"
                + "Content-Type: command/reply\r\nReply-Text: +OK\r\n\r\n";
        assertThat(render(Captures.decodeWhole(crlf.getBytes(StandardCharsets.UTF_8))))
                .isEqualTo(render(Captures.decodeWhole(lf.getBytes(StandardCharsets.UTF_8))))
                .hasSize(2);
    }

    @Test
    void contentLengthMayComeAnywhereAndCarryExtraSpaces() {
        byte[] data = "Content-Type: api/response\nX-A: 1\nContent-Length:   3  \nX-B: 2\n\nabc".getBytes(
                StandardCharsets.UTF_8);
        EslMessage m = Captures.decodeByteByByte(data).get(0);
        assertThat(m.bodyAsString()).isEqualTo("abc");
        assertThat(m.header("X-B")).isEqualTo("2");
        assertThat(m.header("Content-Length")).isEqualTo("3");
    }

    @Test
    void repeatedHeadersAreKeptInOrder() {
        EslMessage m = Captures.decodeWhole("A: 1\nB: 2\nA: 3\n\n".getBytes(StandardCharsets.UTF_8)).get(0);
        assertThat(m.headerValues("A")).containsExactly("1", "3");
        assertThat(m.header("A")).isEqualTo("1");
        assertThat(m.headerName(2)).isEqualTo("A");
    }

    @Test
    void utf8InHeadersAndBody() {
        byte[] data = "Content-Type: api/response\nX-Name: Zoë 東京\nContent-Length: 5\n\nçava"
                .getBytes(StandardCharsets.UTF_8);
        EslMessage m = Captures.decodeByteByByte(data).get(0);
        assertThat(m.header("X-Name")).isEqualTo("Zoë 東京");
        assertThat(m.bodyAsString()).isEqualTo("çava");
    }

    private static List<String> render(List<EslMessage> frames) {
        return frames.stream().map(Captures::render).toList();
    }
}
