package io.camelfreeswitch.call;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Measures how long this JVM was frozen (descheduled by a loaded machine, paused by the garbage collector) while a
 * test ran: a thread that asks to wake every few milliseconds records the longest it overslept. A timing assertion
 * allows for that much more, so that it checks what the code does, not how busy the machine was.
 */
final class FreezeWatch implements AutoCloseable {

    private static final long TICK_NANOS = Duration.ofMillis(5).toNanos();

    private final AtomicLong longestNanos = new AtomicLong();
    private final Thread thread;
    private volatile boolean running = true;

    private FreezeWatch() {
        thread = new Thread(this::watch, "freeze-watch");
        thread.setDaemon(true);
        thread.start();
    }

    static FreezeWatch start() {
        return new FreezeWatch();
    }

    private void watch() {
        long last = System.nanoTime();
        while (running) {
            try {
                Thread.sleep(TICK_NANOS / 1_000_000);
            } catch (InterruptedException e) {
                return;
            }
            long now = System.nanoTime();
            long overslept = now - last - TICK_NANOS;
            longestNanos.accumulateAndGet(overslept, Math::max);
            last = now;
        }
    }

    /** The longest freeze seen so far. */
    Duration longest() {
        return Duration.ofNanos(longestNanos.get());
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
