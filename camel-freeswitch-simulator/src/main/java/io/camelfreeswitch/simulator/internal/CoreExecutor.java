package io.camelfreeswitch.simulator.internal;

import java.util.concurrent.CompletableFuture;
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

    private final ScheduledExecutorService executor;

    CoreExecutor() {
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
            return executor.schedule(guard(r), delay, unit);
        } catch (RejectedExecutionException e) {
            return null;
        }
    }

    <T> CompletableFuture<T> call(Supplier<T> s) {
        CompletableFuture<T> f = new CompletableFuture<>();
        execute(() -> {
            try {
                f.complete(s.get());
            } catch (RuntimeException e) {
                f.completeExceptionally(e);
            }
        });
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

    void shutdown() {
        executor.shutdownNow();
    }
}
