package io.camelfreeswitch.simulator;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a scripted endpoint does when the simulator rings it. Immutable; build one with the static factories or
 * parse the dial-string convention ({@code sim/answer-after-1500}, {@code sim/busy}, ...).
 */
public final class Behaviour {

    /** The families of endpoint behaviour. */
    public enum Kind {
        /** rings (unless the delay is zero), then answers. */
        ANSWER,
        /** early media (pre-answer) first, then answers. */
        EARLY_MEDIA_THEN_ANSWER,
        /** rings until the originate gives up (originate_timeout → NO_ANSWER) or someone hangs it up. */
        NO_ANSWER,
        /** hangs up with a cause before answering (USER_BUSY, CALL_REJECTED...). */
        REJECT,
        /** answers, then the far end hangs up. */
        ANSWER_THEN_HANGUP,
        /** the user is not registered: no channel is created, the originate fails with USER_NOT_REGISTERED. */
        UNREGISTERED
    }

    private static final Pattern ANSWER_AFTER = Pattern.compile("answer-after-(\\d+)");
    private static final Pattern EARLY = Pattern.compile("early-(\\d+)");
    private static final Pattern HANGUP_AFTER = Pattern.compile("hangup-after-(\\d+)");
    private static final Pattern REJECT_CAUSE = Pattern.compile("reject-([A-Z_0-9]+)");
    private static final Pattern ANSWER_PRESS = Pattern.compile("answer-after-(\\d+)-press-([0-9*#]+)-after-(\\d+)");

    private final Kind kind;
    private final Duration delay;       // before answer / before reject / early-media length
    private final Duration hangupAfter; // after answer, for ANSWER_THEN_HANGUP
    private final String cause;
    private final String keys;          // DTMF the callee presses once answered, or null
    private final Duration keysAfter;   // after the answer

    private Behaviour(Kind kind, Duration delay, Duration hangupAfter, String cause) {
        this(kind, delay, hangupAfter, cause, null, Duration.ZERO);
    }

    private Behaviour(Kind kind, Duration delay, Duration hangupAfter, String cause, String keys, Duration keysAfter) {
        this.kind = kind;
        this.delay = delay;
        this.hangupAfter = hangupAfter;
        this.cause = cause;
        this.keys = keys;
        this.keysAfter = keysAfter;
    }

    /**
     * Rings for {@code answerAfter}, answers, and {@code pressAfter} later presses {@code keys} (DTMF, one key after
     * the other): a person confirming a ring group's call. A callee that answers and never presses is
     * {@link #answerAfter(Duration)}.
     */
    public static Behaviour answerThenPress(Duration answerAfter, String keys, Duration pressAfter) {
        Objects.requireNonNull(keys, "keys");
        if (!keys.matches("[0-9*#A-D]+")) {
            throw new IllegalArgumentException("keys must be DTMF (0-9, *, #, A-D), got: " + keys);
        }
        return new Behaviour(Kind.ANSWER, nonNegative(answerAfter), Duration.ZERO, null, keys, nonNegative(pressAfter));
    }

    public static Behaviour answerAfter(Duration delay) {
        return new Behaviour(Kind.ANSWER, nonNegative(delay), Duration.ZERO, null);
    }

    public static Behaviour answerNow() {
        return answerAfter(Duration.ZERO);
    }

    public static Behaviour busy() {
        return reject("USER_BUSY");
    }

    public static Behaviour noAnswer() {
        return new Behaviour(Kind.NO_ANSWER, Duration.ZERO, Duration.ZERO, null);
    }

    public static Behaviour reject(String cause) {
        return rejectAfter(cause, Duration.ZERO);
    }

    /** Rings for {@code after}, then hangs up with {@code cause}. */
    public static Behaviour rejectAfter(String cause, Duration after) {
        Objects.requireNonNull(cause, "cause");
        if (!cause.matches("[A-Z_0-9]+")) {
            throw new IllegalArgumentException("hangup cause must look like CALL_REJECTED, got: " + cause);
        }
        return new Behaviour(Kind.REJECT, nonNegative(after), Duration.ZERO, cause);
    }

    public static Behaviour earlyMediaThenAnswer(Duration earlyMediaFor) {
        return new Behaviour(Kind.EARLY_MEDIA_THEN_ANSWER, nonNegative(earlyMediaFor), Duration.ZERO, null);
    }

    public static Behaviour answerThenHangup(Duration answerAfter, Duration hangupAfter) {
        return new Behaviour(Kind.ANSWER_THEN_HANGUP, nonNegative(answerAfter), nonNegative(hangupAfter), null);
    }

    public static Behaviour unregistered() {
        return new Behaviour(Kind.UNREGISTERED, Duration.ZERO, Duration.ZERO, "USER_NOT_REGISTERED");
    }

    /**
     * Parses the code-free convention: {@code answer}, {@code answer-after-N}, {@code busy}, {@code no-answer},
     * {@code reject-CAUSE}, {@code early-N}, {@code hangup-after-N}, {@code unregistered},
     * {@code answer-after-N-press-KEYS-after-M} (N, M in milliseconds), and
     * the captures' loopback extensions 1001..1005.
     */
    public static Optional<Behaviour> parse(String spec) {
        String s = spec.trim();
        Matcher m;
        switch (s.toLowerCase(Locale.ROOT)) {
            case "answer", "1005" -> {
                return Optional.of(answerNow());
            }
            case "busy", "1004" -> {
                return Optional.of(busy());
            }
            case "no-answer", "noanswer", "1003" -> {
                return Optional.of(noAnswer());
            }
            case "unregistered" -> {
                return Optional.of(unregistered());
            }
            case "1001" -> {
                return Optional.of(answerAfter(Duration.ofSeconds(1)));
            }
            case "1002" -> {
                return Optional.of(answerAfter(Duration.ofSeconds(3)));
            }
            default -> {
                // fall through to the patterns
            }
        }
        if ((m = ANSWER_PRESS.matcher(s)).matches()) {
            return Optional.of(answerThenPress(Duration.ofMillis(Long.parseLong(m.group(1))), m.group(2),
                    Duration.ofMillis(Long.parseLong(m.group(3)))));
        }
        if ((m = ANSWER_AFTER.matcher(s)).matches()) {
            return Optional.of(answerAfter(Duration.ofMillis(Long.parseLong(m.group(1)))));
        }
        if ((m = EARLY.matcher(s)).matches()) {
            return Optional.of(earlyMediaThenAnswer(Duration.ofMillis(Long.parseLong(m.group(1)))));
        }
        if ((m = HANGUP_AFTER.matcher(s)).matches()) {
            return Optional.of(answerThenHangup(Duration.ZERO, Duration.ofMillis(Long.parseLong(m.group(1)))));
        }
        if ((m = REJECT_CAUSE.matcher(s)).matches()) {
            return Optional.of(reject(m.group(1)));
        }
        return Optional.empty();
    }

    private static Duration nonNegative(Duration d) {
        Objects.requireNonNull(d, "duration");
        if (d.isNegative()) {
            throw new IllegalArgumentException("duration must not be negative: " + d);
        }
        return d;
    }

    public Kind kind() {
        return kind;
    }

    /** Delay before answering (ANSWER, ANSWER_THEN_HANGUP), before rejecting (REJECT), or early-media length. */
    public Duration delay() {
        return delay;
    }

    public Duration hangupAfter() {
        return hangupAfter;
    }

    /** The hangup cause for REJECT and UNREGISTERED, else null. */
    public String cause() {
        return cause;
    }

    /** The DTMF keys pressed once answered, or {@code null} when the callee presses nothing. */
    public String keys() {
        return keys;
    }

    /** How long after answering the keys are pressed. */
    public Duration keysAfter() {
        return keysAfter;
    }

    @Override
    public String toString() {
        return switch (kind) {
            case ANSWER -> keys != null ? "answerThenPress(" + delay.toMillis() + "ms, " + keys + " after "
                    + keysAfter.toMillis() + "ms)" : "answerAfter(" + delay.toMillis() + "ms)";
            case EARLY_MEDIA_THEN_ANSWER -> "earlyMediaThenAnswer(" + delay.toMillis() + "ms)";
            case NO_ANSWER -> "noAnswer()";
            case REJECT -> "reject(" + cause + " after " + delay.toMillis() + "ms)";
            case ANSWER_THEN_HANGUP -> "answerThenHangup(" + delay.toMillis() + "ms, " + hangupAfter.toMillis() + "ms)";
            case UNREGISTERED -> "unregistered()";
        };
    }
}
