package io.camelfreeswitch.call;

import io.camelfreeswitch.call.balancer.LoadBalancer;

import java.util.function.Function;

/** How a ring group calls its destinations: each mode names its {@link RingStrategy} and whether it needs a balancer. */
public enum RingMode {
    /** Ring every destination at once; the first to answer wins, every other leg is hung up. */
    PARALLEL(false, request -> new ParallelRing()),
    /** One destination at a time, in group order; each rings up to the timeout. */
    SEQUENTIAL(false, SequentialRing::inGroupOrder),
    /** One at a time, least-loaded first, load shared through a {@link io.camelfreeswitch.call.balancer.LoadBalancer}. */
    BALANCING(true, BalancingRing::new),
    /** Ordered tiers, each rung at once; the next tier only when nobody in the previous answered. */
    TIERED(false, TieredRing::new),
    /** All at once, each destination after its own delay and for its own timeout ({@link DestinationTiming}). */
    ENTERPRISE(false, EnterpriseRing::new),
    /** One at a time, in a random order. */
    RANDOM(false, SequentialRing::inRandomOrder),
    /** One at a time, starting after the destination that last answered; the memory is kept in the balancer. */
    ROUND_ROBIN(true, RoundRobinRing::new),
    /** The first, then the first two, then the first three…, each step for the timeout. */
    MEMORY_HUNT(false, MemoryHuntRing::new);

    private final boolean needsBalancer;
    private final Function<RingGroupRequest, RingStrategy> strategy;

    RingMode(boolean needsBalancer, Function<RingGroupRequest, RingStrategy> strategy) {
        this.needsBalancer = needsBalancer;
        this.strategy = strategy;
    }

    /** Whether a group in this mode cannot ring without a {@link LoadBalancer}. */
    public boolean needsBalancer() {
        return needsBalancer;
    }

    /**
     * @throws IllegalArgumentException when this mode needs a balancer and {@code balancer} is {@code null}
     */
    public void requireBalancer(LoadBalancer balancer) {
        if (needsBalancer && balancer == null) {
            throw new IllegalArgumentException(name() + " mode requires a LoadBalancer, but none was given");
        }
    }

    /** A fresh strategy for one group: strategies keep per-group state. */
    RingStrategy strategy(RingGroupRequest request) {
        return strategy.apply(request);
    }
}
