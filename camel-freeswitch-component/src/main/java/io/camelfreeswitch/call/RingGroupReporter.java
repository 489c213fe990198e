package io.camelfreeswitch.call;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * What user code sees of a ring group — its {@link RingGroupListener}s' calls, the completion of its future and of
 * {@link RingGroupFuture#hangupsSent()}, its legs' snapshot — taken off the connection's I/O thread, where the group
 * runs and nothing may block, onto the group's own pool lane, in the order the group reported them. Reports made in
 * one run of the I/O lane go over together: one hand-off, not one per report.
 * <p>
 * Called on the I/O lane only, so it needs no lock.
 */
final class RingGroupReporter {

    private final RingGroupRequest request;
    private final Executor ioLane;
    private final Executor userLane;
    private final Runnable flush = this::flush;
    private List<Runnable> pending = new ArrayList<>();
    private boolean hangupsSent;

    RingGroupReporter(RingGroupRequest request, Executor ioLane, Executor userLane) {
        this.request = request;
        this.ioLane = ioLane;
        this.userLane = userLane;
    }

    /** The group's lane of the connection's pool, where user code hears of it. */
    Executor userLane() {
        return userLane;
    }

    /** Calls the group's listeners (JVM-wide and the request's); nothing is handed off when there are none. */
    void tell(Consumer<RingGroupListener> call) {
        if (RingGroup.hasListeners(request)) {
            report(() -> RingGroup.notifyListeners(request, call));
        }
    }

    <T> void complete(CompletableFuture<T> future, T value) {
        report(() -> future.complete(value));
    }

    /**
     * As {@link #complete}, and when the future turns out to have been cancelled in the meantime (its user gave up on
     * a result already decided), runs {@code ifCancelled}, on the user lane.
     */
    <T> void complete(CompletableFuture<T> future, T value, Runnable ifCancelled) {
        report(() -> {
            if (!future.complete(value) && future.isCancelled()) {
                ifCancelled.run();
            }
        });
    }

    /**
     * Completes {@code result}'s {@link RingGroupFuture#hangupsSent()}; only the first call does anything, and it
     * hands something off only when someone is waiting for it.
     */
    void hangupsSent(RingGroupFuture<?> result) {
        if (!hangupsSent) {
            hangupsSent = true;
            CompletableFuture<Void> waiting = result.hangupsSentState().markSent();
            if (waiting != null) {
                report(() -> waiting.complete(null));
            }
        }
    }

    private void report(Runnable task) {
        pending.add(task);
        if (pending.size() == 1) {
            ioLane.execute(flush); // after what the I/O lane has queued now: the reports made meanwhile join these
        }
    }

    private void flush() {
        List<Runnable> batch = pending;
        pending = new ArrayList<>();
        userLane.execute(() -> batch.forEach(Runnable::run));
    }
}
