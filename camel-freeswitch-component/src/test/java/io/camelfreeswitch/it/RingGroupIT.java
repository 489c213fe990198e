package io.camelfreeswitch.it;

import io.camelfreeswitch.call.LegOutcome;
import io.camelfreeswitch.call.LegResult;
import io.camelfreeswitch.call.RingGroupOutcome;
import io.camelfreeswitch.call.RingGroupResult;
import io.camelfreeswitch.call.balancer.CapacityRules;
import io.camelfreeswitch.call.balancer.DestinationCapacity;
import io.camelfreeswitch.call.balancer.InMemoryLoadBalancer;
import io.camelfreeswitch.call.balancer.LoadBalancer;
import io.camelfreeswitch.call.balancer.RedisLoadBalancer;
import io.camelfreeswitch.call.balancer.TestRedis;
import io.camelfreeswitch.camel.FreeSwitchConstants;
import io.camelfreeswitch.esl.EventFormat;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every ring mode on the FreeSWITCH under test, with the hang-up causes FreeSWITCH itself reports in its
 * CHANNEL_HANGUP_COMPLETE events (plain format here), and BALANCING through both balancers.
 */
class RingGroupIT extends FreeSwitchItSupport {

    private static final InMemoryLoadBalancer IN_MEMORY = new InMemoryLoadBalancer();
    private static RedisLoadBalancer redis;

    @BeforeAll
    static void start() throws Exception {
        redis = RedisLoadBalancer.builder().redisUri(TestRedis.uri()).keyPrefix("camel-it-" + UUID.randomUUID())
                .build();
        startCamel(EventFormat.PLAIN, new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:ring").toD("freeswitch:ringGroup?mode=${header.itMode}&timeout=${header.itTimeout}"
                        + "&totalTimeout=${header.itTotalTimeout}&balancer=#${header.itBalancer}");
                // agents with capacity: one call each, a rest after a call and after not answering
                from("direct:ring-agents").toD("freeswitch:ringGroup?mode=BALANCING&timeout=1s"
                        + "&maxCalls=1&wrapUpTime=1s&noAnswerDelay=1s&balancer=#${header.itBalancer}");
            }
        }, Map.of("inMemory", IN_MEMORY, "redis", redis));
    }

    @AfterAll
    static void closeRedis() {
        if (redis != null) {
            redis.close();
        }
    }

    private static RingGroupResult ring(String mode, String timeout, String totalTimeout, String balancer,
                                        String... extensions) {
        List<String> destinations = Arrays.stream(extensions).map(FreeSwitchItSupport::phone).toList();
        var exchange = template.request("direct:ring", e -> {
            e.getMessage().setHeader("itMode", mode);
            e.getMessage().setHeader("itTimeout", timeout);
            e.getMessage().setHeader("itTotalTimeout", totalTimeout);
            e.getMessage().setHeader("itBalancer", balancer);
            e.getMessage().setHeader(FreeSwitchConstants.DESTINATIONS, destinations);
        });
        assertThat(exchange.getException()).isNull();
        RingGroupResult result = exchange.getMessage().getBody(RingGroupResult.class);
        assertThat(exchange.getMessage().getHeader(FreeSwitchConstants.RING_GROUP_OUTCOME)).isEqualTo(result.outcome());
        return result;
    }

    private static RingGroupResult ringAgents(String balancer, String... extensions) {
        List<String> destinations = Arrays.stream(extensions).map(FreeSwitchItSupport::phone).toList();
        var exchange = template.request("direct:ring-agents", e -> {
            e.getMessage().setHeader("itBalancer", balancer);
            e.getMessage().setHeader(FreeSwitchConstants.DESTINATIONS, destinations);
        });
        assertThat(exchange.getException()).isNull();
        return exchange.getMessage().getBody(RingGroupResult.class);
    }

    private static LegResult leg(RingGroupResult result, String extension) {
        return result.leg(phone(extension)).orElseThrow(() -> new AssertionError(extension + " was not rung"));
    }

    /** FreeSWITCH's own Hangup-Cause for the leg equals {@code cause}, and so does the component's LegResult. */
    private static void freeswitchReports(LegResult leg, String cause) {
        assertThat(EVENTS.awaitHangupCause(leg.uuid(), WITHIN)).as("FreeSWITCH's Hangup-Cause of %s",
                leg.destination()).isEqualTo(cause);
        assertThat(leg.hangupCause()).isEqualTo(cause);
        checked("%s: %s, FreeSWITCH's CHANNEL_HANGUP_COMPLETE says %s", leg.destination(), leg.outcome(), cause);
    }

    private static void endCall(RingGroupResult result) {
        String winner = result.winner().uuid();
        hangUp(List.of(winner));
        assertThat(EVENTS.awaitHangupCause(winner, WITHIN)).isEqualTo("NORMAL_CLEARING");
    }

    @Test
    void parallel_connects_the_first_to_answer_and_freeswitch_reports_lose_race_for_the_others() {
        RingGroupResult result = ring("PARALLEL", "10s", "0", "inMemory", "answer-after-3000", "answer-after-300",
                "busy");

        assertThat(result.outcome()).isEqualTo(RingGroupOutcome.ANSWERED);
        assertThat(result.winner().destination()).isEqualTo(phone("answer-after-300"));
        checked("PARALLEL answered by %s after %d ms", result.winner().destination(),
                leg(result, "answer-after-300").timeToAnswer().toMillis());
        assertThat(leg(result, "answer-after-3000").outcome()).isEqualTo(LegOutcome.NO_ANSWER);
        freeswitchReports(leg(result, "answer-after-3000"), "LOSE_RACE");
        assertThat(leg(result, "busy").outcome()).isEqualTo(LegOutcome.BUSY);
        freeswitchReports(leg(result, "busy"), "USER_BUSY");
        endCall(result);
    }

    @Test
    void parallel_with_nobody_answering_ends_with_no_answer_as_freeswitch_reports_it() {
        RingGroupResult result = ring("PARALLEL", "1s", "0", "inMemory", "no-answer", "reject-CALL_REJECTED");

        assertThat(result.outcome()).isEqualTo(RingGroupOutcome.NO_ANSWER);
        checked("PARALLEL with nobody answering: outcome NO_ANSWER, no exception");
        freeswitchReports(leg(result, "no-answer"), "NO_ANSWER");
        assertThat(leg(result, "reject-CALL_REJECTED").outcome()).isEqualTo(LegOutcome.REJECTED);
        freeswitchReports(leg(result, "reject-CALL_REJECTED"), "CALL_REJECTED");
    }

    @Test
    void early_media_is_not_an_answer() {
        RingGroupResult result = ring("PARALLEL", "10s", "0", "inMemory", "early-800");

        assertThat(result.outcome()).isEqualTo(RingGroupOutcome.ANSWERED);
        assertThat(leg(result, "early-800").timeToAnswer()).isGreaterThanOrEqualTo(Duration.ofMillis(700));
        checked("early-800: 800 ms of early media, then answered: the group waited for the answer (%d ms)",
                leg(result, "early-800").timeToAnswer().toMillis());
        endCall(result);
    }

    @Test
    void sequential_moves_past_busy_rejecting_and_unanswered_destinations() {
        RingGroupResult result = ring("SEQUENTIAL", "1s", "0", "inMemory", "busy", "reject-CALL_REJECTED",
                "no-answer", "answer-after-200");

        assertThat(result.outcome()).isEqualTo(RingGroupOutcome.ANSWERED);
        assertThat(result.winner().destination()).isEqualTo(phone("answer-after-200"));
        assertThat(result.legs()).extracting(LegResult::destination).containsExactly(phone("busy"),
                phone("reject-CALL_REJECTED"), phone("no-answer"), phone("answer-after-200"));
        checked("SEQUENTIAL rang the four in order and %s answered", result.winner().destination());
        freeswitchReports(leg(result, "busy"), "USER_BUSY");
        freeswitchReports(leg(result, "reject-CALL_REJECTED"), "CALL_REJECTED");
        freeswitchReports(leg(result, "no-answer"), "NO_ANSWER");
        endCall(result);
    }

    @Test
    void total_timeout_caps_a_sequential_group() {
        RingGroupResult result = ring("SEQUENTIAL", "2s", "3s", "inMemory", "no-answer", "no-answer",
                "answer");

        assertThat(result.outcome()).isEqualTo(RingGroupOutcome.NO_ANSWER);
        // two seconds on the first, the one second left on the second, and the third never rung
        assertThat(result.legs()).hasSize(2).allSatisfy(leg -> {
            assertThat(leg.outcome()).isEqualTo(LegOutcome.NO_ANSWER);
            assertThat(EVENTS.awaitHangupCause(leg.uuid(), WITHIN)).isEqualTo("NO_ANSWER");
        });
        checked("SEQUENTIAL timeout=2s totalTimeout=3s over three: two rung, both NO_ANSWER per FreeSWITCH, "
                + "the third never rung");
    }

    @Test
    void balancing_rings_the_least_loaded_and_the_far_end_hanging_up_releases_the_load() {
        balancingSpreadsCalls(IN_MEMORY, "inMemory");
    }

    @Test
    void balancing_through_redis_rings_the_least_loaded_and_releases_the_load() {
        balancingSpreadsCalls(redis, "redis");
    }

    @Test
    void balancing_with_capacity_skips_agents_on_a_call_or_resting() {
        balancingRespectsCapacity(IN_MEMORY, "inMemory");
    }

    @Test
    void balancing_with_capacity_through_redis_skips_agents_on_a_call_or_resting() {
        balancingRespectsCapacity(redis, "redis");
    }

    private void balancingRespectsCapacity(LoadBalancer balancer, String bean) {
        RingGroupResult call = ringAgents(bean, "answer-after-150");
        assertThat(call.outcome()).isEqualTo(RingGroupOutcome.ANSWERED);

        RingGroupResult onCall = ringAgents(bean, "answer-after-150");
        assertThat(onCall.outcome()).isEqualTo(RingGroupOutcome.UNAVAILABLE);
        assertThat(onCall.legs()).isEmpty();
        checked("BALANCING maxCalls=1 (%s): the agent on a call was not rung, outcome UNAVAILABLE", bean);

        endCall(call);
        await().atMost(WITHIN).until(() -> balancer.load(phone("answer-after-150")).join() == 0);
        RingGroupResult wrappingUp = ringAgents(bean, "answer-after-150");
        assertThat(wrappingUp.outcome()).isEqualTo(RingGroupOutcome.UNAVAILABLE);
        checked("BALANCING wrapUpTime=1s (%s): right after its call the agent was not offered", bean);

        RingGroupResult silent = ringAgents(bean, "no-answer", "answer-after-100");
        assertThat(silent.legs()).extracting(LegResult::outcome)
                .containsExactly(LegOutcome.NO_ANSWER, LegOutcome.ANSWERED);
        freeswitchReports(leg(silent, "no-answer"), "NO_ANSWER");
        endCall(silent);
        RingGroupResult resting = ringAgents(bean, "no-answer");
        assertThat(resting.outcome()).isEqualTo(RingGroupOutcome.UNAVAILABLE);
        checked("BALANCING noAnswerDelay=1s (%s): the agent that did not answer was not offered again at once", bean);

        // the rests end by themselves: polled, then the agent answers again
        RingGroupResult again = await().atMost(WITHIN).pollInterval(Duration.ofMillis(200))
                .until(() -> ringAgents(bean, "answer-after-150"), r -> r.outcome() != RingGroupOutcome.UNAVAILABLE);
        assertThat(again.outcome()).isEqualTo(RingGroupOutcome.ANSWERED);
        endCall(again);
        CapacityRules agentRules = CapacityRules.of(new DestinationCapacity(1, Duration.ofSeconds(1),
                Duration.ofSeconds(1)));
        await().atMost(WITHIN).pollInterval(Duration.ofMillis(200)).until(() -> balancer
                .acquire(List.of(phone("no-answer")), agentRules).join()
                .map(lease -> lease.release().thenApply(released -> true).join()).orElse(false));
        await().atMost(WITHIN).untilAsserted(() -> {
            assertThat(balancer.load(phone("answer-after-150")).join()).isZero();
            assertThat(balancer.load(phone("no-answer")).join()).isZero();
        });
        checked("BALANCING with capacity (%s): rests over, every load back to 0", bean);
    }

    private void balancingSpreadsCalls(LoadBalancer balancer, String bean) {
        // the first agent answers and stays on the call (loadScope CALL), so the next group goes to the second
        RingGroupResult first = ring("BALANCING", "5s", "0", bean, "hangup-after-2000", "answer-after-100");
        assertThat(first.winner().destination()).isEqualTo(phone("hangup-after-2000"));
        assertThat(balancer.load(phone("hangup-after-2000")).join()).isEqualTo(1L);

        RingGroupResult second = ring("BALANCING", "5s", "0", bean, "hangup-after-2000", "answer-after-100");
        assertThat(second.winner().destination()).isEqualTo(phone("answer-after-100"));
        checked("BALANCING (%s): the first group took %s, the second the less loaded %s", bean,
                first.winner().destination(), second.winner().destination());

        // the far end of the first call hangs up by itself
        assertThat(EVENTS.awaitHangupCause(first.winner().uuid(), WITHIN)).isEqualTo("NORMAL_CLEARING");
        checked("%s hung up by itself: FreeSWITCH reports NORMAL_CLEARING", first.winner().destination());
        endCall(second);
        await().atMost(WITHIN).untilAsserted(() -> {
            assertThat(balancer.load(phone("hangup-after-2000")).join()).isZero();
            assertThat(balancer.load(phone("answer-after-100")).join()).isZero();
        });
        checked("BALANCING (%s): every load back to 0 once the calls ended", bean);
    }
}
