package io.camelfreeswitch.call;

import io.camelfreeswitch.call.balancer.LoadBalancer;
import io.camelfreeswitch.esl.EslConnection;
import io.camelfreeswitch.esl.Registration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Calls a list of destinations and connects the first that answers.
 * <ul>
 * <li>{@link RingMode#PARALLEL} — see {@link ParallelRing}: all at once, first answer wins, the others are hung up
 * with LOSE_RACE.</li>
 * <li>{@link RingMode#SEQUENTIAL} — see {@link SequentialRing}: one at a time in group order, each up to the
 * timeout.</li>
 * <li>{@link RingMode#BALANCING} — see {@link BalancingRing}: one at a time, least-loaded first through a
 * {@link LoadBalancer}.</li>
 * <li>{@link RingMode#TIERED} — see {@link TieredRing}; {@link RingMode#ENTERPRISE} — see {@link EnterpriseRing};
 * {@link RingMode#RANDOM} — see {@link SequentialRing}; {@link RingMode#ROUND_ROBIN} — see {@link RoundRobinRing};
 * {@link RingMode#MEMORY_HUNT} — see {@link MemoryHuntRing}.</li>
 * </ul>
 * Every leg is originated with {@code bgapi originate {origination_uuid=...,originate_timeout=...,vars}dest &park()}
 * after its event listener is registered; the connection is subscribed once to the channel events the group needs.
 * The group times every leg itself, from the moment its originate is sent; the {@code originate_timeout} is only a
 * safety net set far enough behind that FreeSWITCH's whole-second timer cannot end a leg first.
 * A leg counts as answered at its CHANNEL_ANSWER; the winner is handed out when its originate job has also reported
 * {@code +OK} (it is then parked, ready to bridge). Every leg started is hung up unless it is the one handed out —
 * on timeout (NO_ANSWER), when another leg won (LOSE_RACE), when the caller hangs up, the returned future is
 * cancelled or the connection fails (ORIGINATOR_CANCEL). A leg whose originate is still pending is killed by uuid as
 * soon as FreeSWITCH knows it.
 * <p>
 * <b>Connection loss</b> ends the group at once (not after the timeout): {@link #ring(EslConnection,
 * RingGroupRequest)} completes normally with {@link RingGroupOutcome#FAILED} and the
 * {@link io.camelfreeswitch.esl.ConnectionLostException} in {@link RingGroupResult#failure()}; the six-argument form
 * completes exceptionally with that exception. Legs that could not be hung up are hung up when the connection comes
 * back.
 * <p>
 * <b>From an outbound session</b> (the caller's own socket): send {@code linger} first, so the legs can still be hung
 * up after the caller has left, and do not use {@code myevents}, which hides every other channel's events; pass
 * {@code session.uniqueId()} as the caller uuid. <b>Closing a connection</b> cannot hang up anything any more: cancel
 * the groups still ringing on it first (their legs would otherwise ring until their {@code originate_timeout}).
 * <p>
 * <b>Threads</b>: a group runs on its connection's I/O lane ({@link EslConnection#ioLane()}), on the socket's Netty
 * event loop: its legs' events are handled there as they are read, and its timers, cancellation, connection-state
 * changes and balancer answers are handed there, so it is handled one step at a time without a lock and without a
 * thread hand-off per event; nothing it does there blocks (a {@link LoadBalancer} must not either). What user code
 * sees leaves the event loop once, onto the group's own lane of the connection ({@link EslConnection#lane(String)}):
 * its {@link RingGroupListener}s are called there, then its future completes there, in the order the group reported
 * them, never on a Netty event loop. Dependent stages must still not block, as they hold up that lane (use the
 * {@code *Async} stages with an executor of your own for work that may). So do the futures of a handed-out
 * {@link Channel}. Timers use one shared daemon scheduler; no thread is created per ring group. A
 * request may bring its own clock and scheduler ({@link RingGroupRequest.Builder#time}), for example a virtual time that a test advances.
 */
public final class RingGroup {

    private static final Logger LOG = LoggerFactory.getLogger(RingGroup.class);
    private static final List<RingGroupListener> LISTENERS = new CopyOnWriteArrayList<>();

    private RingGroup() {
    }

    /**
     * Tells {@code listener} about every ring group of this JVM from now on (audit). To hear about some groups only
     * (those of one application, one Camel context), give the listener to their requests instead:
     * {@link RingGroupRequest.Builder#listener(RingGroupListener)}.
     *
     * @return close it to stop listening
     */
    public static Registration addListener(RingGroupListener listener) {
        Objects.requireNonNull(listener, "listener");
        LISTENERS.add(listener);
        return () -> LISTENERS.remove(listener);
    }

    /**
     * Calls every JVM-wide listener, then the request's own; one that throws is logged and skipped so that it cannot
     * break a ring.
     */
    static void notifyListeners(RingGroupRequest request, Consumer<RingGroupListener> call) {
        for (RingGroupListener listener : LISTENERS) {
            notify(listener, call);
        }
        if (request.listener() != null) {
            notify(request.listener(), call);
        }
    }

    /** Whether {@link #notifyListeners} would call anyone now. */
    static boolean hasListeners(RingGroupRequest request) {
        return request.listener() != null || !LISTENERS.isEmpty();
    }

    private static void notify(RingGroupListener listener, Consumer<RingGroupListener> call) {
        try {
            call.accept(listener);
        } catch (RuntimeException e) {
            LOG.warn("RingGroupListener {} failed; ignored", listener, e);
        }
    }

    /**
     * The short form. Completes with the channel that answered first (parked, ready to bridge), or empty when
     * nobody answered in time, every destination failed, or the caller left.
     *
     * @param connection an inbound client or an outbound session
     * @param group      dial strings such as {@code user/1001}
     * @param mode       {@code null} means PARALLEL
     * @param timeout    maximum time to wait for any callee to answer (per leg or step in the modes that ring in
     *                   steps); {@code null} means 30 s
     * @param variables  channel variables applied to every callee leg; may be {@code null}
     * @param balancer   required when the mode {@linkplain RingMode#needsBalancer() needs one}, ignored otherwise
     * @return cancel it to hang up every leg; fails with the cause (connection lost, balancer unavailable) when the
     *         group could not be carried out; {@link RingGroupFuture#legs()} and
     *         {@link RingGroupFuture#hangupsSent()} as with the full form
     * @throws IllegalArgumentException BALANCING without a balancer, an empty group, or a destination or variable that
     *                                  cannot be written into a dial string
     */
    public static RingGroupFuture<Optional<Channel>> ring(EslConnection connection, List<String> group,
            RingMode mode, Duration timeout, Map<String, String> variables, LoadBalancer balancer) {
        RingGroupRequest request = RingGroupRequest.builder(Objects.requireNonNull(group, "group"))
                .mode(mode).timeout(timeout).variables(variables).balancer(balancer).build();
        RingGroupFuture<RingGroupResult> result = ring(connection, request);
        RingGroupFuture<Optional<Channel>> answered = result.sameGroup();
        result.whenComplete((r, e) -> {
            if (e != null) {
                answered.completeExceptionally(e);
            } else if (r.outcome() == RingGroupOutcome.FAILED && r.failure() != null) {
                answered.completeExceptionally(r.failure());
            } else {
                answered.complete(r.answered());
            }
        });
        answered.whenComplete((r, e) -> {
            if (answered.isCancelled()) {
                result.cancel(false);
            }
        });
        return answered;
    }

    /**
     * Rings {@code request}'s destinations. Completes with the outcome, the winner (if any) and every leg's fate;
     * FAILED (with {@link RingGroupResult#failure()}) rather than exceptionally when the connection or the balancer
     * fails. Cancelling the future hangs up every leg and releases every lease.
     */
    public static RingGroupFuture<RingGroupResult> ring(EslConnection connection, RingGroupRequest request) {
        Objects.requireNonNull(connection, "connection");
        Objects.requireNonNull(request, "request");
        return new RingEngine(connection, request, request.mode().strategy(request)).start();
    }
}
