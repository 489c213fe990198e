package io.camelfreeswitch.camel;

import io.camelfreeswitch.call.LegOutcome;
import io.camelfreeswitch.call.LegResult;
import io.camelfreeswitch.call.RingGroupOutcome;
import io.camelfreeswitch.call.RingGroupResult;
import io.camelfreeswitch.esl.CommandRejectedException;
import io.camelfreeswitch.simulator.Behaviour;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import static io.camelfreeswitch.testing.TestWaits.WELL_WITHIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The ring group as route authors use it: in EIP routes, in every mode, with every way of passing options. */
class RingGroupRoutesTest extends FreeSwitchTestSupport {

    private static final AtomicInteger NAMES = new AtomicInteger();

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                onException(CommandRejectedException.class).handled(true)
                        .setBody(simple("FreeSWITCH said: ${exception.replyText}")).to("mock:freeswitchError");

                from("direct:ring")
                        .to("freeswitch:ringGroup?timeout=2s&variable.camel_route=ring")
                        .choice()
                            .when(header(FreeSwitchConstants.RING_GROUP_OUTCOME).isEqualTo(RingGroupOutcome.ANSWERED))
                                .to("mock:answered")
                            .otherwise()
                                .to("mock:unanswered");

                from("direct:parallel")
                        .to("freeswitch:ringGroup?destinations=sim/answer-after-3000,sim/answer-after-200,sim/busy&mode=PARALLEL&timeout=5s");

                from("direct:strict").to("freeswitch:ringGroup?timeout=300ms&failOnNoAnswer=true");

                from("direct:campaign")
                        .split(body()).parallelProcessing()
                            .setHeader(FreeSwitchConstants.DESTINATIONS, simple("${body}"))
                            .to("freeswitch:ringGroup?mode=BALANCING&balancer=#agents&timeout=5s")
                            .to("mock:campaignLeg")
                        .end();

                from("direct:broken").to("freeswitch:api?command=uuid_kill no-such-call");

                from("direct:fragile")
                        .onException(RingGroupException.class).handled(true)
                            .setBody(simple("${exception.cause.class.simpleName}")).to("mock:ringFailed")
                        .end()
                        .to("freeswitch:ringGroup?timeout=5s");
            }
        };
    }

    static String destination(String name, Behaviour behaviour) {
        String destination = "user/" + name + "-" + NAMES.incrementAndGet();
        sim().destination(destination, behaviour);
        return destination;
    }

    private Exchange ring(String mode, Object destinations) {
        return ring(mode, destinations, Map.of());
    }

    private Exchange ring(String mode, Object destinations, Map<String, Object> headers) {
        return template.request("direct:ring", exchange -> {
            exchange.getMessage().setHeaders(new java.util.HashMap<>(headers));
            exchange.getMessage().setHeader(FreeSwitchConstants.MODE, mode);
            exchange.getMessage().setHeader(FreeSwitchConstants.DESTINATIONS, destinations);
        });
    }

    @Test
    void parallelConnectsTheFirstToAnswerAndHangsUpTheRest() throws Exception {
        MockEndpoint answered = getMockEndpoint("mock:answered");
        answered.expectedMessageCount(1);
        Exchange exchange = template.request("direct:parallel", e -> { });

        assertThat(exchange.getException()).isNull();
        assertThat(exchange.getMessage().getHeader(FreeSwitchConstants.ANSWERED_DESTINATION))
                .isEqualTo("sim/answer-after-200");
        RingGroupResult result = exchange.getMessage().getBody(RingGroupResult.class);
        assertThat(result.outcome()).isEqualTo(RingGroupOutcome.ANSWERED);
        assertThat(result.legs()).extracting(LegResult::destination)
                .containsExactlyInAnyOrder("sim/answer-after-3000", "sim/answer-after-200", "sim/busy");
        String winner = exchange.getMessage().getHeader(FreeSwitchConstants.ANSWERED_UUID, String.class);
        assertThat(ledger().channel(winner)).get().matches(record -> record.live() && record.wasAnswered());
        await().atMost(WELL_WITHIN).until(() -> ledger().liveChannels() == 1);
        hangUp(winner);
    }

    @Test
    void choiceRoutesAnAnsweredGroupAndAnUnansweredOne() throws Exception {
        getMockEndpoint("mock:answered").expectedMessageCount(1);
        getMockEndpoint("mock:unanswered").expectedMessageCount(1);

        Exchange answered = ring("PARALLEL", List.of(destination("fast", Behaviour.answerAfter(Duration.ofMillis(50)))));
        Exchange unanswered = ring("PARALLEL", "sim/no-answer, sim/busy");

        MockEndpoint.assertIsSatisfied(context);
        assertThat(unanswered.getException()).isNull();
        assertThat(unanswered.getMessage().getHeader(FreeSwitchConstants.RING_GROUP_OUTCOME))
                .isEqualTo(RingGroupOutcome.NO_ANSWER);
        assertThat(unanswered.getMessage().getHeader(FreeSwitchConstants.ANSWERED_UUID)).isNull();
        hangUp(answered.getMessage().getHeader(FreeSwitchConstants.ANSWERED_UUID));
    }

    @Test
    void headersTurnOnAnswerConfirmationAndRingbackForTheCaller() {
        String caller = template.request("freeswitch:originate?destination=sim/answer", e -> { }).getMessage()
                .getHeader(FreeSwitchConstants.UUID, String.class);
        String voicemail = destination("voicemail", Behaviour.answerAfter(Duration.ZERO));
        String person = destination("person", Behaviour.answerThenPress(Duration.ofMillis(100), "1",
                Duration.ofMillis(200)));

        Exchange exchange = ring("PARALLEL", List.of(voicemail, person), Map.of(FreeSwitchConstants.CONFIRM_KEY, "1",
                FreeSwitchConstants.RINGBACK, "local_stream://moh", FreeSwitchConstants.CALLER_UUID, caller));

        RingGroupResult result = exchange.getMessage().getBody(RingGroupResult.class);
        assertThat(result.winner().destination()).isEqualTo(person);
        assertThat(result.leg(voicemail).orElseThrow().outcome()).isEqualTo(LegOutcome.LOST_RACE);
        assertThat(ledger().playbacks(caller)).singleElement().satisfies(ringback -> {
            assertThat(ringback.media()).isEqualTo("local_stream://moh");
            assertThat(ringback.stoppedBy()).isEqualTo("uuid_break");
        });
        hangUp(result.winner().uuid());
        hangUp(caller);
    }

    @Test
    void sequentialTriesEachInOrderUntilOneAnswers() {
        String busy = destination("busy", Behaviour.busy());
        String rejects = destination("rejects", Behaviour.reject("CALL_REJECTED"));
        String answers = destination("answers", Behaviour.answerAfter(Duration.ofMillis(100)));

        Exchange exchange = ring("SEQUENTIAL", busy + "," + rejects + "," + answers);

        RingGroupResult result = exchange.getMessage().getBody(RingGroupResult.class);
        assertThat(result.outcome()).isEqualTo(RingGroupOutcome.ANSWERED);
        assertThat(result.legs()).extracting(LegResult::destination).containsExactly(busy, rejects, answers);
        assertThat(result.legs()).extracting(LegResult::outcome)
                .containsExactly(LegOutcome.BUSY, LegOutcome.REJECTED, LegOutcome.ANSWERED);
        assertThat(exchange.getMessage().getHeader(FreeSwitchConstants.ANSWERED_DESTINATION)).isEqualTo(answers);
        hangUp(exchange.getMessage().getHeader(FreeSwitchConstants.ANSWERED_UUID));
    }

    @Test
    void balancingUsesTheRegistrysOnlyBalancerAndReleasesTheLoadWhenTheCallEnds() {
        String a = destination("agent-a", Behaviour.answerAfter(Duration.ofMillis(50)));
        String b = destination("agent-b", Behaviour.answerAfter(Duration.ofMillis(50)));

        Exchange first = ring("BALANCING", List.of(a, b));
        Exchange second = ring("BALANCING", List.of(a, b));

        // the first call still holds agent a (loadScope CALL), so the second group starts with agent b
        assertThat(first.getMessage().getHeader(FreeSwitchConstants.ANSWERED_DESTINATION)).isEqualTo(a);
        assertThat(second.getMessage().getHeader(FreeSwitchConstants.ANSWERED_DESTINATION)).isEqualTo(b);
        assertThat(agents.loads()).containsEntry(a, 1L).containsEntry(b, 1L);
        hangUp(first.getMessage().getHeader(FreeSwitchConstants.ANSWERED_UUID));
        hangUp(second.getMessage().getHeader(FreeSwitchConstants.ANSWERED_UUID));
    }

    @Test
    void splitRingsManyGroupsInParallelSharingOneBalancer() throws Exception {
        List<String> team = List.of(
                destination("team", Behaviour.answerAfter(Duration.ofMillis(300))),
                destination("team", Behaviour.answerAfter(Duration.ofMillis(300))),
                destination("team", Behaviour.answerAfter(Duration.ofMillis(300))));
        MockEndpoint legs = getMockEndpoint("mock:campaignLeg");
        legs.expectedMessageCount(3);

        String group = String.join(",", team);
        template.sendBody("direct:campaign", List.of(group, group, group));

        legs.assertIsSatisfied(WELL_WITHIN.toMillis());
        Set<Object> winners = new HashSet<>();
        for (Exchange exchange : legs.getExchanges()) {
            assertThat(exchange.getMessage().getHeader(FreeSwitchConstants.RING_GROUP_OUTCOME))
                    .isEqualTo(RingGroupOutcome.ANSWERED);
            winners.add(exchange.getMessage().getHeader(FreeSwitchConstants.ANSWERED_DESTINATION));
        }
        // atomic least-loaded choice: three concurrent groups, three different agents
        assertThat(winners).containsExactlyInAnyOrderElementsOf(team);
        legs.getExchanges().forEach(e -> hangUp(e.getMessage().getHeader(FreeSwitchConstants.ANSWERED_UUID)));
    }

    @Test
    void variablesFromOptionsAndHeaderReachTheLegsWithTheHeaderWinning() {
        String answers = destination("vars", Behaviour.answerNow());
        Exchange exchange = ring("PARALLEL", answers, Map.of(FreeSwitchConstants.VARIABLES,
                Map.of("camel_route", "header", "caller_label", "Support, 2nd line")));
        String winner = exchange.getMessage().getHeader(FreeSwitchConstants.ANSWERED_UUID, String.class);

        assertThat(template.requestBody("freeswitch:api", "uuid_getvar " + winner + " camel_route", String.class))
                .isEqualTo("header");
        assertThat(template.requestBody("freeswitch:api", "uuid_getvar " + winner + " caller_label", String.class))
                .isEqualTo("Support, 2nd line");
        hangUp(winner);
    }

    @Test
    void shortTimeoutEndsWithNoAnswerAndHangsTheLegUp() {
        Exchange exchange = ring("SEQUENTIAL", List.of("sim/no-answer"));
        RingGroupResult result = exchange.getMessage().getBody(RingGroupResult.class);
        assertThat(result.outcome()).isEqualTo(RingGroupOutcome.NO_ANSWER);
        assertThat(result.legs()).singleElement().satisfies(leg -> assertThat(leg.outcome())
                .isEqualTo(LegOutcome.NO_ANSWER));
    }

    @Test
    void failOnNoAnswerTurnsNobodyAnsweringIntoAnException() {
        Exchange exchange = template.request("direct:strict",
                e -> e.getMessage().setHeader(FreeSwitchConstants.DESTINATIONS, "sim/no-answer"));
        assertThat(exchange.getException()).isInstanceOf(RingGroupException.class)
                .hasMessageContaining("NO_ANSWER");
        assertThat(exchange.getMessage().getHeader(FreeSwitchConstants.RING_GROUP_OUTCOME))
                .isEqualTo(RingGroupOutcome.NO_ANSWER);
    }

    @Test
    void aBadModeHeaderFailsTheExchangeListingTheModes() {
        Exchange exchange = ring("RINGALL", "sim/answer");
        assertThat(exchange.getException()).hasMessageContaining("RINGALL").hasMessageContaining("SEQUENTIAL");
        assertThat(ledger().channels()).noneMatch(record -> record.live());
    }

    @Test
    void anOriginateTimeoutVariableIsRefusedBecauseTheGroupTimesItsLegs() {
        Exchange exchange = ring("SEQUENTIAL", "sim/no-answer",
                Map.of(FreeSwitchConstants.VARIABLES, Map.of("originate_timeout", "5")));
        assertThat(exchange.getException()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("originate_timeout cannot be set").hasMessageContaining("set timeout instead");
        assertThat(ledger().channels()).noneMatch(record -> record.live());
    }

    @Test
    void aDestinationThatWouldInjectIntoTheDialStringIsRefused() {
        Exchange exchange = ring("PARALLEL", List.of("user/1001}{origination_uuid=x"));
        assertThat(exchange.getException()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("would change the dial string");
    }

    @Test
    void onExceptionHandlesAFreeSwitchError() throws Exception {
        MockEndpoint errors = getMockEndpoint("mock:freeswitchError");
        errors.expectedMessageCount(1);
        template.sendBody("direct:broken", null);
        errors.assertIsSatisfied();
        assertThat(errors.getExchanges().get(0).getMessage().getBody(String.class)).startsWith("FreeSWITCH said: -ERR");
    }

    @Test
    void losingTheConnectionWhileRingingFailsTheExchangeForOnException() throws Exception {
        MockEndpoint failed = getMockEndpoint("mock:ringFailed");
        failed.expectedBodiesReceived("ConnectionLostException");
        String ringing = destination("ringing", Behaviour.noAnswer());

        CompletableFuture<Exchange> ring = template.asyncSend("direct:fragile",
                exchange -> exchange.getMessage().setHeader(FreeSwitchConstants.DESTINATIONS, ringing));
        await().atMost(WELL_WITHIN).until(() -> ledger().channelsTo(ringing).size() == 1);
        sim().faults().dropAllConnections();

        failed.assertIsSatisfied(WELL_WITHIN.toMillis());
        assertThat(ring.join().getMessage().getHeader(FreeSwitchConstants.RING_GROUP_OUTCOME))
                .isEqualTo(RingGroupOutcome.FAILED);
        // the leg is hung up once the connection is back (checked after each test: nothing left live)
    }

    @Test
    void theCallerHangingUpCancelsEveryLeg() {
        String caller = template.requestBodyAndHeader("freeswitch:originate", null,
                FreeSwitchConstants.DESTINATION, "sim/answer", String.class);
        String slow = destination("slow", Behaviour.noAnswer());
        String slower = destination("slower", Behaviour.noAnswer());

        CompletableFuture<Exchange> ringing = template.asyncSend("direct:ring", exchange -> {
            exchange.getMessage().setHeader(FreeSwitchConstants.DESTINATIONS, List.of(slow, slower));
            exchange.getMessage().setHeader(FreeSwitchConstants.CALLER_UUID, caller);
        });
        await().atMost(WELL_WITHIN).until(() -> ledger().channelsTo(slow).size() == 1
                && ledger().channelsTo(slower).size() == 1);
        hangUp(caller);

        Exchange exchange = ringing.join();
        assertThat(exchange.getMessage().getHeader(FreeSwitchConstants.RING_GROUP_OUTCOME))
                .isEqualTo(RingGroupOutcome.CANCELLED);
        ledger().awaitHangup(ledger().channelsTo(slow).get(0).uuid(), "ORIGINATOR_CANCEL", WELL_WITHIN);
        ledger().awaitHangup(ledger().channelsTo(slower).get(0).uuid(), "ORIGINATOR_CANCEL", WELL_WITHIN);
    }
}
