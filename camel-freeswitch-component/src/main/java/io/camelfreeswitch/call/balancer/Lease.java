package io.camelfreeswitch.call.balancer;

import java.util.concurrent.CompletableFuture;

/** One unit of load on a destination, held from {@link LoadBalancer#acquire} until released. */
public interface Lease {

    String destination();

    /** Gives the unit back. Idempotent: only the first call has an effect; later calls return the same future. */
    CompletableFuture<Void> release();

    /**
     * Gives the unit back and, with capacity rules, lets the destination rest as {@code end} implies (its
     * {@code wrapUpTime} after a call, its {@code noAnswerDelay} after no answer). Idempotent like {@link #release()},
     * which is {@code release(LeaseEnd.FREED)} in effect.
     */
    default CompletableFuture<Void> release(LeaseEnd end) {
        return release();
    }
}
