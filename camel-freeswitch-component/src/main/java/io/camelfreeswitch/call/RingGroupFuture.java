package io.camelfreeswitch.call;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * The future {@link RingGroup#ring(io.camelfreeswitch.esl.EslConnection, RingGroupRequest)} returns. Beyond its
 * result it tells when the group has sent the hang-up of every leg it started (other than a handed-out winner):
 * whoever cancels a group and then closes the connection (a Camel route stopping) must wait for that, or the
 * hang-ups would be written after the socket is gone and the legs left ringing on FreeSWITCH.
 */
public final class RingGroupFuture extends CompletableFuture<RingGroupResult> {

    private final CompletableFuture<Void> hangupsSent = new CompletableFuture<>();
    private final Supplier<CompletableFuture<List<LegResult>>> legs;

    RingGroupFuture(Supplier<CompletableFuture<List<LegResult>>> legs) {
        this.legs = legs;
    }

    /**
     * The legs started so far, as they are now, for monitoring: a leg whose {@link LegResult#outcome()} is
     * {@code null} is still ringing (or, with {@link LegResult#answeredAt()} set, answered and about to be handed
     * out). Read in turn with the group's own events, so the picture is consistent; completes at once when the
     * group is over.
     */
    public CompletableFuture<List<LegResult>> legs() {
        return legs.get();
    }

    /**
     * Completes once the group is over and its hang-up commands have been handed to the connection (they reach
     * FreeSWITCH before anything sent later on the same connection, such as {@code exit}).
     */
    public CompletableFuture<Void> hangupsSent() {
        return hangupsSent.copy();
    }

    void markHangupsSent() {
        hangupsSent.complete(null);
    }
}
