package io.camelfreeswitch.esl.internal;

import io.camelfreeswitch.esl.EslConnection;

import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * One api command ({@code uuid_kill <uuid> <cause>}, {@code originate ...}), built by {@link EslCommands}: its text
 * and what its output, once judged by {@link EslReplies#result}, means. Sent through the connection's public
 * {@code api}/{@code bgapi}, so it travels exactly like a user's command.
 *
 * @param <T> what the output means to the caller
 */
public final class ApiCommand<T> {
    private final String text;
    private final Function<String, T> reading;

    ApiCommand(String text, Function<String, T> reading) {
        this.text = text;
        this.reading = reading;
    }

    /** The command as given to {@code api}/{@code bgapi}, without either word. */
    public String text() {
        return text;
    }

    /**
     * Sends it as {@code bgapi}: FreeSWITCH runs it on a thread of its own and reports in a BACKGROUND_JOB, so the
     * socket is not held while it runs. Fails with the connection's own exception (not wrapped).
     */
    public CompletableFuture<T> bgapi(EslConnection connection) {
        return read(connection.bgapi(text), reading); // the connection judged the job's output
    }

    /** As {@link #bgapi(EslConnection)}, with the caller's {@code Job-UUID} (see {@link EslConnection#bgapi(String, String)}). */
    public CompletableFuture<T> bgapi(EslConnection connection, String jobUuid) {
        return read(connection.bgapi(text, jobUuid), reading);
    }

    /** Sends it as {@code api}, which holds FreeSWITCH's whole socket until it is done: only for quick commands. */
    public CompletableFuture<T> api(EslConnection connection) {
        return read(connection.api(text), this::apiResult);
    }

    /** The output of this command sent as api, judged by {@link EslReplies#result} and read. */
    T apiResult(String output) {
        return reading.apply(EslReplies.result(EslCommands.apiDescription(text), output));
    }

    private CompletableFuture<T> read(CompletableFuture<String> output, Function<String, T> read) {
        CompletableFuture<T> result = new CompletableFuture<>();
        output.whenComplete((value, failure) -> {
            if (failure != null) {
                result.completeExceptionally(failure);
                return;
            }
            try {
                result.complete(read.apply(value));
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        return result;
    }

    @Override
    public String toString() {
        return text;
    }
}
