package io.camelfreeswitch.call;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * RANDOM: one destination at a time like SEQUENTIAL (see {@link OneAtATimeRing}), in an order shuffled afresh for
 * every group by the request's {@link RingGroupRequest#random() random source} (seed it to test an order).
 */
final class RandomRing extends OneAtATimeRing {

    private final Iterator<String> destinations;

    RandomRing(RingGroupRequest request) {
        List<String> shuffled = new ArrayList<>(request.destinations());
        Collections.shuffle(shuffled, request.random());
        this.destinations = shuffled.iterator();
    }

    @Override
    CompletableFuture<Optional<Next>> next(RingEngine engine) {
        return CompletableFuture.completedFuture(
                destinations.hasNext() ? Optional.of(new Next(destinations.next(), null)) : Optional.empty());
    }
}
