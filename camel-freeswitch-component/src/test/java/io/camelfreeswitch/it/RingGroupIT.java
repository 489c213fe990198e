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
                from("direct:ringPrefixed").toD("freeswitch:ringGroup?mode=${header.itMode}&timeout=5s"
                        + "&balancer=#inMemory&callerIdNamePrefix=Sales: &callerIdNumberPrefix=9"
                        + "&variable.origination_caller_id_name=Ann&variable.origination_caller_id_number=1000");
                from("direct:confirmed").toD("freeswitch:ringGroup?timeout=10s&confirmKey=1"
                        + "&confirmPrompt=RAW(tone_stream://%(200,0,440))&confirmTimeout=${header.itConfirmTimeout}"
                        + "&ringback=RAW(%(2000,4000,440,480))");
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
        return ringDestinations(mode, timeout, totalTimeout, balancer,
                Arrays.stream(extensions).map(FreeSwitchItSupport::phone).toList());
    }

    /** {@code destinations}: anything the CamelFreeSwitchDestinations header takes (tiers, timed entries...). */
    private static RingGroupResult ringDestinations(String mode, String timeout, String totalTimeout, String balancer,
                                                    Object destinations) {
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

    private static RingGroupResult ringConfirmed(String confirmTimeout, String callerUuid, String... extensions) {
        var exchange = template.request("direct:confirmed", e -> {
            e.getMessage().setHeader("itConfirmTimeout", confirmTimeout);
            e.getMessage().setHeader(FreeSwitchConstants.DESTINATIONS,
                    Arrays.stream(extensions).map(FreeSwitchItSupport::phone).toList());
            if (callerUuid != null) {
                e.getMessage().setHeader(FreeSwitchConstants.CALLER_UUID, callerUuid);
            }
        });
        assertThat(exchange.getException()).isNull();
        return exchange.getMessage().getBody(RingGroupResult.class);
    }

    @Test
    void with_a_confirm_key_the_callee_pressing_it_wins_over_one_that_answered_first() {
        RingGroupResult result = ringConfirmed("5s", null, "answer", "answer-after-200-press-1-after-1500");

        assertThat(result.outcome()).isEqualTo(RingGroupOutcome.ANSWERED);
        assertThat(result.winner().destination()).isEqualTo(phone("answer-after-200-press-1-after-1500"));
        assertThat(EVENTS.awaitEvent("DTMF", result.winner().uuid(), WITHIN).header("DTMF-Digit")).isEqualTo("1");
        checked("confirmKey=1: %s pressed 1 and won after %d ms", result.winner().destination(),
                Duration.between(leg(result, "answer-after-200-press-1-after-1500").ringStarted(),
                        leg(result, "answer-after-200-press-1-after-1500").endedAt()).toMillis());
        assertThat(leg(result, "answer").outcome()).isEqualTo(LegOutcome.LOST_RACE);
        freeswitchReports(leg(result, "answer"), "LOSE_RACE");
        endCall(result);
    }

    @Test
    void with_a_confirm_key_a_callee_answering_without_pressing_it_is_hung_up_as_unconfirmed() {
        RingGroupResult result = ringConfirmed("1s", null, "answer");

        assertThat(result.outcome()).isEqualTo(RingGroupOutcome.NO_ANSWER);
        assertThat(leg(result, "answer").outcome()).isEqualTo(LegOutcome.UNCONFIRMED);
        freeswitchReports(leg(result, "answer"), "NO_ANSWER");
    }

    @Test
    void the_caller_hears_ringback_until_the_winner_is_handed_out() {
        String caller = template.request("direct:probe", e -> e.getMessage().setHeader(
                FreeSwitchConstants.DESTINATION, phone("answer"))).getMessage()
                .getHeader(FreeSwitchConstants.UUID, String.class);

        RingGroupResult result = ringConfirmed("5s", caller, "answer-after-500-press-1-after-300");

        assertThat(result.outcome()).isEqualTo(RingGroupOutcome.ANSWERED);
        // the ringback was a playback on the caller, broken off when the winner was handed out
        var played = EVENTS.awaitEvent("CHANNEL_EXECUTE_COMPLETE", caller, WITHIN);
        assertThat(played.header("Application")).isEqualTo("playback");
        assertThat(played.header("Application-Data")).isEqualTo("tone_stream://%(2000,4000,440,480);loops=-1");
        checked("ringback played to the caller and broken off: %s %s", played.header("Application"),
                played.header("Application-Response"));
        endCall(result);
        hangUp(List.of(caller));
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

    @Test
    void tiered_rings_the_next_tier_once_nobody_in_the_first_answered() {
        RingGroupResult result = ringDestinations("TIERED", "1s", "0", "inMemory", List.of(
                List.of(phone("no-answer"), phone("busy")), List.of(phone("answer-after-200"))));

        assertThat(result.winner().destination()).isEqualTo(phone("answer-after-200"));
        freeswitchReports(leg(result, "no-answer"), "NO_ANSWER");
        freeswitchReports(leg(result, "busy"), "USER_BUSY");
        assertThat(leg(result, "answer-after-200").ringStarted()).isAfterOrEqualTo(leg(result, "no-answer").endedAt());
        checked("TIERED: the first tier unanswered (NO_ANSWER, USER_BUSY per FreeSWITCH), the second answered");
        endCall(result);
    }

    @Test
    void enterprise_gives_each_destination_its_own_delay_and_timeout() {
        RingGroupResult result = ringDestinations("ENTERPRISE", "10s", "0", "inMemory", List.of(
                phone("no-answer") + ";timeout=1s", phone("answer-after-300") + ";delay=1500ms"));

        assertThat(result.winner().destination()).isEqualTo(phone("answer-after-300"));
        freeswitchReports(leg(result, "no-answer"), "NO_ANSWER");
        assertThat(Duration.between(leg(result, "no-answer").ringStarted(),
                leg(result, "answer-after-300").ringStarted())).isGreaterThanOrEqualTo(Duration.ofMillis(1400));
        checked("ENTERPRISE: no-answer hung up after its own 1 s, answer-after-300 started 1.5 s late and won");
        endCall(result);
    }

    @Test
    void random_round_robin_and_memory_hunt_connect_past_a_busy_destination() {
        for (String mode : List.of("RANDOM", "ROUND_ROBIN", "MEMORY_HUNT")) {
            RingGroupResult result = ring(mode, "2s", "0", "inMemory", "busy", "answer-after-200");

            assertThat(result.winner().destination()).as(mode).isEqualTo(phone("answer-after-200"));
            if (result.leg(phone("busy")).isPresent()) {
                freeswitchReports(leg(result, "busy"), "USER_BUSY");
            }
            checked("%s: %s answered after %s", mode, result.winner().destination(), result.legs().stream()
                    .map(LegResult::destination).toList());
            endCall(result);
        }
    }

    @Test
    void round_robin_starts_after_the_destination_that_last_answered() {
        RingGroupResult first = ring("ROUND_ROBIN", "5s", "0", "redis", "answer-after-100", "answer-after-200");
        endCall(first);
        await().atMost(WITHIN).until(() -> redis.lastAnswered(phone("answer-after-100") + ","
                + phone("answer-after-200")).join().isPresent());

        RingGroupResult second = ring("ROUND_ROBIN", "5s", "0", "redis", "answer-after-100", "answer-after-200");

        assertThat(first.winner().destination()).isEqualTo(phone("answer-after-100"));
        assertThat(second.winner().destination()).isEqualTo(phone("answer-after-200"));
        checked("ROUND_ROBIN (redis): %s, then %s", first.winner().destination(), second.winner().destination());
        endCall(second);
    }

    @Test
    void the_caller_id_prefixes_reach_the_legs_as_freeswitch_reads_them() {
        var exchange = template.request("direct:ringPrefixed", e -> {
            e.getMessage().setHeader("itMode", "PARALLEL");
            e.getMessage().setHeader(FreeSwitchConstants.DESTINATIONS, List.of(phone("answer-after-100")));
        });
        RingGroupResult result = exchange.getMessage().getBody(RingGroupResult.class);

        assertThat(api("uuid_getvar " + result.winner().uuid() + " origination_caller_id_name").strip())
                .isEqualTo("Sales: Ann");
        assertThat(api("uuid_getvar " + result.winner().uuid() + " origination_caller_id_number").strip())
                .isEqualTo("91000");
        checked("callerIdNamePrefix/callerIdNumberPrefix: the leg presents 'Sales: Ann' <91000>");
        endCall(result);
    }
}
