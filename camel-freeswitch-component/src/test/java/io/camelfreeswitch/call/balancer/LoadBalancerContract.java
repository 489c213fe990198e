package io.camelfreeswitch.call.balancer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link LoadBalancer} promises, whatever stores the load. Subclasses supply two balancers that share
 * their load (the same instance in memory; two clients of one server for Redis).
 */
abstract class LoadBalancerContract {

    static final List<String> AGENTS = List.of("user/1001", "user/1002", "user/1003", "user/1004", "user/1005");

    private final ExecutorService callers = Executors.newFixedThreadPool(16);

    /** The balancer under test. */
    abstract LoadBalancer balancer();

    /** A second balancer sharing the first one's load (for in-memory, the same instance). */
    abstract LoadBalancer peer();

    @AfterEach
    void stopCallers() throws InterruptedException {
        callers.shutdownNow();
        assertThat(callers.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void noCandidatesGiveNoLease() {
        assertThat(resultOf(balancer().acquire(List.of()))).isEmpty();
    }

    @Test
    void idleCandidatesAreTakenInListOrder() {
        Lease first = acquire(balancer(), AGENTS);
        Lease second = acquire(balancer(), AGENTS);
        Lease third = acquire(balancer(), List.of("user/1003", "user/1001", "user/1002"));

        assertThat(first.destination()).isEqualTo("user/1001");
        assertThat(second.destination()).isEqualTo("user/1002");
        assertThat(third.destination()).isEqualTo("user/1003");
        releaseAll(List.of(first, second, third));
    }

    @Test
    void theLeastLoadedCandidateIsChosen() {
        List<Lease> held = new ArrayList<>();
        held.add(acquire(balancer(), List.of("user/1001")));
        held.add(acquire(balancer(), List.of("user/1001")));
        held.add(acquire(balancer(), List.of("user/1002")));

        Lease lease = acquire(balancer(), List.of("user/1001", "user/1002", "user/1003"));
        assertThat(lease.destination()).isEqualTo("user/1003");
        held.add(lease);
        // now 1001=2, 1002=1, 1003=1: the tie between 1002 and 1003 goes to whichever the list names first
        assertThat(acquire(balancer(), List.of("user/1001", "user/1003", "user/1002")).destination())
                .isEqualTo("user/1003");

        assertThat(resultOf(balancer().load("user/1001"))).isEqualTo(2);
        assertThat(resultOf(balancer().load("user/1002"))).isEqualTo(1);
        assertThat(resultOf(balancer().load("user/1003"))).isEqualTo(2);
        releaseAll(held);
    }

    @Test
    void aDestinationNeverRungHasNoLoad() {
        assertThat(resultOf(balancer().load("user/never-rung"))).isZero();
    }

    @Test
    void releasingGivesTheUnitBackAndLoadReturnsToZero() {
        Lease lease = acquire(balancer(), AGENTS);
        assertThat(resultOf(balancer().load(lease.destination()))).isEqualTo(1);

        resultOf(lease.release());

        assertThat(resultOf(balancer().load(lease.destination()))).isZero();
    }

    @Test
    void releaseIsIdempotent() {
        Lease kept = acquire(balancer(), List.of("user/1001"));
        Lease released = acquire(balancer(), List.of("user/1001"));

        CompletableFuture<Void> firstRelease = released.release();
        resultOf(firstRelease);
        assertThat(released.release()).isSameAs(firstRelease);
        resultOf(released.release());

        assertThat(resultOf(balancer().load("user/1001"))).isEqualTo(1);
        resultOf(kept.release());
        assertThat(resultOf(balancer().load("user/1001"))).isZero();
    }

    @Test
    void concurrentReleasesOfOneLeaseCountOnce() throws Exception {
        Lease kept = acquire(balancer(), List.of("user/1001"));
        Lease lease = acquire(balancer(), List.of("user/1001"));
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Void>> releases = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            releases.add(CompletableFuture.supplyAsync(() -> {
                awaitLatch(start);
                return lease.release();
            }, callers).thenCompose(f -> f));
        }
        start.countDown();
        resultOf(CompletableFuture.allOf(releases.toArray(CompletableFuture[]::new)));

        assertThat(resultOf(balancer().load("user/1001"))).isEqualTo(1);
        resultOf(kept.release());
    }

    @Test
    void concurrentAcquiresSpreadEvenlyAndAllReturnToZero() {
        int calls = 300;
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Lease>> acquisitions = new ArrayList<>();
        for (int i = 0; i < calls; i++) {
            LoadBalancer instance = i % 2 == 0 ? balancer() : peer();
            acquisitions.add(CompletableFuture.supplyAsync(() -> {
                awaitLatch(start);
                return instance.acquire(AGENTS);
            }, callers).thenCompose(f -> f).thenApply(Optional::orElseThrow));
        }
        start.countDown();
        List<Lease> leases = acquisitions.stream().map(LoadBalancerContract::resultOf).toList();

        // every acquire chose and counted in one step, so with nobody releasing the spread is perfect
        Map<String, Long> perDestination = new ConcurrentHashMap<>();
        leases.forEach(lease -> perDestination.merge(lease.destination(), 1L, Long::sum));
        assertThat(perDestination).containsOnlyKeys(AGENTS);
        assertThat(perDestination.values()).allSatisfy(count -> assertThat(count).isEqualTo(calls / AGENTS.size()));
        for (String agent : AGENTS) {
            assertThat(resultOf(peer().load(agent))).isEqualTo(calls / AGENTS.size());
        }

        List<CompletableFuture<Void>> releases = new ArrayList<>();
        for (Lease lease : leases) {
            releases.add(CompletableFuture.supplyAsync(lease::release, callers).thenCompose(f -> f));
        }
        resultOf(CompletableFuture.allOf(releases.toArray(CompletableFuture[]::new)));
        for (String agent : AGENTS) {
            assertThat(resultOf(balancer().load(agent))).isZero();
        }
    }

    @Test
    void callsThatComeAndGoStaySpreadAndLeaveNoLoad() {
        int calls = 300;
        Map<String, AtomicLong> answered = new ConcurrentHashMap<>();
        List<CompletableFuture<Void>> lifecycles = Collections.synchronizedList(new ArrayList<>());
        for (int i = 0; i < calls; i++) {
            LoadBalancer instance = i % 2 == 0 ? balancer() : peer();
            lifecycles.add(CompletableFuture.supplyAsync(() -> instance.acquire(AGENTS), callers)
                    .thenCompose(f -> f)
                    .thenApply(Optional::orElseThrow)
                    .thenCompose(lease -> {
                        answered.computeIfAbsent(lease.destination(), d -> new AtomicLong()).incrementAndGet();
                        // a short call: held for a few milliseconds, then hung up
                        Executor hangup = CompletableFuture.delayedExecutor(
                                ThreadLocalRandom.current().nextInt(1, 30), TimeUnit.MILLISECONDS, callers);
                        return CompletableFuture.supplyAsync(lease::release, hangup).thenCompose(f -> f);
                    }));
        }
        resultOf(CompletableFuture.allOf(lifecycles.toArray(CompletableFuture[]::new)));

        // short calls finish at random moments, so the spread is not perfect, but nobody is starved or flooded
        long fewest = answered.values().stream().mapToLong(AtomicLong::get).min().orElse(0);
        long most = answered.values().stream().mapToLong(AtomicLong::get).max().orElse(0);
        assertThat(answered).containsOnlyKeys(AGENTS);
        assertThat(most - fewest).isLessThanOrEqualTo(calls / AGENTS.size());
        for (String agent : AGENTS) {
            assertThat(resultOf(balancer().load(agent))).isZero();
        }
    }

    static Lease acquire(LoadBalancer balancer, List<String> candidates) {
        return resultOf(balancer.acquire(candidates)).orElseThrow();
    }

    static void releaseAll(List<Lease> leases) {
        leases.forEach(lease -> resultOf(lease.release()));
    }

    static <T> T resultOf(CompletableFuture<T> future) {
        try {
            return future.get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("balancer future did not complete normally", e);
        }
    }

    private static void awaitLatch(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
