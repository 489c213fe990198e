package io.camelfreeswitch.camel;

import io.camelfreeswitch.call.RingGroupFuture;
import io.camelfreeswitch.call.RingGroupRequest;
import io.camelfreeswitch.call.RingMode;
import io.camelfreeswitch.call.balancer.LoadBalancer;

import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The ring groups of one component that have not ended yet, and the destinations its BALANCING groups have used,
 * for the dev console. Bounded: a group leaves when it ends, and at most {@link #MAX_BALANCED_DESTINATIONS}
 * destinations are remembered.
 */
final class RingGroupsInFlight {

    static final int MAX_BALANCED_DESTINATIONS = 100;

    /** One ringing group, started by {@code routeId} (or outside routes, when {@code null}). */
    record Group(String routeId, String endpointUri, RingGroupRequest request, RingGroupFuture<?> future,
            Instant started) {
    }

    private final Set<Group> groups = ConcurrentHashMap.newKeySet();
    private final Map<LoadBalancer, Set<String>> balanced = new ConcurrentHashMap<>();

    void track(Group group) {
        groups.add(group);
        group.future().whenComplete((result, failure) -> groups.remove(group));
        LoadBalancer balancer = group.request().balancer();
        if (balancer != null && group.request().mode() == RingMode.BALANCING) {
            Set<String> destinations = balanced.computeIfAbsent(balancer, b -> new LinkedHashSet<>());
            synchronized (destinations) {
                for (String destination : group.request().destinations()) {
                    if (destinations.size() < MAX_BALANCED_DESTINATIONS) {
                        destinations.add(destination);
                    }
                }
            }
        }
    }

    /** Oldest first. */
    List<Group> groups() {
        return groups.stream().sorted(Comparator.comparing(Group::started)).toList();
    }

    /** Every balancer used so far, with the destinations rung through it (first seen first). */
    Map<LoadBalancer, List<String>> balancedDestinations() {
        Map<LoadBalancer, List<String>> copy = new java.util.LinkedHashMap<>();
        balanced.forEach((balancer, destinations) -> {
            synchronized (destinations) {
                copy.put(balancer, List.copyOf(destinations));
            }
        });
        return copy;
    }
}
