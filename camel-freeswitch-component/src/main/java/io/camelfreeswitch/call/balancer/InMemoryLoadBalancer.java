package io.camelfreeswitch.call.balancer;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;

/**
 * Shares load between the ring groups of one JVM.
 *
 * <p>Lock-free: an acquire reads the candidates' states, picks the least loaded among those the capacity rules allow
 * (ties: list order) and claims it with a compare-and-set from the state it read. If another thread changed that
 * destination in between, the claim fails and the choice is made again, so two concurrent acquires over the same idle
 * candidates end up on different destinations, and a destination never goes past its {@code maxCalls}.
 * Only destinations that hold a lease or are resting (wrap-up, no-answer delay) have an entry: it is removed when
 * neither is true any more, so memory does not grow with the number of destinations ever rung.
 */
public final class InMemoryLoadBalancer implements LoadBalancer {

    /** A destination's leases, and until when it rests ({@code resting} false: it does not). Compared by value. */
    private record Slot(long load, boolean resting, long restUntilNanos) {
        boolean restsAt(long now) {
            return resting && restUntilNanos - now > 0;
        }
    }

    private final ConcurrentHashMap<String, Slot> slots = new ConcurrentHashMap<>();
    private final LongSupplier nanoClock;
    /** ROUND_ROBIN's memory: the destination that last answered, per ring group, and when. */
    private final ConcurrentHashMap<String, Answer> lastAnswered = new ConcurrentHashMap<>();
    /** Answers recorded since expired ones were last swept out: a sweep every {@value #SWEEP_EVERY} answers. */
    private final AtomicLong answersSinceSweep = new AtomicLong();
    private static final int SWEEP_EVERY = 1024;

    private record Answer(String destination, long atNanos) {
        boolean forgottenAt(long now) {
            return now - atNanos >= FORGET_ANSWERS_AFTER.toNanos();
        }
    }

    public InMemoryLoadBalancer() {
        this(System::nanoTime);
    }

    /** With a clock of the caller's (in nanoseconds, like {@link System#nanoTime()}), so tests can step time. */
    InMemoryLoadBalancer(LongSupplier nanoClock) {
        this.nanoClock = Objects.requireNonNull(nanoClock, "nanoClock");
    }

    @Override
    public CompletableFuture<Optional<Lease>> acquire(List<String> candidates) {
        return acquire(candidates, CapacityRules.UNLIMITED);
    }

    @Override
    public CompletableFuture<Optional<Lease>> acquire(List<String> candidates, CapacityRules rules) {
        Objects.requireNonNull(rules, "rules");
        if (LoadBalancer.requireCandidates(candidates).isEmpty()) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        while (true) {
            long now = nanoClock.getAsLong();
            String chosen = null;
            Slot chosenSlot = null;
            long chosenLoad = Long.MAX_VALUE;
            for (String candidate : candidates) {
                Slot slot = slots.get(candidate);
                if (slot != null && slot.load() == 0 && !slot.restsAt(now) && slots.remove(candidate, slot)) {
                    slot = null; // its rest is over and nothing else is held: drop the entry
                }
                long load = slot == null ? 0 : slot.load();
                int maxCalls = rules.of(candidate).maxCalls();
                if (slot != null && slot.restsAt(now) || maxCalls > 0 && load >= maxCalls) {
                    continue;
                }
                if (load < chosenLoad) { // strict: ties keep the earlier candidate
                    chosen = candidate;
                    chosenSlot = slot;
                    chosenLoad = load;
                }
            }
            if (chosen == null) {
                return CompletableFuture.completedFuture(Optional.empty());
            }
            if (claim(chosen, chosenSlot)) {
                return CompletableFuture.completedFuture(Optional.of(new InMemoryLease(chosen, rules.of(chosen))));
            }
        }
    }

    @Override
    public CompletableFuture<Long> load(String destination) {
        Objects.requireNonNull(destination, "destination");
        Slot slot = slots.get(destination);
        return CompletableFuture.completedFuture(slot == null ? 0L : slot.load());
    }

    @Override
    public CompletableFuture<Optional<String>> lastAnswered(String group) {
        Answer answer = lastAnswered.get(Objects.requireNonNull(group, "group"));
        return CompletableFuture.completedFuture(answer == null || answer.forgottenAt(nanoClock.getAsLong())
                ? Optional.empty() : Optional.of(answer.destination()));
    }

    @Override
    public CompletableFuture<Void> answered(String group, String destination) {
        long now = nanoClock.getAsLong();
        lastAnswered.put(Objects.requireNonNull(group, "group"),
                new Answer(Objects.requireNonNull(destination, "destination"), now));
        if (answersSinceSweep.incrementAndGet() % SWEEP_EVERY == 0) {
            lastAnswered.values().removeIf(answer -> answer.forgottenAt(now));
        }
        return CompletableFuture.completedFuture(null);
    }

    /** How many ring groups' last answers are remembered now (tests, diagnostics). */
    int rememberedGroups() {
        return lastAnswered.size();
    }

    /** A snapshot of the destinations that currently hold at least one lease, for metrics and diagnostics. */
    public Map<String, Long> loads() {
        return slots.entrySet().stream().filter(entry -> entry.getValue().load() > 0)
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, entry -> entry.getValue().load()));
    }

    /** Whether {@code destination} is resting now (in its wrap-up time or no-answer delay). */
    public boolean isResting(String destination) {
        Slot slot = slots.get(Objects.requireNonNull(destination, "destination"));
        return slot != null && slot.restsAt(nanoClock.getAsLong());
    }

    /** Claims from the state read ({@code null}: no entry); a rest that has run out is dropped with it. */
    private boolean claim(String destination, Slot observed) {
        return observed == null
                ? slots.putIfAbsent(destination, new Slot(1, false, 0)) == null
                : slots.replace(destination, observed, new Slot(observed.load() + 1, false, 0));
    }

    private void unclaim(String destination, Duration rest) {
        while (true) {
            Slot slot = slots.get(destination);
            if (slot == null || slot.load() == 0) {
                throw new IllegalStateException("released a lease on " + destination + " that was not counted");
            }
            long now = nanoClock.getAsLong();
            boolean resting = !rest.isZero() || slot.restsAt(now);
            long restUntil = rest.isZero() ? slot.restUntilNanos()
                    : slot.restsAt(now) && slot.restUntilNanos() - (now + rest.toNanos()) > 0
                            ? slot.restUntilNanos() : now + rest.toNanos();
            boolean done = slot.load() == 1 && !resting
                    ? slots.remove(destination, slot)
                    : slots.replace(destination, slot, new Slot(slot.load() - 1, resting, restUntil));
            if (done) {
                return;
            }
        }
    }

    private final class InMemoryLease implements Lease {
        private final String destination;
        private final DestinationCapacity capacity;
        private final AtomicBoolean releasing = new AtomicBoolean();
        private final CompletableFuture<Void> released = new CompletableFuture<>();

        InMemoryLease(String destination, DestinationCapacity capacity) {
            this.destination = destination;
            this.capacity = capacity;
        }

        @Override
        public String destination() {
            return destination;
        }

        @Override
        public CompletableFuture<Void> release() {
            return release(LeaseEnd.FREED);
        }

        @Override
        public CompletableFuture<Void> release(LeaseEnd end) {
            if (releasing.compareAndSet(false, true)) {
                unclaim(destination, capacity.restAfter(end));
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
