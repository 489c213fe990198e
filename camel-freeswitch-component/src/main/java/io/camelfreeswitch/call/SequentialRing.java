package io.camelfreeswitch.call;

import java.util.Iterator;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** SEQUENTIAL: the destinations in group order, one at a time (see {@link OneAtATimeRing}). */
final class SequentialRing extends OneAtATimeRing {

    private final Iterator<String> destinations;

    SequentialRing(RingGroupRequest request) {
        this.destinations = request.destinations().iterator();
    }

    @Override
    CompletableFuture<Optional<Next>> next(RingEngine engine) {
        return CompletableFuture.completedFuture(
                destinations.hasNext() ? Optional.of(new Next(destinations.next(), null)) : Optional.empty());
    }
}
