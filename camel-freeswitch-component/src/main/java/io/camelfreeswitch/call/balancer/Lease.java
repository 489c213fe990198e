package io.camelfreeswitch.call.balancer;

import java.util.concurrent.CompletableFuture;

/** One unit of load on a destination, held from {@link LoadBalancer#acquire} until released. */
public interface Lease {

    String destination();

    /** Gives the unit back. Idempotent: only the first call has an effect; later calls return the same future. */
    CompletableFuture<Void> release();
}
