package io.camelfreeswitch.call.balancer;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;

/**
 * When a destination (an agent) may be offered a call, as mod_callcenter decides it: at most {@code maxCalls} calls at
 * once (0: no limit), not for {@code wrapUpTime} after one of its calls ended, and not for {@code noAnswerDelay} after
 * it was rung and did not answer. A destination that may not be offered is skipped by the balancer, never rung.
 *
 * @param maxCalls      calls (leases) a destination may hold at once; 0 means no limit
 * @param wrapUpTime    after an answered call of the destination ends, how long it is not offered; zero for none
 * @param noAnswerDelay after the destination was rung and did not answer, how long it is not offered; zero for none
 */
public record DestinationCapacity(int maxCalls, Duration wrapUpTime, Duration noAnswerDelay) {

    /** No limit and no delay: every destination is always offered, as without capacity rules. */
    public static final DestinationCapacity UNLIMITED = new DestinationCapacity(0, Duration.ZERO, Duration.ZERO);

    public DestinationCapacity {
        if (maxCalls < 0) {
            throw new IllegalArgumentException("maxCalls must be 0 (no limit) or more, was " + maxCalls);
        }
        wrapUpTime = notNegative(wrapUpTime, "wrapUpTime");
        noAnswerDelay = notNegative(noAnswerDelay, "noAnswerDelay");
    }

    public boolean isUnlimited() {
        return maxCalls == 0 && wrapUpTime.isZero() && noAnswerDelay.isZero();
    }

    /** How long the destination rests after its lease ended this way; zero for none. */
    public Duration restAfter(LeaseEnd end) {
        return switch (end) {
            case CALL_ENDED -> wrapUpTime;
            case NOT_ANSWERED -> noAnswerDelay;
            case FREED -> Duration.ZERO;
        };
    }

    /**
     * Reads the text form {@code maxCalls=1,wrapUpTime=10s,noAnswerDelay=5s}: any of the three, in any order;
     * durations in {@code ms}, {@code s} or {@code m} (a bare number is milliseconds). What is not given is taken from
     * {@code defaults}.
     */
    public static DestinationCapacity parse(String text, DestinationCapacity defaults) {
        return parse(text, defaults, DestinationCapacity::duration);
    }

    /**
     * As {@link #parse(String, DestinationCapacity)}, its durations read by {@code durations}: a framework reads them
     * as its other options (Camel: {@code 1m30s}) so one header does not take two duration syntaxes.
     */
    public static DestinationCapacity parse(String text, DestinationCapacity defaults,
                                            Function<String, Duration> durations) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(durations, "durations");
        int maxCalls = defaults.maxCalls;
        Duration wrapUp = defaults.wrapUpTime;
        Duration noAnswer = defaults.noAnswerDelay;
        for (String part : text.split("[,;]")) {
            if (part.isBlank()) {
                continue;
            }
            int equals = part.indexOf('=');
            if (equals < 0) {
                throw new IllegalArgumentException(
                        "expected name=value in '" + text + "', e.g. maxCalls=1,wrapUpTime=10s");
            }
            String name = part.substring(0, equals).strip();
            String value = part.substring(equals + 1).strip();
            switch (name) {
                case "maxCalls" -> maxCalls = Integer.parseInt(value);
                case "wrapUpTime" -> wrapUp = durations.apply(value);
                case "noAnswerDelay" -> noAnswer = durations.apply(value);
                default -> throw new IllegalArgumentException("unknown capacity setting '" + name + "' in '" + text
                        + "'; expected maxCalls, wrapUpTime or noAnswerDelay");
            }
        }
        return new DestinationCapacity(maxCalls, wrapUp, noAnswer);
    }

    private static Duration duration(String value) {
        String text = value.toLowerCase(Locale.ROOT);
        if (text.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2).strip()));
        }
        if (text.endsWith("s")) {
            double seconds = Double.parseDouble(text.substring(0, text.length() - 1).strip());
            return Duration.ofMillis(Math.round(seconds * 1000));
        }
        if (text.endsWith("m")) {
            return Duration.ofSeconds(Long.parseLong(text.substring(0, text.length() - 1).strip()) * 60);
        }
        return Duration.ofMillis(Long.parseLong(text));
    }

    private static Duration notNegative(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative, was " + duration);
        }
        return duration;
    }
}
