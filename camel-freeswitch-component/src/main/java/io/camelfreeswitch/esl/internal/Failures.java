package io.camelfreeswitch.esl.internal;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** What a failed future's exception stands for, once the wrappers futures add around it are taken off. */
public final class Failures {

    private Failures() {
    }

    /**
     * The cause under every {@link CompletionException} and {@link ExecutionException} (a future completed with one
     * inside a continuation gains one wrapper per stage); {@code failure} itself when it is neither, or a wrapper
     * without a cause.
     */
    public static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
