package io.camelfreeswitch.camel;

import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * How a stopping service waits for the last things it must do (hang-ups on the wire, a socket closed). Camel's
 * forced shutdown, a Spring context closing or a supervisor may interrupt the stopping thread; an interrupt must not
 * cut such a wait short, or the connection would close before the legs were hung up and phones would ring on. So the
 * wait ignores interrupts, is bounded instead, and hands the interrupt status back to the caller afterwards.
 */
final class StopWait {

    private StopWait() {
    }

    /**
     * Waits until {@code work} completes (normally or not) or {@code bound} has passed, whatever interrupts arrive
     * meanwhile; the thread's interrupt status is restored before returning.
     *
     * @return true when {@code work} completed within {@code bound}
     */
    static boolean await(CompletableFuture<?> work, Duration bound) {
        long deadline = System.nanoTime() + bound.toNanos();
        boolean interrupted = false;
        try {
            while (true) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return work.isDone();
                }
                try {
                    work.get(left, TimeUnit.NANOSECONDS);
                    return true;
                } catch (ExecutionException | CancellationException e) {
                    return true;
                } catch (TimeoutException e) {
                    return false;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
