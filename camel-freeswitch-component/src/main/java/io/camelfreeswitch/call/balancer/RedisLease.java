package io.camelfreeswitch.call.balancer;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/** A lease recorded in Redis: member {@code id} of the sorted set {@code key}, renewed until released. */
final class RedisLease implements Lease {

    private final RedisLoadBalancer balancer;
    private final String destination;
    private final String key;
    private final String id;
    private final DestinationCapacity capacity;
    private final AtomicBoolean releasing = new AtomicBoolean();
    private final CompletableFuture<Void> released = new CompletableFuture<>();

    RedisLease(RedisLoadBalancer balancer, String destination, String key, String id, DestinationCapacity capacity) {
        this.balancer = balancer;
        this.destination = destination;
        this.key = key;
        this.id = id;
        this.capacity = capacity;
    }

    @Override
    public String destination() {
        return destination;
    }

    String key() {
        return key;
    }

    String id() {
        return id;
    }

    @Override
    public CompletableFuture<Void> release() {
        return release(LeaseEnd.FREED);
    }

    @Override
    public CompletableFuture<Void> release(LeaseEnd end) {
        if (releasing.compareAndSet(false, true)) {
            balancer.release(this, capacity.restAfter(end)).whenComplete((ignored, failure) -> {
                if (failure != null) {
                    released.completeExceptionally(failure);
                } else {
                    released.complete(null);
                }
            });
        }
        return released;
    }

    @Override
    public String toString() {
        return "RedisLease[" + destination + ", " + id + "]";
    }
}
