package io.camelfreeswitch.simulator;

import io.camelfreeswitch.simulator.internal.SimChannel;
import io.camelfreeswitch.simulator.internal.SwitchCore;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * A call the simulator placed into an outbound-socket consumer. Its caller can hang up on cue; {@link #ended()}
 * completes with the Hangup-Cause whoever ended it.
 */
public final class OutboundCall {

    private final SwitchCore core;
    private final CompletableFuture<String> uuid = new CompletableFuture<>();
    private final CompletableFuture<Void> connected = new CompletableFuture<>();
    private final CompletableFuture<String> ended = new CompletableFuture<>();
    private volatile SimChannel channel;

    OutboundCall(SwitchCore core) {
        this.core = core;
    }

    void bind(SimChannel ch) {
        this.channel = ch;
        ch.hangupListeners.add(this::hungUp);
        uuid.complete(ch.uuid);
    }

    void connectedNow() {
        connected.complete(null);
    }

    void connectFailed(Throwable t) {
        connected.completeExceptionally(t);
    }

    /** The channel's Unique-ID (waits briefly for the core to create it). */
    public String uuid() {
        try {
            return uuid.get(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("the simulator did not create the call (is it closed?)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the call", e);
        }
    }

    /** Completes when the TCP connection to the consumer is established (exceptionally if it cannot be). */
    public CompletableFuture<Void> connected() {
        return connected;
    }

    /** Completes with the Hangup-Cause when the channel hangs up, whoever hung it up. */
    public CompletableFuture<String> ended() {
        return ended;
    }

    void hungUp(String cause) {
        ended.complete(cause);
    }

    /** The caller hangs up (NORMAL_CLEARING). */
    public void hangup() {
        hangup("NORMAL_CLEARING");
    }

    public void hangup(String cause) {
        Objects.requireNonNull(cause, "cause");
        uuid.thenRun(() -> core.execute(() -> core.hangup(channel, cause, "far-end")));
    }
}
