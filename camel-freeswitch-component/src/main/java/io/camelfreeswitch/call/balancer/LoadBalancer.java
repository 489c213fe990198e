package io.camelfreeswitch.call.balancer;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Shares load between ring groups (and, for a distributed implementation, between application instances) so that the
 * same destination is not rung by several groups at once while others sit idle.
 * <p>
 * <b>Threads</b>: a ring group calls these methods on its connection's I/O thread, a Netty event loop that also
 * reads every frame of the socket. They <em>must not block</em>: return a future at once and complete it later (from
 * the balancer's own I/O threads, as Lettuce does), never wait for a reply, a lock held across I/O, or another
 * future ({@code join()}, {@code get()}) on the calling thread. The same holds for {@link Lease#release}.
 */
public interface LoadBalancer {

    /**
     * Atomically picks the least-loaded of {@code candidates} (ties go to the earliest in the list) and counts it as
     * loaded: choosing and counting are one step, so two concurrent callers never both see the same idle destination
     * as least loaded. Completes empty when {@code candidates} is empty; fails (for example with
     * {@link BalancerUnavailableException}) when the load cannot be read or recorded.
     */
    CompletableFuture<Optional<Lease>> acquire(List<String> candidates);

    /**
     * Like {@link #acquire(List)}, but only among the candidates {@code rules} allow now: a candidate already holding
     * its {@code maxCalls} leases, or resting after a call ({@code wrapUpTime}) or after not answering
     * ({@code noAnswerDelay}), is skipped. Deciding and counting are still one atomic step, so concurrent acquires
     * never put more than {@code maxCalls} leases on a destination. Completes empty when no candidate is available.
     * <p>
     * The default supports {@link CapacityRules#UNLIMITED} only; the balancers of this library implement it fully.
     */
    default CompletableFuture<Optional<Lease>> acquire(List<String> candidates, CapacityRules rules) {
        if (rules.isUnlimited()) {
            return acquire(candidates);
        }
        return CompletableFuture.failedFuture(new UnsupportedOperationException(getClass().getName()
                + " does not implement capacity rules (maxCalls, wrapUpTime, noAnswerDelay)"));
    }

    /** The number of leases currently held on {@code destination}. */
    CompletableFuture<Long> load(String destination);

    /**
     * How long a ring group's {@link #lastAnswered} is kept without a new answer: then it is forgotten and the group
     * starts from its first destination again. Groups are named by their destination list unless named otherwise, so
     * without this a balancer would keep every list ever rung.
     */
    Duration FORGET_ANSWERS_AFTER = Duration.ofDays(7);

    /**
     * The destination that last answered in ring group {@code group} (ROUND_ROBIN starts after it), or empty when none
     * has yet, or none for {@link #FORGET_ANSWERS_AFTER}. One round trip for a shared balancer. Balancers that keep no
     * such memory fail with {@link UnsupportedOperationException}.
     */
    default CompletableFuture<Optional<String>> lastAnswered(String group) {
        return CompletableFuture.failedFuture(new UnsupportedOperationException(
                getClass().getName() + " keeps no memory of who answered, which ROUND_ROBIN needs"));
    }

    /** Remembers that {@code destination} answered in ring group {@code group}; one round trip for a shared balancer. */
    default CompletableFuture<Void> answered(String group, String destination) {
        return CompletableFuture.failedFuture(new UnsupportedOperationException(
                getClass().getName() + " keeps no memory of who answered, which ROUND_ROBIN needs"));
    }

    /** The argument check every implementation of {@link #acquire} starts with: no null list, no null candidate. */
    static List<String> requireCandidates(List<String> candidates) {
        java.util.Objects.requireNonNull(candidates, "candidates");
        candidates.forEach(candidate -> java.util.Objects.requireNonNull(candidate, "candidates must not contain null"));
        return candidates;
    }
}
