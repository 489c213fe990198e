package io.camelfreeswitch.simulator.internal;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Delayed;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The switch core's one thread: everything that changes the switch's state runs here, one task at a time, which
 * keeps the event order deterministic; scripted delays are scheduled, never slept. A task that throws is logged and
 * the thread goes on.
 */
final class CoreExecutor {

    private final ScheduledThreadPoolExecutor executor;
    private final ScheduledExecutorService timers;

    /** {@code timers}: where delays are counted, or {@code null} for this thread's own real-time queue. */
    CoreExecutor(ScheduledExecutorService timers) {
        this.timers = timers;
        ScheduledThreadPoolExecutor ex = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "freeswitch-simulator-core");
            t.setDaemon(true);
            return t;
        });
        ex.setRemoveOnCancelPolicy(true);
        this.executor = ex;
    }

    void execute(Runnable r) {
        try {
            executor.execute(guard(r));
        } catch (RejectedExecutionException ignored) {
            // shut down: nothing more to simulate
        }
    }

    ScheduledFuture<?> schedule(Runnable r, long delay, TimeUnit unit) {
        try {
            if (timers != null) {
                return timers.schedule(() -> execute(r), delay, unit);
            }
            return executor.schedule(guard(r), delay, unit);
        } catch (RejectedExecutionException e) {
            return null;
        }
    }

    <T> CompletableFuture<T> call(Supplier<T> s) {
        CompletableFuture<T> f = new CompletableFuture<>();
        try {
            executor.execute(() -> {
                try {
                    f.complete(s.get());
                } catch (RuntimeException e) {
                    f.completeExceptionally(e);
                }
            });
        } catch (RejectedExecutionException e) {
            f.completeExceptionally(e); // shut down: whoever waits for the answer must not wait for ever
        }
        return f;
    }

    private static Runnable guard(Runnable r) {
        return () -> {
            try {
                r.run();
            } catch (RuntimeException e) {
                org.slf4j.LoggerFactory.getLogger(SwitchCore.class).error("simulator core task failed", e);
            }
        };
    }

    /**
     * Completes once the core thread has nothing due to run: every task queued so far, and every task those
     * queued, has run. Timers not yet due do not count.
     */
    CompletableFuture<Void> idle() {
        CompletableFuture<Void> idle = new CompletableFuture<>();
        execute(() -> whenIdle(idle));
        return idle;
    }

    private void whenIdle(CompletableFuture<Void> idle) {
        boolean due = executor.getQueue().stream()
                .anyMatch(task -> ((Delayed) task).getDelay(TimeUnit.NANOSECONDS) <= 0);
        if (due) {
            execute(() -> whenIdle(idle));
        } else {
            idle.complete(null);
        }
    }

    void shutdown() {
        executor.shutdownNow();
    }
}
