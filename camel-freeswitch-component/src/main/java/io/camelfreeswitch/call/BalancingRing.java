package io.camelfreeswitch.call;

import io.camelfreeswitch.call.balancer.CapacityRules;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * BALANCING: one at a time like SEQUENTIAL (see {@link OneAtATimeRing}), but each step asks the shared
 * {@link io.camelfreeswitch.call.balancer.LoadBalancer} for the least-loaded destination not yet tried (ties: group
 * order). The lease counts it as loaded while it rings; it is released when the leg ends unanswered, and for the
 * winner at its answer ({@link LeaseScope#RINGING}) or when its call hangs up ({@link LeaseScope#CALL}).
 * <p>
 * With {@link CapacityRules} the balancer skips destinations at their {@code maxCalls} or resting (wrap-up, no-answer
 * delay). When it finds none before any leg was rung, the group ends {@link RingGroupOutcome#UNAVAILABLE} at once;
 * after some rang unanswered, the rest being unavailable ends it like running out of destinations.
 */
final class BalancingRing extends OneAtATimeRing {

    private final List<String> untried;
    /** Whether a destination has been rung: the balancer finding none available is not the same before and after. */
    private boolean rungAny;

    BalancingRing(RingGroupRequest request) {
        this.untried = new ArrayList<>(request.destinations());
    }

    @Override
    CompletableFuture<Optional<Next>> next(RingEngine engine) {
        if (untried.isEmpty()) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        return engine.request().balancer().acquire(List.copyOf(untried), engine.request().capacity())
                .thenApply(lease -> lease.map(chosen -> new Next(chosen.destination(), chosen)));
    }

    @Override
    void nothingToRing(RingEngine engine) {
        if (!untried.isEmpty() && !rungAny) {
            engine.finish(RingGroupOutcome.UNAVAILABLE, null);
        } else {
            engine.finishExhausted();
        }
    }

    @Override
    boolean taken(Next next) {
        if (!untried.remove(next.destination())) {
            return false;
        }
        rungAny = true;
        return true;
    }
}
