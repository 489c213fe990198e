package io.camelfreeswitch.call;

import io.camelfreeswitch.call.balancer.CapacityRules;
import io.camelfreeswitch.call.balancer.DestinationCapacity;
import io.camelfreeswitch.call.balancer.LoadBalancer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static io.camelfreeswitch.testing.TestWaits.WELL_WITHIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * BALANCING with capacity rules, on the simulator: what a contact centre expects of agents (mod_callcenter's
 * max calls, wrap-up time and no-answer delay), whoever shares the load. Subclasses supply two balancers that share
 * it, as two application instances would. After every test nothing is live, nothing is counted, and every rest has
 * been seen to end (by polling the balancer, not by sleeping).
 */
abstract class BalancingCapacityScenarios extends SimulatedCalls {

    static final Duration REST = Duration.ofMillis(500);
    /** The longest rest a scenario gives: real time, on Redis too, so every wait for a rest's end allows it. */
    private static final Duration LONGEST_REST = Duration.ofSeconds(3);

    private final List<String> used = new CopyOnWriteArrayList<>();

    /** The balancer of "this instance". */
    abstract LoadBalancer shared();

    /** The balancer of "another instance", sharing the load of {@link #shared()}. */
    abstract LoadBalancer otherInstance();

    /** Called after the checks of every test (JUnit runs a subclass's own @AfterEach before these checks). */
    void closeBalancers() {
    }

    @AfterEach
    void nothingCountedNorResting() {
        try {
            ledger().awaitNoLiveChannels(WELL_WITHIN);
            for (String destination : used) {
                await().atMost(WELL_WITHIN).until(() -> load(destination) == 0);
                await().atMost(WELL_WITHIN.plus(LONGEST_REST)).pollInterval(Duration.ofMillis(20))
                        .until(() -> offered(destination));
            }
        } finally {
            closeBalancers();
        }
    }

    private String agent(String destination) {
        used.add(destination);
        return destination;
    }

    private RingGroupRequest.Builder group(LoadBalancer balancer, CapacityRules rules, String... destinations) {
        return RingGroupRequest.builder(List.of(destinations)).mode(RingMode.BALANCING).balancer(balancer)
                .capacity(rules).timeout(Duration.ofSeconds(5));
    }

    static CapacityRules rules(int maxCalls, Duration wrapUpTime, Duration noAnswerDelay) {
        return CapacityRules.of(new DestinationCapacity(maxCalls, wrapUpTime, noAnswerDelay));
    }

    long load(String destination) throws Exception {
        return shared().load(destination).get(WELL_WITHIN.toSeconds(), TimeUnit.SECONDS);
    }

    /** Whether the destination would be offered a call now (probing takes a lease, given straight back). */
    private boolean offered(String destination) throws Exception {
        Optional<io.camelfreeswitch.call.balancer.Lease> probe = shared()
                .acquire(List.of(destination), rules(0, REST, REST)).get(WELL_WITHIN.toSeconds(), TimeUnit.SECONDS);
        if (probe.isPresent()) {
            probe.get().release().get(WELL_WITHIN.toSeconds(), TimeUnit.SECONDS);
        }
        return probe.isPresent();
    }

    @Test
    void an_agent_on_its_maxCalls_is_skipped_and_the_next_is_rung() throws Exception {
        String onCall = agent(answersAfter(0));
        String free = agent(answersAfter(0));
        CapacityRules oneCall = rules(1, Duration.ZERO, Duration.ZERO);
        RingGroupResult first = resultOf(RingGroup.ring(connection, group(shared(), oneCall, onCall, free).build()));
        assertThat(first.winner().destination()).isEqualTo(onCall);

        RingGroupResult second = resultOf(RingGroup.ring(connection,
                group(otherInstance(), oneCall, onCall, free).build()));

        assertThat(second.winner().destination()).isEqualTo(free);
        assertThat(rungInOrder(second)).containsExactly(free);
        endCall(first);
        endCall(second);
    }

    @Test
    void every_agent_unavailable_ends_the_group_at_once_without_ringing_anyone() throws Exception {
        String onCall = agent(answersAfter(0));
        CapacityRules oneCall = rules(1, Duration.ZERO, Duration.ZERO);
        RingGroupResult call = resultOf(RingGroup.ring(connection, group(shared(), oneCall, onCall).build()));
        int channelsBefore = ledger().channelsTo(onCall).size();

        long start = System.nanoTime();
        RingGroupResult refused = resultOf(RingGroup.ring(connection,
                group(otherInstance(), oneCall, onCall).build()));

        assertThat(refused.outcome()).isEqualTo(RingGroupOutcome.UNAVAILABLE);
        assertThat(refused.legs()).isEmpty();
        assertThat(refused.winner()).isNull();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        assertThat(ledger().channelsTo(onCall)).hasSize(channelsBefore);
        endCall(call);
    }

    @Test
    void groups_racing_for_the_last_free_slots_never_put_an_agent_over_its_maxCalls() throws Exception {
        String first = agent(answersAfter(50));
        String second = agent(answersAfter(50));
        CapacityRules oneCall = rules(1, Duration.ZERO, Duration.ZERO);
        List<CompletableFuture<RingGroupResult>> racing = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            LoadBalancer instance = i % 2 == 0 ? shared() : otherInstance();
            racing.add(RingGroup.ring(connection, group(instance, oneCall, first, second).build()));
        }
        List<RingGroupResult> results = new ArrayList<>();
        for (CompletableFuture<RingGroupResult> ring : racing) {
            results.add(resultOf(ring));
        }

        assertThat(results).filteredOn(r -> r.outcome() == RingGroupOutcome.ANSWERED)
                .extracting(r -> r.winner().destination()).containsExactlyInAnyOrder(first, second);
        assertThat(results).filteredOn(r -> r.outcome() != RingGroupOutcome.ANSWERED)
                .allSatisfy(r -> {
                    assertThat(r.outcome()).isEqualTo(RingGroupOutcome.UNAVAILABLE);
                    assertThat(r.legs()).isEmpty();
                });
        assertThat(ledger().channelsTo(first)).as("rung once: never over maxCalls").hasSize(1);
        assertThat(ledger().channelsTo(second)).as("rung once: never over maxCalls").hasSize(1);
        for (RingGroupResult result : results) {
            endCall(result);
        }
    }

    @Test
    void after_its_call_an_agent_is_not_offered_during_its_wrapUpTime() throws Exception {
        String wrapping = agent(answersAfter(0));
        String other = agent(answersAfter(0));
        CapacityRules wrapUp = rules(0, REST, Duration.ZERO);
        RingGroupResult call = resultOf(RingGroup.ring(connection, group(shared(), wrapUp, wrapping, other).build()));
        assertThat(call.winner().destination()).isEqualTo(wrapping);
        endCall(call);
        await().atMost(WELL_WITHIN).until(() -> load(wrapping) == 0); // the call's end has been counted

        RingGroupResult next = resultOf(RingGroup.ring(connection,
                group(otherInstance(), wrapUp, wrapping, other).build()));

        assertThat(rungInOrder(next)).containsExactly(other);
        endCall(next);
    }

    @Test
    void after_not_answering_an_agent_is_not_offered_during_its_noAnswerDelay() throws Exception {
        String silent = agent(neverAnswers());
        String answering = agent(answersAfter(0));
        // long enough for the two groups below on a loaded machine; the rest's end is then awaited like any other
        CapacityRules noAnswerDelay = rules(0, Duration.ZERO, LONGEST_REST);
        RingGroupResult first = resultOf(RingGroup.ring(connection, group(shared(), noAnswerDelay, silent, answering)
                .timeout(Duration.ofMillis(300)).totalTimeout(Duration.ofSeconds(10)).build()));
        assertThat(rungInOrder(first)).containsExactly(silent, answering);
        endCall(first);

        RingGroupResult second = resultOf(RingGroup.ring(connection,
                group(otherInstance(), noAnswerDelay, silent, answering).build()));
        assertThat(rungInOrder(second)).containsExactly(answering);
        endCall(second);

        RingGroupResult third = resultOf(RingGroup.ring(connection,
                group(otherInstance(), noAnswerDelay, silent).build()));
        assertThat(third.outcome()).isEqualTo(RingGroupOutcome.UNAVAILABLE);
        assertThat(third.legs()).isEmpty();
    }

    @Test
    void a_per_destination_override_lets_one_agent_take_more_calls() throws Exception {
        String senior = agent(answersAfter(0));
        String junior = agent(answersAfter(0));
        CapacityRules rules = new CapacityRules(new DestinationCapacity(1, Duration.ZERO, Duration.ZERO),
                Map.of(senior, new DestinationCapacity(2, Duration.ZERO, Duration.ZERO)));
        List<RingGroupResult> calls = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            calls.add(resultOf(RingGroup.ring(connection, group(shared(), rules, senior, junior).build())));
        }
        RingGroupResult fourth = resultOf(RingGroup.ring(connection, group(shared(), rules, senior, junior).build()));

        assertThat(calls).extracting(r -> r.winner().destination()).containsExactly(senior, junior, senior);
        assertThat(fourth.outcome()).isEqualTo(RingGroupOutcome.UNAVAILABLE);
        for (RingGroupResult call : calls) {
            endCall(call);
        }
    }
}
