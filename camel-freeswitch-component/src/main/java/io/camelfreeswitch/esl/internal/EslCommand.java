package io.camelfreeswitch.esl.internal;


import java.util.function.Function;

/**
 * One ESL command, built by {@link EslCommands}: the text that goes on the wire, the name it goes by in logs and
 * errors (never holding a secret), and how its reply frame reads.
 *
 * @param <T> what the reply means to the caller
 */
public final class EslCommand<T> {
    private final String description;
    private final String wire;
    private final Function<EslMessage, T> reading;

    EslCommand(String description, String wire, Function<EslMessage, T> reading) {
        this.description = description;
        this.wire = wire;
        this.reading = reading;
    }

    public String description() {
        return description;
    }

    /** The complete command, terminated. */
    public String wire() {
        return wire;
    }

    /** The reply frame judged and read; throws {@link io.camelfreeswitch.esl.CommandRejectedException} on -ERR. */
    public T reply(EslMessage reply) {
        return reading.apply(reply);
    }

    @Override
    public String toString() {
        return description;
    }
}
