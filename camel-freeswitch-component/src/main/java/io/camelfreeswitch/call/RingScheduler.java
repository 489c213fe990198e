package io.camelfreeswitch.call;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The one timer service every ring group shares: a ring timeout fires here and hands its work to its group's lane
 * (its connection's I/O lane), never running the group's work on a thread of its own. Its threads are daemons, so it never keeps a JVM
 * alive.
 */
final class RingScheduler {

    private static final ScheduledExecutorService SHARED = create();

    private RingScheduler() {
    }

    static ScheduledExecutorService shared() {
        return SHARED;
    }

    private static ScheduledExecutorService create() {
        AtomicInteger count = new AtomicInteger();
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(2, runnable -> {
            Thread thread = new Thread(runnable, "freeswitch-ring-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        // cancelled ring timeouts are the common case (someone answered): do not keep them queued until they expire
        executor.setRemoveOnCancelPolicy(true);
        return executor;
    }
}
