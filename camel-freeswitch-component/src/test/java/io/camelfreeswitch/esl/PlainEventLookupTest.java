package io.camelfreeswitch.esl;

import io.camelfreeswitch.esl.internal.EslEvents;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reading a plain event: a header is found wherever its line sits and whatever was asked before, lines that are
 * not headers are passed over, repeats keep their order, and readers on several threads see the same event.
 */
@ExtendWith(NettyLeakDetection.class)
class PlainEventLookupTest {

    private static EslEvent plain(String text) {
        return EslEvents.parsePlain(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aHeaderOnTheLastLineWithoutANewlineIsFound() {
        EslEvent event = plain("Event-Name: X\nUnique-ID: abc");
        assertThat(event.uniqueId()).isEqualTo("abc");
        assertThat(event.headerValues("Unique-ID")).containsExactly("abc");
        assertThat(event.headers()).containsExactly(
                Map.entry("Event-Name", "X"), Map.entry("Unique-ID", "abc"));
        assertThat(event.body()).isEmpty();
        assertThat(plain("Event-Name: X\r\nUnique-ID: abc\r").uniqueId()).isEqualTo("abc");
    }

    @Test
    void theNamesEveryListenerAsksForAnswerTheSameWhenAskedAgainAbsentOrEmptyIncluded() {
        EslEvent event = plain("Event-Name: BACKGROUND_JOB\nJob-UUID: \n\n");
        for (int ask = 0; ask < 2; ask++) {
            assertThat(event.eventName()).isEqualTo("BACKGROUND_JOB");
            assertThat(event.uniqueId()).as("absent").isNull();
            assertThat(event.jobUuid()).as("present and empty").isEmpty();
        }
        EslEvent channel = plain("Event-Name: CHANNEL_ANSWER\nUnique-ID: ab%2Dc\n\n");
        assertThat(channel.uniqueId()).isEqualTo("ab-c").isEqualTo(channel.uniqueId()).isEqualTo(channel.header("Unique-ID"));
        assertThat(channel.jobUuid()).isNull();
    }

    @Test
    void aLineWithoutAColonOrWithAnEmptyNameIsNoHeaderAndLookupsGoPastIt() {
        EslEvent event = plain("Event-Name: X\nno colon here\n: nameless\nUnique-ID: abc\n\n");
        assertThat(event.uniqueId()).isEqualTo("abc");
        assertThat(event.header("no colon here")).isNull();
        assertThat(event.header("")).isNull();
        assertThat(event.headerValues("")).isEmpty();
        assertThat(event.headers()).containsOnlyKeys("Event-Name", "Unique-ID");
    }

    @Test
    void repeatedHeadersAnswerFirstForOneValueAndInOrderForAll() {
        EslEvent event = plain("Event-Name: X\nv: 1\nw: a\nv: 2\nv: 3\n\n");
        assertThat(event.header("w")).isEqualTo("a"); // indexes up to the first v's successor only
        assertThat(event.header("v")).isEqualTo("1");
        assertThat(event.headerValues("v")).containsExactly("1", "2", "3");
        assertThat(event.headers()).containsEntry("v", "1").hasSize(3);
    }

    @Test
    void aNameIsWhatPrecedesTheFirstColonSoANameWithAColonMatchesNothing() {
        EslEvent event = plain("Event-Name: X\nCaller-ID: a:b: c\nTime: 12:00\n\n");
        assertThat(event.header("Caller-ID")).isEqualTo("a:b: c");
        assertThat(event.header("Caller-ID: a")).isNull();
        assertThat(event.header("Time")).isEqualTo("12:00");
        assertThat(event.headerValues("Caller-ID: a")).isEmpty();
    }

    @Test
    void nonAsciiNamesAreComparedAsText() {
        EslEvent event = plain("Event-Name: X\nvariable_caf\u00e9: au lait\nvariable_cafe\u0301: other\n"
                + "variable_cafxx: ascii of the same byte length\n\n");
        assertThat(event.variable("caf\u00e9")).isEqualTo("au lait");
        assertThat(event.variable("cafe\u0301")).isEqualTo("other");
        assertThat(event.variable("cafxx")).isEqualTo("ascii of the same byte length");
        assertThat(event.variable("caf")).isNull();
        assertThat(event.headers()).containsEntry("variable_caf\u00e9", "au lait");
    }

    @Test
    void aLookupAfterAPartialReadSeesLinesBeforeAndAfterWhereTheLastOneStopped() {
        EslEvent event = plain("Event-Name: CHANNEL_ANSWER\nCore-UUID: core\nUnique-ID: abc\n"
                + "Answer-State: answered\nvariable_x: 1\nContent-Length: 3\n\n+OK");
        assertThat(event.uniqueId()).isEqualTo("abc");
        assertThat(event.eventName()).isEqualTo("CHANNEL_ANSWER");
        assertThat(event.header("Core-UUID")).isEqualTo("core");
        assertThat(event.answerState()).isEqualTo("answered");
        assertThat(event.header("Missing")).isNull();
        assertThat(event.variable("x")).isEqualTo("1");
        assertThat(event.body()).isEqualTo("+OK");
        assertThat(event.headers()).hasSize(6).containsEntry("Content-Length", "3");
    }

    @Test
    void theBodyIsWhatTheInnerContentLengthCountsAfterTheEmptyLine() {
        EslEvent job = plain("Event-Name: BACKGROUND_JOB\r\nContent-Length: 4\r\n\r\n+OK\nmore");
        assertThat(job.body()).isEqualTo("+OK\n");
        assertThat(job.header("more")).isNull();
        assertThat(plain("Event-Name: X\nContent-Length: 9\n\n+OK").body()).isEqualTo("+OK");
        assertThat(plain("Event-Name: X\nContent-Length: 3x\n\n+OK").body()).isEmpty();
        assertThat(plain("Event-Name: X\nContent-Length: 3\n").body()).isEmpty();
    }

    @Test
    void manyShortLinesAndALargeBodyAreReadWhole() {
        StringBuilder text = new StringBuilder("Event-Name: BACKGROUND_JOB\n");
        for (int i = 0; i < 1000; i++) {
            text.append('h').append(i).append(": ").append(i).append('\n');
        }
        String result = "+OK " + "x".repeat(1 << 20) + "\n";
        EslEvent event = plain(text.append("Content-Length: ").append(result.length()).append("\n\n")
                .append(result).toString());
        assertThat(event.header("h999")).isEqualTo("999");
        assertThat(event.header("h0")).isEqualTo("0");
        assertThat(event.headers()).hasSize(1002);
        assertThat(event.body()).isEqualTo(result);
    }

    @Test
    void twoThreadsReadingOneEventAtOnceSeeTheSameHeaders() throws Exception {
        StringBuilder text = new StringBuilder("Event-Name: CHANNEL_STATE\n");
        for (int i = 0; i < 60; i++) {
            text.append("Header-").append(i).append(": value%20").append(i).append('\n');
        }
        String wire = text.append("Unique-ID: last\n\n").toString();
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 500; round++) {
                EslEvent event = plain(wire);
                CyclicBarrier start = new CyclicBarrier(2);
                int offset = round % 60;
                Future<List<String>> forward = threads.submit(() -> {
                    start.await();
                    List<String> seen = new ArrayList<>();
                    for (int i = 0; i < 60; i++) {
                        seen.add(event.header("Header-" + (i + offset) % 60));
                    }
                    seen.add(event.uniqueId());
                    return seen;
                });
                Future<List<String>> backward = threads.submit(() -> {
                    start.await();
                    List<String> seen = new ArrayList<>();
                    seen.add(event.uniqueId());
                    for (int i = 59; i >= 0; i--) {
                        seen.add(event.header("Header-" + i));
                    }
                    return seen;
                });
                List<String> a = forward.get();
                List<String> b = backward.get();
                for (int i = 0; i < 60; i++) {
                    assertThat(a.get(i)).isEqualTo("value " + (i + offset) % 60);
                    assertThat(b.get(60 - i)).isEqualTo("value " + i);
                }
                assertThat(a.get(60)).isEqualTo("last");
                assertThat(b.get(0)).isEqualTo("last");
            }
        } finally {
            threads.shutdownNow();
        }
    }
}
