package io.camelfreeswitch.call;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** One balancer shared by many concurrent BALANCING groups spreads the calls evenly. */
class BalancingLoadSpreadTest extends SimulatedCalls {

    @Test
    void three_hundred_concurrent_groups_over_five_agents_are_answered_evenly() throws Exception {
        List<String> agents = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            agents.add(answersAfter(10));
        }
        RingGroupRequest request = RingGroupRequest.builder(agents).mode(RingMode.BALANCING).balancer(balancer)
                .timeout(Duration.ofSeconds(20)).build();

        List<CompletableFuture<RingGroupResult>> rings = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            rings.add(RingGroup.ring(connection, request));
        }
        CompletableFuture.allOf(rings.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        List<RingGroupResult> results = rings.stream().map(CompletableFuture::join).toList();

        assertThat(results).extracting(RingGroupResult::outcome).containsOnly(RingGroupOutcome.ANSWERED);
        Map<String, Long> answeredBy = results.stream()
                .collect(Collectors.groupingBy(r -> r.winner().destination(), Collectors.counting()));
        assertThat(answeredBy).containsOnlyKeys(agents);
        long most = answeredBy.values().stream().mapToLong(Long::longValue).max().orElseThrow();
        long least = answeredBy.values().stream().mapToLong(Long::longValue).min().orElseThrow();
        assertThat(most - least).as("answered per agent: %s", answeredBy).isLessThanOrEqualTo(5);
        assertThat(agents).allSatisfy(agent -> assertThat(balancer.load(agent).join()).isEqualTo(answeredBy.get(agent)));

        for (RingGroupResult result : results) {
            hangUp(result.winner().uuid());
        }
        ledger().awaitNoLiveChannels(Duration.ofSeconds(30));
    }
}
