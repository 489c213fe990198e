package io.camelfreeswitch.benchmarks.harness;

import org.HdrHistogram.Histogram;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Keeps {@code concurrency} asynchronous operations in flight for a fixed time (closed loop: each completion starts
 * the next) and records each one's latency from start to completion. A warm-up phase runs first and is not recorded.
 */
public final class AsyncLoad {

    /** Starts the next operation; two daemon threads, so the load generator never waits for the common pool. */
    private static final java.util.concurrent.Executor DRIVER = java.util.concurrent.Executors.newFixedThreadPool(2,
            r -> {
                Thread t = new Thread(r, "load-driver");
                t.setDaemon(true);
                return t;
            });

    private AsyncLoad() {
    }

    /** An operation that reports its own latency (e.g. measured from a timestamp the server put in an event). */
    public interface TimedOperation {
        /** Completes with the latency to record in microseconds, or a negative value to record start-to-end. */
        CompletableFuture<Long> start();
    }

    public static LatencyReport run(String name, int concurrency, double warmupSeconds, double seconds,
            Supplier<CompletableFuture<?>> operation) {
        return runTimed(name, concurrency, warmupSeconds, seconds, () -> operation.get().thenApply(ignored -> -1L));
    }

    public static LatencyReport runTimed(String name, int concurrency, double warmupSeconds, double seconds,
            TimedOperation operation) {
        if (warmupSeconds > 0) {
            phase(concurrency, warmupSeconds, operation, LatencyReport.newHistogram(), new AtomicLong(),
                    new AtomicLong());
        }
        Histogram histogram = LatencyReport.newHistogram();
        AtomicLong done = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        long cpuBefore = ProcessCpu.nanos();
        double elapsed = phase(concurrency, seconds, operation, histogram, done, failed);
        return new LatencyReport(name, done.get(), failed.get(), elapsed, histogram, ProcessCpu.nanos() - cpuBefore);
    }

    private static double phase(int concurrency, double seconds, TimedOperation operation, Histogram histogram,
            AtomicLong done, AtomicLong failed) {
        long start = System.nanoTime();
        long deadline = start + (long) (seconds * 1e9);
        CountDownLatch finished = new CountDownLatch(concurrency);
        AtomicLong lastCompletion = new AtomicLong(start);
        for (int i = 0; i < concurrency; i++) {
            new Worker(operation, deadline, histogram, done, failed, finished, lastCompletion).next();
        }
        try {
            if (!finished.await((long) (seconds * 1000) + 60_000, TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("operations still in flight a minute after the end of the run");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return (lastCompletion.get() - start) / 1e9;
    }

    private static final class Worker {
        private final TimedOperation operation;
        private final long deadline;
        private final Histogram histogram;
        private final AtomicLong done;
        private final AtomicLong failed;
        private final CountDownLatch finished;
        private final AtomicLong lastCompletion;

        Worker(TimedOperation operation, long deadline, Histogram histogram, AtomicLong done, AtomicLong failed,
                CountDownLatch finished, AtomicLong lastCompletion) {
            this.operation = operation;
            this.deadline = deadline;
            this.histogram = histogram;
            this.done = done;
            this.failed = failed;
            this.finished = finished;
            this.lastCompletion = lastCompletion;
        }

        void next() {
            long begin = System.nanoTime();
            if (begin >= deadline) {
                finished.countDown();
                return;
            }
            CompletableFuture<Long> op;
            try {
                op = operation.start();
            } catch (RuntimeException e) {
                failed.incrementAndGet();
                finished.countDown();
                throw e;
            }
            op.whenComplete((latencyMicros, failure) -> {
                long end = System.nanoTime();
                lastCompletion.accumulateAndGet(end, Math::max);
                if (failure != null) {
                    failed.incrementAndGet();
                } else {
                    long micros = latencyMicros != null && latencyMicros >= 0 ? latencyMicros : (end - begin) / 1000;
                    synchronized (histogram) {
                        histogram.recordValue(Math.max(0, micros));
                    }
                    done.incrementAndGet();
                }
                // never recurse on the completing thread: a synchronously completed op would grow the stack
                CompletableFuture.runAsync(this::next, DRIVER);
            });
        }
    }
}
