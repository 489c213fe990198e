package io.camelfreeswitch.call.balancer;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Shares load between the ring groups of one JVM.
 *
 * <p>Lock-free: an acquire reads the candidates' loads, picks the least loaded (ties: list order) and claims it with a
 * compare-and-set from the value it read. If another thread changed that destination in between, the claim fails and
 * the choice is made again, so two concurrent acquires over the same idle candidates end up on different destinations.
 * Only destinations that currently hold a lease have an entry: the entry is removed when its load returns to zero, so
 * memory does not grow with the number of destinations ever rung.
 */
public final class InMemoryLoadBalancer implements LoadBalancer {

    private final ConcurrentHashMap<String, Long> loads = new ConcurrentHashMap<>();
    /** ROUND_ROBIN's memory: the destination that last answered, per ring group. */
    private final ConcurrentHashMap<String, String> lastAnswered = new ConcurrentHashMap<>();

    @Override
    public CompletableFuture<Optional<Lease>> acquire(List<String> candidates) {
        if (LoadBalancer.requireCandidates(candidates).isEmpty()) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        while (true) {
            String chosen = null;
            long chosenLoad = Long.MAX_VALUE;
            for (String candidate : candidates) {
                long load = loads.getOrDefault(candidate, 0L);
                if (load < chosenLoad) { // strict: ties keep the earlier candidate
                    chosen = candidate;
                    chosenLoad = load;
                }
            }
            if (claim(chosen, chosenLoad)) {
                return CompletableFuture.completedFuture(Optional.of(new InMemoryLease(chosen)));
            }
        }
    }

    @Override
    public CompletableFuture<Long> load(String destination) {
        Objects.requireNonNull(destination, "destination");
        return CompletableFuture.completedFuture(loads.getOrDefault(destination, 0L));
    }

    @Override
    public CompletableFuture<Optional<String>> lastAnswered(String group) {
        return CompletableFuture.completedFuture(Optional.ofNullable(lastAnswered.get(Objects.requireNonNull(group))));
    }

    @Override
    public CompletableFuture<Void> answered(String group, String destination) {
        lastAnswered.put(Objects.requireNonNull(group, "group"), Objects.requireNonNull(destination, "destination"));
        return CompletableFuture.completedFuture(null);
    }

    /** A snapshot of the destinations that currently hold at least one lease, for metrics and diagnostics. */
    public Map<String, Long> loads() {
        return Map.copyOf(loads);
    }

    private boolean claim(String destination, long observedLoad) {
        return observedLoad == 0
                ? loads.putIfAbsent(destination, 1L) == null
                : loads.replace(destination, observedLoad, observedLoad + 1);
    }

    private void unclaim(String destination) {
        while (true) {
            Long load = loads.get(destination);
            if (load == null) {
                throw new IllegalStateException("released a lease on " + destination + " that was not counted");
            }
            boolean done = load == 1
                    ? loads.remove(destination, 1L)
                    : loads.replace(destination, load, load - 1);
            if (done) {
                return;
            }
        }
    }

    private final class InMemoryLease implements Lease {
        private final String destination;
        private final AtomicBoolean releasing = new AtomicBoolean();
        private final CompletableFuture<Void> released = new CompletableFuture<>();

        InMemoryLease(String destination) {
            this.destination = destination;
        }

        @Override
        public String destination() {
            return destination;
        }

        @Override
        public CompletableFuture<Void> release() {
            if (releasing.compareAndSet(false, true)) {
                unclaim(destination);
                released.complete(null);
            }
            return released;
        }

        @Override
        public String toString() {
            return "InMemoryLease[" + destination + "]";
        }
    }
}
