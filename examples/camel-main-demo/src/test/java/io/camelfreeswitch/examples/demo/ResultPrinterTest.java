package io.camelfreeswitch.examples.demo;

import io.camelfreeswitch.call.LegOutcome;
import io.camelfreeswitch.call.LegResult;
import io.camelfreeswitch.call.RingGroupOutcome;
import io.camelfreeswitch.call.RingGroupResult;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The leg table stays readable with the dial strings of a real FreeSWITCH, which are longer than the simulator's. */
class ResultPrinterTest {

    @Test
    void long_dial_strings_widen_their_column_instead_of_shifting_the_others() {
        Instant start = Instant.parse("2026-01-01T10:00:00Z");
        RingGroupResult result = new RingGroupResult(RingGroupOutcome.NO_ANSWER, null, List.of(
                new LegResult("loopback/1004/default", "a", LegOutcome.BUSY, "USER_BUSY", start, null,
                        start.plusMillis(20)),
                new LegResult("user/bob", "b", LegOutcome.NO_ANSWER, "NO_ANSWER", start.plusMillis(20), null,
                        start.plusMillis(2020))));
        ByteArrayOutputStream printed = new ByteArrayOutputStream();

        new ResultPrinter(new PrintStream(printed, true, StandardCharsets.UTF_8)).scenario(2,
                new Scenario("SEQUENTIAL", "direct:sequential", "SEQUENTIAL", "2s",
                        List.of("loopback/1004/default", "user/bob")), result);

        List<String> table = printed.toString(StandardCharsets.UTF_8).lines()
                .dropWhile(line -> !line.contains("DESTINATION")).toList();
        assertThat(table).hasSize(3);
        assertThat(table.get(1)).contains("loopback/1004/default  BUSY");
        for (String column : List.of("OUTCOME", "HANG-UP CAUSE", "RANG FOR")) {
            int at = table.get(0).indexOf(column);
            assertThat(table.subList(1, 3)).as(column + " starts at " + at + " in every row\n" + String.join("\n", table))
                    .allMatch(row -> row.length() > at && row.charAt(at - 1) == ' ' && row.charAt(at) != ' ');
        }
        assertThat(table.get(2)).endsWith("2.00 s");
    }
}
