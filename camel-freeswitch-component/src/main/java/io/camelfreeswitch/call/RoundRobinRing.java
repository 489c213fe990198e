package io.camelfreeswitch.call;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * ROUND_ROBIN (Asterisk's rrmemory): one destination at a time like SEQUENTIAL (see {@link OneAtATimeRing}),
 * starting after the destination that last answered in this group and wrapping around. The memory of who last
 * answered is kept in the {@link io.camelfreeswitch.call.balancer.LoadBalancer}, under the request's
 * {@link RingGroupRequest#groupName() group name}, so every instance sharing the balancer shares the rotation. It is
 * read once per group and written when a destination answers; a failed write is logged, it only affects the order.
 */
final class RoundRobinRing extends OneAtATimeRing {

    private static final Logger LOG = LoggerFactory.getLogger(RoundRobinRing.class);

    private final List<String> destinations;
    private final String group;
    /** The order of this group, read from the balancer once; set on the group's executor. */
    private CompletableFuture<List<String>> order;
    private int tried;

    RoundRobinRing(RingGroupRequest request) {
        this.destinations = request.destinations();
        this.group = request.groupName();
    }

    @Override
    CompletableFuture<Optional<Next>> next(RingEngine engine) {
        if (order == null) {
            order = engine.request().balancer().lastAnswered(group).thenApply(this::startingAfter);
        }
        int position = tried;
        return order.thenApply(list -> position < list.size()
                ? Optional.of(new Next(list.get(position), null)) : Optional.empty());
    }

    @Override
    boolean taken(Next next) {
        tried++;
        return true;
    }

    private List<String> startingAfter(Optional<String> last) {
        int first = last.map(destinations::indexOf).orElse(-1) + 1;
        List<String> rotated = new ArrayList<>(destinations.subList(first, destinations.size()));
        rotated.addAll(destinations.subList(0, first));
        return rotated;
    }

    @Override
    public void winnerChosen(RingEngine engine, Leg winner) {
        super.winnerChosen(engine, winner);
        String destination = winner.result().destination();
        engine.request().balancer().answered(group, destination).whenComplete((ok, e) -> {
            if (e != null) {
                LOG.warn("Could not record that {} answered in ring group '{}'; the next group may start with it"
                        + " again", destination, group, e);
            }
        });
    }
}
