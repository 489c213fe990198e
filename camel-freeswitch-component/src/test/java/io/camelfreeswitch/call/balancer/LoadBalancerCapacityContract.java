package io.camelfreeswitch.call.balancer;

import static io.camelfreeswitch.call.balancer.LoadBalancerContract.resultOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What every {@link LoadBalancer} promises about capacity rules: a destination on {@code maxCalls} calls, or resting
 * after a call or after not answering, is never chosen, whoever asks and however many ask at once. Rests are
 * observed ending by polling {@code acquire} (Awaitility), never by sleeping for the rest's length.
 */
abstract class LoadBalancerCapacityContract {

    static final Duration REST = Duration.ofMillis(400);
    private static final Duration WELL_WITHIN = Duration.ofSeconds(20);

    private final ExecutorService callers = Executors.newFixedThreadPool(16);

    abstract LoadBalancer balancer();

    /** A second balancer sharing the first one's load (for in-memory, the same instance). */
    abstract LoadBalancer peer();

    @AfterEach
    void stopCallers() throws InterruptedException {
        callers.shutdownNow();
        assertThat(callers.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    }

    static CapacityRules maxCalls(int maxCalls) {
        return CapacityRules.of(new DestinationCapacity(maxCalls, Duration.ZERO, Duration.ZERO));
    }

    @Test
    void aDestinationOnMaxCallsIsSkippedAndOfferedAgainOnceACallEnds() {
        CapacityRules oneCallEach = maxCalls(1);
        Lease first = acquire(balancer(), List.of("user/1001", "user/1002"), oneCallEach).orElseThrow();
        Lease second = acquire(peer(), List.of("user/1001", "user/1002"), oneCallEach).orElseThrow();

        assertThat(List.of(first.destination(), second.destination())).containsExactly("user/1001", "user/1002");
        assertThat(acquire(balancer(), List.of("user/1001", "user/1002"), oneCallEach))
                .as("both on their one call").isEmpty();
        assertThat(acquire(balancer(), List.of("user/1001", "user/1002"), CapacityRules.UNLIMITED))
                .as("without rules the same destinations are still offered").hasValueSatisfying(Lease::release);

        resultOf(second.release(LeaseEnd.CALL_ENDED)); // no wrap-up time: at once available again
        Lease third = acquire(peer(), List.of("user/1001", "user/1002"), oneCallEach).orElseThrow();
        assertThat(third.destination()).isEqualTo("user/1002");
        LoadBalancerContract.releaseAll(List.of(first, third));
        assertNothingCounted("user/1001", "user/1002");
    }

    @Test
    void aPerDestinationOverrideWinsOverTheDefault() {
        CapacityRules rules = new CapacityRules(new DestinationCapacity(1, Duration.ZERO, Duration.ZERO),
                Map.of("user/1001", new DestinationCapacity(2, Duration.ZERO, Duration.ZERO)));
        List<Lease> held = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            held.add(acquire(balancer(), List.of("user/1001", "user/1002"), rules).orElseThrow());
        }

        assertThat(held).extracting(Lease::destination).containsExactly("user/1001", "user/1002", "user/1001");
        assertThat(acquire(balancer(), List.of("user/1001", "user/1002"), rules)).isEmpty();
        LoadBalancerContract.releaseAll(held);
        assertNothingCounted("user/1001", "user/1002");
    }

    @Test
    void concurrentAcquiresRacingForTheLastSlotsNeverExceedMaxCalls() {
        int maxCalls = 2;
        List<String> agents = List.of("user/1001", "user/1002", "user/1003");
        CapacityRules rules = maxCalls(maxCalls);
        Map<String, AtomicInteger> onCall = new ConcurrentHashMap<>();
        AtomicInteger mostAtOnce = new AtomicInteger();
        AtomicInteger turnedAway = new AtomicInteger();
        for (int round = 0; round < 5; round++) {
            CountDownLatch start = new CountDownLatch(1);
            List<CompletableFuture<Optional<Lease>>> racers = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                LoadBalancer instance = i % 2 == 0 ? balancer() : peer();
                racers.add(CompletableFuture.supplyAsync(() -> {
                    awaitLatch(start);
                    return instance.acquire(agents, rules);
                }, callers).thenCompose(f -> f));
            }
            start.countDown();
            List<Lease> won = new ArrayList<>();
            for (CompletableFuture<Optional<Lease>> racer : racers) {
                resultOf(racer).ifPresentOrElse(lease -> {
                    int now = onCall.computeIfAbsent(lease.destination(), d -> new AtomicInteger()).incrementAndGet();
                    mostAtOnce.accumulateAndGet(now, Math::max);
                    won.add(lease);
                }, turnedAway::incrementAndGet);
            }
            assertThat(won).as("every slot filled, none more").hasSize(agents.size() * maxCalls);
            for (String agent : agents) {
                assertThat(resultOf(peer().load(agent))).isEqualTo(maxCalls);
            }
            won.forEach(lease -> {
                onCall.get(lease.destination()).decrementAndGet();
                resultOf(lease.release());
            });
        }
        assertThat(mostAtOnce.get()).isEqualTo(maxCalls);
        assertThat(turnedAway.get()).isEqualTo(5 * (24 - agents.size() * maxCalls));
        assertNothingCounted(agents.toArray(String[]::new));
    }

    @Test
    void afterItsCallEndsADestinationRestsForItsWrapUpTime() {
        CapacityRules wrapUp = CapacityRules.of(new DestinationCapacity(0, REST, Duration.ZERO));
        Lease call = acquire(balancer(), List.of("user/1001"), wrapUp).orElseThrow();

        long ended = System.nanoTime();
        resultOf(call.release(LeaseEnd.CALL_ENDED));

        assertThat(acquire(peer(), List.of("user/1001"), wrapUp)).as("in wrap-up").isEmpty();
        assertThat(resultOf(balancer().load("user/1001"))).as("resting is not a call").isZero();
        assertThat(acquire(peer(), List.of("user/1001", "user/1002"), wrapUp))
                .hasValueSatisfying(other -> {
                    assertThat(other.destination()).isEqualTo("user/1002");
                    resultOf(other.release());
                });
        Duration rested = awaitOfferedAgain("user/1001", wrapUp, ended);
        assertThat(rested).isGreaterThanOrEqualTo(REST.minusMillis(5));
        assertNothingCounted("user/1001", "user/1002");
    }

    @Test
    void afterNotAnsweringADestinationRestsForItsNoAnswerDelayOnly() {
        CapacityRules delays = CapacityRules.of(new DestinationCapacity(0, Duration.ZERO, REST));
        Lease unanswered = acquire(balancer(), List.of("user/1001"), delays).orElseThrow();
        Lease answered = acquire(balancer(), List.of("user/1002"), delays).orElseThrow();
        Lease cancelled = acquire(balancer(), List.of("user/1003"), delays).orElseThrow();

        long ended = System.nanoTime();
        resultOf(unanswered.release(LeaseEnd.NOT_ANSWERED));
        resultOf(answered.release(LeaseEnd.CALL_ENDED));
        resultOf(cancelled.release(LeaseEnd.FREED));

        assertThat(acquire(peer(), List.of("user/1001"), delays)).as("in its no-answer delay").isEmpty();
        Lease next = acquire(peer(), List.of("user/1001", "user/1002", "user/1003"), delays).orElseThrow();
        assertThat(next.destination()).as("no wrap-up time set: offered at once").isEqualTo("user/1002");
        resultOf(next.release());
        assertThat(awaitOfferedAgain("user/1001", delays, ended)).isGreaterThanOrEqualTo(REST.minusMillis(5));
        assertNothingCounted("user/1001", "user/1002", "user/1003");
    }

    /** A call's wrap-up and a no-answer delay (a quarter of it) ending one after the other, in either order. */
    @ParameterizedTest
    @EnumSource(value = LeaseEnd.class, names = {"CALL_ENDED", "NOT_ANSWERED"})
    void theLongerRestWinsWhicheverEndsFirst(LeaseEnd endsFirst) {
        CapacityRules rules = CapacityRules.of(new DestinationCapacity(0, REST, REST.dividedBy(4)));
        Lease call = acquire(balancer(), List.of("user/1001"), rules).orElseThrow();
        Lease ringing = acquire(peer(), List.of("user/1001"), rules).orElseThrow();

        long ended = System.nanoTime();
        boolean callFirst = endsFirst == LeaseEnd.CALL_ENDED;
        resultOf((callFirst ? call : ringing).release(endsFirst));
        resultOf((callFirst ? ringing : call).release(callFirst ? LeaseEnd.NOT_ANSWERED : LeaseEnd.CALL_ENDED));

        assertThat(awaitOfferedAgain("user/1001", rules, ended)).as("its wrap-up, not the shorter no-answer delay")
                .isGreaterThanOrEqualTo(REST.minusMillis(5));
        assertNothingCounted("user/1001");
    }

    /** Polls until {@code destination} is offered again; returns how long after {@code sinceNanos} that was. */
    private Duration awaitOfferedAgain(String destination, CapacityRules rules, long sinceNanos) {
        await().atMost(WELL_WITHIN).pollInterval(Duration.ofMillis(20)).until(() -> {
            Optional<Lease> probe = resultOf(peer().acquire(List.of(destination), rules));
            probe.ifPresent(lease -> resultOf(lease.release()));
            return probe.isPresent();
        });
        return Duration.ofNanos(System.nanoTime() - sinceNanos);
    }

    private void assertNothingCounted(String... destinations) {
        for (String destination : destinations) {
            assertThat(resultOf(balancer().load(destination))).as("load of %s", destination).isZero();
        }
    }

    static Optional<Lease> acquire(LoadBalancer balancer, List<String> candidates, CapacityRules rules) {
        return resultOf(balancer.acquire(candidates, rules));
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
