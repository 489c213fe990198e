package io.camelfreeswitch.call;

import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whether a group's hang-ups are sent is a fact recorded where the group runs; it becomes a future of the user's
 * only when asked. Asked before, the group gets that future back to complete where user code may run; asked after,
 * the user gets it complete at once; never asked, nothing is handed anywhere.
 */
class HangupsSentTest {

    private final HangupsSent sent = new HangupsSent();

    @Test
    void nobody_asked_nothing_to_complete_and_whoever_asks_later_finds_it_done() {
        assertThat(sent.markSent()).isNull();

        assertThat(sent.future()).isCompleted();
    }

    @Test
    void asked_before_the_group_gets_that_future_back_to_complete_and_the_asker_hears_of_it() {
        CompletableFuture<Void> asked = sent.future();
        CompletableFuture<Void> askedAgain = sent.future();
        assertThat(asked).isNotDone();

        CompletableFuture<Void> toComplete = sent.markSent();
        assertThat(toComplete).isNotNull();
        assertThat(asked).as("not before the group completes it where user code runs").isNotDone();
        toComplete.complete(null);

        assertThat(asked).isCompleted();
        assertThat(askedAgain).isCompleted();
        assertThat(sent.future()).isCompleted();
    }

    @Test
    void marked_twice_it_is_completed_once() {
        sent.future();
        assertThat(sent.markSent()).isNotNull();

        assertThat(sent.markSent()).isNull();
    }

    @Test
    void an_asker_cancelling_its_future_changes_nothing_for_the_others() {
        sent.future().cancel(false);
        CompletableFuture<Void> other = sent.future();

        sent.markSent().complete(null);

        assertThat(other).isCompleted();
    }
}
