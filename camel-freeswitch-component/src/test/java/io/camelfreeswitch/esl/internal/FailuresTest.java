package io.camelfreeswitch.esl.internal;

import io.camelfreeswitch.esl.ConnectionLostException;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** What a failed future stands for: the cause under every wrapper the futures put around it, however deep. */
class FailuresTest {

    private final ConnectionLostException lost = new ConnectionLostException("socket closed");

    @Test
    void the_cause_comes_out_from_under_every_completion_and_execution_wrapper() {
        Throwable wrapped = new CompletionException(new ExecutionException(new CompletionException(lost)));

        assertThat(Failures.unwrap(wrapped)).isSameAs(lost);
    }

    @Test
    void what_a_join_or_a_get_throws_unwraps_to_the_failure_the_future_was_given() {
        CompletableFuture<String> failed = CompletableFuture.<String>failedFuture(lost).thenApply(s -> s);

        assertThat(Failures.unwrap(catchThrowable(failed::join))).isSameAs(lost);
        assertThat(Failures.unwrap(catchThrowable(failed::get))).isSameAs(lost);
    }

    @Test
    void a_failure_that_is_no_wrapper_or_a_wrapper_without_a_cause_stays_as_it_is() {
        CompletionException empty = new CompletionException("no cause", null);

        assertThat(Failures.unwrap(lost)).isSameAs(lost);
        assertThat(Failures.unwrap(empty)).isSameAs(empty);
        assertThat(Failures.unwrap(null)).isNull();
    }
}
