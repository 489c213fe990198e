package io.camelfreeswitch.call;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The one timer service every ring group shares: ring timeouts and the ring groups' own bookkeeping run here, never
 * on a Netty event loop and never on a thread of their own. Tasks run here are short and never block. Its threads
 * are daemons, so it never keeps a JVM alive.
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
