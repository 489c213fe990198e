package io.camelfreeswitch.call;

/** How a ring group calls its destinations. */
public enum RingMode {
    /** Ring every destination at once; the first to answer wins, every other leg is hung up. */
    PARALLEL,
    /** One destination at a time, in group order; each rings up to the timeout. */
    SEQUENTIAL,
    /** One at a time, least-loaded first, load shared through a {@link io.camelfreeswitch.call.balancer.LoadBalancer}. */
    BALANCING
}
