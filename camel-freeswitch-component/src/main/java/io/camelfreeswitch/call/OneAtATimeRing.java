package io.camelfreeswitch.call;

import io.camelfreeswitch.call.balancer.Lease;
import io.camelfreeswitch.esl.internal.Failures;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * What SEQUENTIAL and BALANCING share: ring one destination at a time, each for up to the timeout (capped by the
 * total timeout); no answer → hang it up with NO_ANSWER and ring the next; a leg that fails (busy, rejected) moves
 * on at once; nobody left → the group ends empty. Subclasses only say which destination comes next.
 */
abstract class OneAtATimeRing implements RingStrategy {

    /** The next destination to ring, with the lease that counts it as loaded (or {@code null}). */
    record Next(String destination, Lease lease) {
    }

    /**
     * The next destination, or empty when none is left. May complete later, on another thread (a balancer round
     * trip), so it must not change the subclass's state: {@link #taken(Next)} does that.
     */
    abstract CompletableFuture<Optional<Next>> next(RingEngine engine);

    /** {@link #next} found nobody to ring; called on the group's lane. */
    void nothingToRing(RingEngine engine) {
        engine.finishExhausted();
    }

    /** {@code next} is about to be rung; called on the group's lane. False when it cannot be. */
    boolean taken(Next next) {
        return true;
    }

    @Override
    public final void start(RingEngine engine) {
        ringNext(engine);
    }

    @Override
    public final void legEnded(RingEngine engine, Leg leg) {
        ringNext(engine);
    }

    private void ringNext(RingEngine engine) {
        if (engine.isFinished()) {
            return;
        }
        if (engine.nextRingTime() == null) {
            engine.timeOut(); // the total timeout is spent
            return;
        }
        next(engine).whenComplete((next, error) -> engine.execute(() -> ring(engine, next, error)));
    }

    private void ring(RingEngine engine, Optional<Next> next, Throwable error) {
        if (error != null) {
            engine.finish(RingGroupOutcome.FAILED, Failures.unwrap(error));
            return;
        }
        Lease lease = next.map(Next::lease).orElse(null);
        Duration ringFor = engine.nextRingTime();
        if (engine.isFinished() || ringFor == null) {
            if (lease != null) {
                lease.release(); // cancelled or timed out while the balancer was choosing
            }
            engine.timeOut();
            return;
        }
        if (next.isEmpty()) {
            nothingToRing(engine);
            return;
        }
        if (!taken(next.get())) {
            if (lease != null) {
                lease.release();
            }
            engine.finish(RingGroupOutcome.FAILED, new IllegalStateException("The balancer chose '"
                    + next.get().destination() + "', which is not among the destinations left to try"));
            return;
        }
        engine.ring(next.get().destination(), ringFor, lease);
    }
}
