package io.camelfreeswitch.call;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * The future every {@link RingGroup} {@code ring} method returns: a {@link RingGroupResult} from
 * {@link RingGroup#ring(io.camelfreeswitch.esl.EslConnection, RingGroupRequest)}, the answered channel from the short
 * form. Cancelling it hangs up every leg and releases every lease. Beyond its result it tells when the group has sent
 * the hang-up of every leg it started (other than a handed-out winner): whoever cancels a group and then closes the
 * connection (a Camel route stopping) must wait for that, or the hang-ups would be written after the socket is gone
 * and the legs left ringing on FreeSWITCH.
 * <p>
 * It completes on the group's own event lane of the connection ({@link io.camelfreeswitch.esl.EslConnection#lane}),
 * after its listeners heard of its end, never on a Netty event loop: dependent stages run there, so they must not
 * block (a blocked lane holds up the events of other calls); use the {@code *Async} stages with an executor of your
 * own for work that may.
 *
 * @param <T> {@link RingGroupResult}, or {@code Optional<Channel>} for the short form
 */
public final class RingGroupFuture<T> extends CompletableFuture<T> {

    private final HangupsSent hangupsSent;
    private final Supplier<CompletableFuture<List<LegResult>>> legs;

    RingGroupFuture(Supplier<CompletableFuture<List<LegResult>>> legs) {
        this(legs, new HangupsSent());
    }

    private RingGroupFuture(Supplier<CompletableFuture<List<LegResult>>> legs, HangupsSent hangupsSent) {
        this.legs = legs;
        this.hangupsSent = hangupsSent;
    }

    /** Another view of the same group, with a result of another type (the short form's answered channel). */
    <U> RingGroupFuture<U> sameGroup() {
        return new RingGroupFuture<>(legs, hangupsSent);
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
     * Completes once the group is over, its hang-up commands have been handed to the connection and the caller's
     * ringback, if any, has been broken off (they reach FreeSWITCH before anything sent later on the same
     * connection, such as {@code exit}). After cancelling a group, wait for it before playing to its caller.
     */
    public CompletableFuture<Void> hangupsSent() {
        return hangupsSent.future();
    }

    /** Where the group records that its hang-ups are sent. */
    HangupsSent hangupsSentState() {
        return hangupsSent;
    }
}
