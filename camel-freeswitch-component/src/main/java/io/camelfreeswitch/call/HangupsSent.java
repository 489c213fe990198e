package io.camelfreeswitch.call;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Whether a ring group's hang-ups are all sent ({@link RingGroupFuture#hangupsSent()}). The future exists only once
 * someone asks for it: a group nobody asks records the fact on the I/O lane and hands nothing to its user lane,
 * while one asked before completes that future there, where user code may run.
 */
final class HangupsSent {

    private static final Object SENT = new Object();

    /** {@code null} (not sent, nobody asked), {@link #SENT}, or the future someone asked for before it was. */
    private final AtomicReference<Object> state = new AtomicReference<>();

    /** The fact as a future of the asker's own (completing it or cancelling it changes nothing here). */
    CompletableFuture<Void> future() {
        while (true) {
            Object now = state.get();
            if (now == SENT) {
                return CompletableFuture.completedFuture(null);
            }
            if (now != null) {
                return asked(now).copy();
            }
            CompletableFuture<Void> asked = new CompletableFuture<>();
            if (state.compareAndSet(null, asked)) {
                return asked.copy();
            }
        }
    }

    /** Records that the hang-ups are sent; returns the future someone waits on, to complete, or {@code null}. */
    CompletableFuture<Void> markSent() {
        while (true) {
            Object now = state.get();
            if (now == SENT) {
                return null;
            }
            if (now != null) {
                state.set(SENT);
                return asked(now);
            }
            if (state.compareAndSet(null, SENT)) {
                return null;
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static CompletableFuture<Void> asked(Object state) {
        return (CompletableFuture<Void>) state;
    }
}
