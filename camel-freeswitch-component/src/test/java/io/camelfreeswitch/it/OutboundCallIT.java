package io.camelfreeswitch.it;

import io.camelfreeswitch.call.LegOutcome;
import io.camelfreeswitch.call.LegResult;
import io.camelfreeswitch.call.RingGroupOutcome;
import io.camelfreeswitch.call.RingGroupResult;
import io.camelfreeswitch.camel.FreeSwitchConstants;
import io.camelfreeswitch.esl.EventFormat;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Calls FreeSWITCH hands to a freeswitch:outbound route through the dialplan's {@code socket} application
 * (camel_it_dialplan.xml's socket-HOST-PORT extension): the route answers, rings a group and bridges the caller
 * with the winner; the caller hanging up mid-ring makes FreeSWITCH end every leg with ORIGINATOR_CANCEL. Events
 * are read in JSON here.
 */
class OutboundCallIT extends FreeSwitchItSupport {

    /** Whom the next call's route rings (set by the test before it places the call). */
    private static final AtomicReference<List<String>> NEXT_GROUP = new AtomicReference<>();
    private static final BlockingQueue<Exchange> ROUTED = new LinkedBlockingQueue<>();

    @BeforeAll
    static void start() throws Exception {
        FreeSwitchUnderTest freeswitch = FreeSwitchUnderTest.get();
        startCamel(EventFormat.JSON, new RouteBuilder() {
            @Override
            public void configure() {
                from("freeswitch:outbound?bindAddress=" + freeswitch.outboundBindAddress() + "&bindPort="
                        + freeswitch.outboundPort()).routeId("incoming-call")
                        .to("freeswitch:answer")
                        .process(e -> e.getMessage().setHeader(FreeSwitchConstants.DESTINATIONS, NEXT_GROUP.get()))
                        .to("freeswitch:ringGroup?timeout=10s")
                        .filter(header(FreeSwitchConstants.RING_GROUP_OUTCOME).isEqualTo(RingGroupOutcome.ANSWERED))
                            .to("freeswitch:bridge")
                        .end()
                        .process(ROUTED::add);
                from("direct:call").to("freeswitch:originate");
            }
        }, Map.of());
    }

    /** Originates a call to the socket extension; returns the caller's Unique-ID (the loopback A leg). */
    private static String placeCall(List<String> extensions) {
        ROUTED.clear();
        NEXT_GROUP.set(extensions.stream().map(FreeSwitchItSupport::phone).toList());
        String socketExtension = FreeSwitchUnderTest.get().socketExtension();
        // the originate completes only once the route has answered: do not wait for it
        template.asyncRequestBodyAndHeader("direct:call", null, FreeSwitchConstants.DESTINATION, phone(socketExtension));
        return await().atMost(WITHIN).until(() -> EVENTS.created("loopback/" + socketExtension + "-a"),
                created -> !created.isEmpty()).get(0);
    }

    @Test
    void a_call_is_rung_through_a_group_and_bridged_to_the_winner() throws Exception {
        String caller = placeCall(List.of("answer-after-300", "busy"));

        Exchange routed = ROUTED.poll(WITHIN.toSeconds(), TimeUnit.SECONDS);
        assertThat(routed).as("the outbound route completed").isNotNull();
        assertThat(routed.getException()).isNull();
        String socketCall = routed.getMessage().getHeader(FreeSwitchConstants.UUID, String.class);
        RingGroupResult result = routed.getMessage().getBody(RingGroupResult.class);
        assertThat(result.outcome()).isEqualTo(RingGroupOutcome.ANSWERED);
        String winner = result.winner().uuid();
        checked("FreeSWITCH handed the call %s to the outbound route, which rang %s and got %s", socketCall,
                NEXT_GROUP.get(), result.winner().destination());

        var bridge = await().atMost(WITHIN).until(() -> EVENTS.find("CHANNEL_BRIDGE", socketCall)
                .or(() -> EVENTS.find("CHANNEL_BRIDGE", winner)), Optional::isPresent).orElseThrow();
        assertThat(List.of(bridge.header("Bridge-A-Unique-ID"), bridge.header("Bridge-B-Unique-ID")))
                .containsExactlyInAnyOrder(socketCall, winner);
        checked("FreeSWITCH fired CHANNEL_BRIDGE between the caller and %s", result.winner().destination());
        assertThat(EVENTS.awaitHangupCause(result.leg(phone("busy")).orElseThrow().uuid(), WITHIN))
                .isEqualTo("USER_BUSY");

        hangUp(List.of(caller, winner));
        EVENTS.awaitHangupCause(socketCall, WITHIN);
        EVENTS.awaitHangupCause(winner, WITHIN);
        checked("caller and winner hung up");
    }

    @Test
    void the_caller_hanging_up_mid_ring_cancels_every_leg_with_originator_cancel() throws Exception {
        String caller = placeCall(List.of("no-answer", "answer-after-8000"));
        await().atMost(WITHIN).until(() -> EVENTS.created("loopback/no-answer-a").size() == 1
                && EVENTS.created("loopback/answer-after-8000-a").size() == 1);
        checked("both legs ring");

        hangUp(List.of(caller));

        Exchange routed = ROUTED.poll(WITHIN.toSeconds(), TimeUnit.SECONDS);
        assertThat(routed).as("the outbound route completed").isNotNull();
        RingGroupResult result = routed.getMessage().getBody(RingGroupResult.class);
        assertThat(result.outcome()).isEqualTo(RingGroupOutcome.CANCELLED);
        assertThat(routed.getMessage().getHeader(FreeSwitchConstants.CALLER_HUNG_UP)).isEqualTo(true);
        checked("the ring group ended CANCELLED when the caller hung up");
        for (LegResult leg : result.legs()) {
            assertThat(leg.outcome()).isEqualTo(LegOutcome.CANCELLED);
            assertThat(EVENTS.awaitHangupCause(leg.uuid(), WITHIN)).isEqualTo("ORIGINATOR_CANCEL");
            checked("%s: FreeSWITCH's CHANNEL_HANGUP_COMPLETE says ORIGINATOR_CANCEL", leg.destination());
        }
    }
}
