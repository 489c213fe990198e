package io.camelfreeswitch.call;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * SEQUENTIAL: the destinations one at a time (see {@link OneAtATimeRing}) in group order; RANDOM: the same in an order
 * shuffled afresh for every group.
 */
final class SequentialRing extends OneAtATimeRing {

    private final Iterator<String> destinations;

    private SequentialRing(List<String> order) {
        this.destinations = order.iterator();
    }

    /** SEQUENTIAL: in group order. */
    static SequentialRing inGroupOrder(RingGroupRequest request) {
        return new SequentialRing(request.destinations());
    }

    /** RANDOM: shuffled by the request's {@link RingGroupRequest#random() random source} (seed it to test an order). */
    static SequentialRing inRandomOrder(RingGroupRequest request) {
        List<String> shuffled = new ArrayList<>(request.destinations());
        Collections.shuffle(shuffled, request.random());
        return new SequentialRing(shuffled);
    }

    @Override
    CompletableFuture<Optional<Next>> next(RingEngine engine) {
        return CompletableFuture.completedFuture(
                destinations.hasNext() ? Optional.of(new Next(destinations.next(), null)) : Optional.empty());
    }
}
