package io.camelfreeswitch.call.balancer;

import java.util.concurrent.CompletableFuture;

/**
 * Handed out by {@link RedisLoadBalancer} in {@code fallbackToGroupOrder} mode while Redis is unavailable: the first
 * candidate in group order, counted nowhere, so releasing it has nothing to give back.
 */
record GroupOrderLease(String destination) implements Lease {

    private static final CompletableFuture<Void> NOTHING_TO_RELEASE = CompletableFuture.completedFuture(null);

    @Override
    public CompletableFuture<Void> release() {
        return NOTHING_TO_RELEASE;
    }
}
