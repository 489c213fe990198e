package io.camelfreeswitch.esl;

import io.netty.channel.EventLoopGroup;
import io.netty.util.concurrent.ScheduledFuture;

import java.util.concurrent.TimeUnit;

/**
 * When an inbound client tries again: after each failed attempt, a back-off growing exponentially with jitter; no
 * more tries after {@code maxReconnectAttempts} failures in a row (when set), or once told to give up (refused
 * credentials). Every method is called with the client's lifecycle lock held.
 */
final class ReconnectWatchdog {
    private final ReconnectBackoff backoff;
    private final int maxAttempts;
    private final EventLoopGroup group;
    private int failedAttempts;
    private boolean gaveUp;
    private ScheduledFuture<?> pending;

    ReconnectWatchdog(EslClientOptions options, EventLoopGroup group) {
        this.backoff = new ReconnectBackoff(options.reconnectInitialDelay(), options.reconnectMaxDelay(),
                options.reconnectMultiplier(), options.reconnectJitter());
        this.maxAttempts = options.maxReconnectAttempts();
        this.group = group;
    }

    /** Counts a failed attempt; when {@code mayGiveUp}, the last one allowed makes it give up. Returns whether it did. */
    boolean attemptFailed(boolean mayGiveUp) {
        failedAttempts++;
        if (mayGiveUp && maxAttempts > 0 && failedAttempts >= maxAttempts) {
            gaveUp = true;
        }
        return gaveUp;
    }

    /** A socket came up (or went down after being up): the next failure counts from one again. */
    void resetAttempts() {
        failedAttempts = 0;
    }

    int failedAttempts() {
        return failedAttempts;
    }

    void giveUp() {
        gaveUp = true;
    }

    boolean hasGivenUp() {
        return gaveUp;
    }

    /** Whether a reconnect may be scheduled now: not given up, none pending. */
    boolean mayReconnect() {
        return !gaveUp && pending == null;
    }

    /** Runs {@code attempt} after the back-off for the failures so far. */
    void schedule(Runnable attempt) {
        long delay = backoff.delayNanos(Math.max(1, failedAttempts));
        pending = group.next().schedule(attempt, delay, TimeUnit.NANOSECONDS);
    }

    /** The scheduled attempt is running. */
    void attempting() {
        pending = null;
    }

    void cancel() {
        if (pending != null) {
            pending.cancel(false);
            pending = null;
        }
    }
}
