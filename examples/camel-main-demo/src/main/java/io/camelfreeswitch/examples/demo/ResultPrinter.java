package io.camelfreeswitch.examples.demo;

import io.camelfreeswitch.call.LegOutcome;
import io.camelfreeswitch.call.LegResult;
import io.camelfreeswitch.call.RingGroupResult;
import io.camelfreeswitch.simulator.ChannelRecord;
import io.camelfreeswitch.simulator.SimulatorLedger;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Prints what the demo did as plain-text tables a newcomer can read at a glance. */
final class ResultPrinter {

    private final PrintStream out;

    ResultPrinter(PrintStream out) {
        this.out = out;
    }

    void title(String text) {
        out.println();
        out.println("== " + text + " " + "=".repeat(Math.max(3, 100 - text.length())));
    }

    void line(String text) {
        out.println(text);
    }

    void agents(Map<String, String> scripted) {
        TextTable table = new TextTable("AGENT", "SCRIPTED BEHAVIOUR");
        scripted.forEach(table::row);
        table.print(out, "");
    }

    void scenario(int number, Scenario scenario, RingGroupResult result) {
        out.println();
        out.printf("%d. %s%n", number, scenario.title());
        out.printf("   %-11s timeout %-4s  ring %s%n", scenario.mode(), scenario.timeout(),
                String.join(", ", scenario.destinations()));
        String answered = result.legs().stream()
                .filter(leg -> leg.outcome() == LegOutcome.ANSWERED)
                .map(leg -> "answered by " + leg.destination() + " after " + seconds(leg.timeToAnswer()))
                .findFirst().orElse("nobody answered");
        out.printf("   -> %-9s  %s; the group took %s%n", result.outcome(), answered, seconds(groupDuration(result)));
        TextTable table = new TextTable("LEG", "DESTINATION", "OUTCOME", "HANG-UP CAUSE", "RANG FOR", "");
        int leg = 1;
        for (LegResult legResult : result.legs()) {
            Duration rang = legResult.endedAt() == null ? null
                    : Duration.between(legResult.ringStarted(), legResult.endedAt());
            String note = legResult.answeredAt() != null
                    ? "answered after " + seconds(legResult.timeToAnswer()) : "";
            table.row(leg++, legResult.destination(), legResult.outcome(),
                    legResult.hangupCause() == null ? "(still up: winner)" : legResult.hangupCause(),
                    seconds(rang), note);
        }
        table.print(out, "   ");
    }

    /** From the first leg's originate to the last leg's end. */
    private static Duration groupDuration(RingGroupResult result) {
        Instant first = result.legs().stream().map(LegResult::ringStarted).min(Instant::compareTo).orElse(null);
        Instant last = result.legs().stream().map(LegResult::endedAt).filter(Objects::nonNull)
                .max(Instant::compareTo).orElse(null);
        return first == null || last == null ? null : Duration.between(first, last);
    }

    void burst(List<RingGroupResult> results, List<String> agents, Duration elapsed) {
        Map<String, Long> answeredBy = results.stream()
                .filter(result -> result.winner() != null)
                .collect(Collectors.groupingBy(result -> result.winner().destination(), TreeMap::new,
                        Collectors.counting()));
        long legs = results.stream().mapToLong(result -> result.legs().size()).sum();
        TextTable table = new TextTable("AGENT", "CALLS", "");
        for (String agent : agents) {
            long calls = answeredBy.getOrDefault(agent, 0L);
            table.row(agent, calls, "#".repeat((int) calls));
        }
        table.print(out, "");
        out.printf("%d groups, %d answered, %d legs rung, in %s%n", results.size(),
                results.stream().filter(result -> result.winner() != null).count(), legs, seconds(elapsed));
    }

    void ledger(SimulatorLedger ledger) {
        List<ChannelRecord> channels = ledger.channels();
        out.printf("channels created %d, answered %d, live now %d%n", channels.size(),
                channels.stream().filter(ChannelRecord::wasAnswered).count(), ledger.liveChannels());
        out.println("hang-up causes:  " + counted(channels, ChannelRecord::hangupCause));
        out.println("hung up by:      " + counted(channels, ChannelRecord::killedBy));
    }

    private static String counted(List<ChannelRecord> channels, Function<ChannelRecord, String> key) {
        return channels.stream()
                .collect(Collectors.groupingBy(channel -> String.valueOf(key.apply(channel)), TreeMap::new,
                        Collectors.counting()))
                .entrySet().stream()
                .map(entry -> entry.getKey() + " " + entry.getValue())
                .collect(Collectors.joining(", "));
    }

    static String seconds(Duration duration) {
        return duration == null ? "-" : String.format(Locale.ROOT, "%.2f s", duration.toMillis() / 1000.0);
    }
}
