package io.camelfreeswitch.camel;

import io.camelfreeswitch.call.RingGroupOutcome;
import io.camelfreeswitch.simulator.Behaviour;
import io.camelfreeswitch.simulator.ChannelRecord;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static io.camelfreeswitch.testing.TestWaits.WELL_WITHIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A call FreeSWITCH hands to us over an outbound socket: the route answers it, rings a group over the call's own
 * socket and bridges the caller with whoever answers. The caller hanging up while it rings cancels every leg.
 */
class OutboundRouteTest extends FreeSwitchTestSupport {

    private static final String AGENT = "user/outbound-agent";
    private static final String SLOW_AGENT = "user/outbound-slow-agent";
    private static final String OTHER_SLOW_AGENT = "user/outbound-other-slow-agent";

    @Override
    protected RouteBuilder createRouteBuilder() {
        sim().destination(AGENT, Behaviour.answerAfter(Duration.ofMillis(200)));
        sim().destination(SLOW_AGENT, Behaviour.noAnswer());
        sim().destination(OTHER_SLOW_AGENT, Behaviour.noAnswer());
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("freeswitch:outbound?bindPort=0&maxConcurrentCalls=10").routeId("outbound")
                        .to("freeswitch:answer")
                        // the dialplan tells us whom to ring, in a channel variable of the call
                        .setHeader(FreeSwitchConstants.DESTINATIONS, header("variable_camel_destinations"))
                        .to("freeswitch:ringGroup?timeout=5s")
                        .choice()
                            .when(header(FreeSwitchConstants.RING_GROUP_OUTCOME).isEqualTo(RingGroupOutcome.ANSWERED))
                                .to("freeswitch:bridge")
                        .end()
                        .to("mock:done");

                from("freeswitch:outbound?bindPort=0").routeId("unanswered")
                        .to("freeswitch:answer")
                        .to("freeswitch:execute?application=set&applicationArgument=camel_step=ringing")
                        .setHeader(FreeSwitchConstants.DESTINATIONS, constant("sim/no-answer"))
                        .to("freeswitch:ringGroup?timeout=300ms")
                        .filter(header(FreeSwitchConstants.RING_GROUP_OUTCOME).isEqualTo(RingGroupOutcome.NO_ANSWER))
                            .to("freeswitch:hangup?hangupCause=NO_USER_RESPONSE")
                        .end()
                        .to("mock:unanswered");

                from("freeswitch:outbound?bindPort=0&maxConcurrentCalls=1").routeId("oneAtATime")
                        .setHeader(FreeSwitchConstants.DESTINATIONS, constant(SLOW_AGENT))
                        .to("freeswitch:ringGroup?timeout=20s")
                        .to("mock:oneAtATime");

                // TEST-NET-1: no local peer can have this address
                from("freeswitch:outbound?bindPort=0&allowedPeers=192.0.2.10").routeId("strangersOnly")
                        .to("mock:stranger");

                from("freeswitch:outbound?bindPort=0&hangupOnCompletion=true").routeId("hangupOnCompletion")
                        .to("freeswitch:answer")
                        .to("mock:hungUpOnCompletion");
            }
        };
    }

    private int outboundPort() {
        return outboundPort("outbound");
    }

    private int outboundPort(String routeId) {
        return ((OutboundConsumer) context.getRoute(routeId).getConsumer()).boundPort();
    }

    @Test
    void producersInAnOutboundRouteActOnTheCallByDefault() throws Exception {
        MockEndpoint unanswered = getMockEndpoint("mock:unanswered");
        unanswered.expectedMessageCount(1);

        io.camelfreeswitch.simulator.OutboundCall call = sim().placeOutboundCall("127.0.0.1",
                outboundPort("unanswered"));

        assertThat(call.ended().get(10, TimeUnit.SECONDS)).isEqualTo("NO_USER_RESPONSE");
        unanswered.assertIsSatisfied(WELL_WITHIN.toMillis());
        Exchange exchange = unanswered.getExchanges().get(0);
        assertThat(ledger().channel(call.uuid())).get().matches(ChannelRecord::wasAnswered);
        assertThat(exchange.getMessage().getHeader(FreeSwitchConstants.RING_GROUP_OUTCOME))
                .isEqualTo(RingGroupOutcome.NO_ANSWER);
        assertThat(exchange.getMessage().getHeader(FreeSwitchConstants.HANGUP_CAUSE)).isEqualTo("NO_USER_RESPONSE");
    }

    @Test
    void callsBeyondMaxConcurrentCallsAreRefused() throws Exception {
        io.camelfreeswitch.simulator.OutboundCall first = sim().placeOutboundCall("127.0.0.1",
                outboundPort("oneAtATime"));
        await().atMost(WELL_WITHIN).until(() -> ledger().channelsTo(SLOW_AGENT).stream().anyMatch(ChannelRecord::live));

        io.camelfreeswitch.simulator.OutboundCall second = sim().placeOutboundCall("127.0.0.1",
                outboundPort("oneAtATime"));
        second.ended().get(10, TimeUnit.SECONDS);
        assertThat(first.ended()).isNotDone();

        first.hangup();
        getMockEndpoint("mock:oneAtATime").expectedMessageCount(1);
        getMockEndpoint("mock:oneAtATime").assertIsSatisfied(WELL_WITHIN.toMillis());
    }

    @Test
    void aPeerOutsideAllowedPeersIsDisconnectedWithoutAnExchange() throws Exception {
        io.camelfreeswitch.simulator.OutboundCall call = sim().placeOutboundCall("127.0.0.1",
                outboundPort("strangersOnly"));

        call.ended().get(10, TimeUnit.SECONDS);
        assertThat(ledger().awaitHangup(call.uuid(), WELL_WITHIN).wasAnswered()).isFalse();
        getMockEndpoint("mock:stranger").expectedMessageCount(0);
        getMockEndpoint("mock:stranger").assertIsSatisfied();
    }

    @Test
    void hangupOnCompletionEndsTheCallWhenTheExchangeIsDone() throws Exception {
        MockEndpoint done = getMockEndpoint("mock:hungUpOnCompletion");
        done.expectedMessageCount(1);

        io.camelfreeswitch.simulator.OutboundCall call = sim().placeOutboundCall("127.0.0.1",
                outboundPort("hangupOnCompletion"));

        assertThat(call.ended().get(10, TimeUnit.SECONDS)).isEqualTo("NORMAL_CLEARING");
        done.assertIsSatisfied(WELL_WITHIN.toMillis());
        assertThat(ledger().awaitHangup(call.uuid(), WELL_WITHIN).killedBy()).isEqualTo("sendmsg hangup");
    }

    @Test
    void anIncomingCallIsAnsweredRungAndBridged() throws Exception {
        MockEndpoint done = getMockEndpoint("mock:done");
        done.expectedMessageCount(1);
        io.camelfreeswitch.simulator.OutboundCall call = sim().placeOutboundCall("127.0.0.1", outboundPort(),
                java.util.Map.of("camel_destinations", AGENT));
        done.assertIsSatisfied(WELL_WITHIN.toMillis());

        Exchange exchange = done.getExchanges().get(0);
        String winner = exchange.getMessage().getHeader(FreeSwitchConstants.ANSWERED_UUID, String.class);
        assertThat(exchange.getMessage().getHeader(FreeSwitchConstants.UUID)).isEqualTo(call.uuid());
        assertThat(ledger().awaitAnswered(call.uuid(), WELL_WITHIN).answered()).isNotNull();
        ChannelRecord agent = ledger().awaitChannel(r -> r.uuid().equals(winner) && r.bridged() != null, WELL_WITHIN);
        assertThat(agent.destination()).isEqualTo(AGENT);

        call.hangup();
        ledger().awaitHangup(winner, WELL_WITHIN);
    }

    @Test
    void theCallerHangingUpWhileItRingsCancelsEveryLeg() throws Exception {
        MockEndpoint done = getMockEndpoint("mock:done");
        done.expectedMessageCount(1);
        io.camelfreeswitch.simulator.OutboundCall call = sim().placeOutboundCall("127.0.0.1", outboundPort(),
                java.util.Map.of("camel_destinations", SLOW_AGENT + "," + OTHER_SLOW_AGENT));
        await().atMost(WELL_WITHIN).until(() -> ledger().channelsTo(SLOW_AGENT).stream().anyMatch(ChannelRecord::live)
                && ledger().channelsTo(OTHER_SLOW_AGENT).stream().anyMatch(ChannelRecord::live));
        call.hangup();

        assertThat(call.ended().get(10, TimeUnit.SECONDS)).isEqualTo("NORMAL_CLEARING");
        done.assertIsSatisfied(WELL_WITHIN.toMillis());
        Exchange exchange = done.getExchanges().get(0);
        assertThat(exchange.getMessage().getHeader(FreeSwitchConstants.RING_GROUP_OUTCOME))
                .isEqualTo(RingGroupOutcome.CANCELLED);
        assertThat(exchange.getMessage().getHeader(FreeSwitchConstants.CALLER_HUNG_UP)).isEqualTo(true);
        for (String agent : new String[] { SLOW_AGENT, OTHER_SLOW_AGENT }) {
            ChannelRecord leg = ledger().channelsTo(agent).get(ledger().channelsTo(agent).size() - 1);
            ledger().awaitHangup(leg.uuid(), "ORIGINATOR_CANCEL", WELL_WITHIN);
        }
    }
}
