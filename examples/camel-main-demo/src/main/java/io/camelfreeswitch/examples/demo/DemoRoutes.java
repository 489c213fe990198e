package io.camelfreeswitch.examples.demo;

import io.camelfreeswitch.call.RingGroupOutcome;
import io.camelfreeswitch.call.RingGroupResult;
import io.camelfreeswitch.camel.FreeSwitchConstants;
import org.apache.camel.AggregationStrategy;
import org.apache.camel.builder.RouteBuilder;

import java.util.ArrayList;
import java.util.List;

/**
 * The routes the demo drives. Connection settings (host, port, password) are the component's, set once by the
 * launcher; each route only says how to ring. The destinations come in the CamelFreeSwitchDestinations header.
 */
final class DemoRoutes extends RouteBuilder {

    /** Exchange property carrying how long the demo keeps an answered call before hanging it up. */
    static final String HOLD_MILLIS = "demoHoldMillis";
    /** Exchange property keeping the ring group result once the body is reused for the hang-up reply. */
    static final String RESULT = "demoRingGroupResult";
    /** Header carrying the caller ID name the answered leg was presented with (origination_caller_id_name). */
    static final String CALLER_ID_SHOWN = "demoCallerIdShown";
    /** What the caller of the ringback scenario hears while its group rings: a US ring tone, repeated. */
    static final String RINGBACK_TONE = "%(2000,4000,440,480)";

    @Override
    public void configure() {
        from("direct:status").routeId("status")
                .to("freeswitch:api?command=status");

        from("direct:parallel").routeId("parallel")
                // every leg at once, the first to answer wins; custom variables go on every leg
                .to("freeswitch:ringGroup?mode=PARALLEL&timeout=5s"
                        + "&variable.origination_caller_id_name=camel-freeswitch-demo")
                .to("direct:answered");

        from("direct:parallel-short").routeId("parallel-short")
                .to("freeswitch:ringGroup?mode=PARALLEL&timeout=1s")
                .to("direct:answered");

        from("direct:confirmed").routeId("confirmed")
                // an answer counts only once the callee presses 1: a voicemail answering first does not win
                .to("freeswitch:ringGroup?mode=PARALLEL&timeout=5s&confirmKey=1&confirmTimeout=2s"
                        + "&confirmPrompt=RAW(tone_stream://%(200,0,440))")
                .to("direct:answered");

        from("direct:caller").routeId("caller")
                // a caller already in a call: answered, then parked (the dial string in CamelFreeSwitchDestination)
                .to("freeswitch:originate");

        from("direct:ringback").routeId("ringback")
                // the caller (CamelFreeSwitchCallerUuid) hears the tone from the first originate until the winner
                // is handed out, when it is broken off so that a bridge would start clean
                .to("freeswitch:ringGroup?mode=PARALLEL&timeout=5s&ringback=RAW(" + RINGBACK_TONE + ")")
                .to("direct:answered");

        from("direct:hangup").routeId("hangup")
                .to("freeswitch:hangup");

        from("direct:sequential").routeId("sequential")
                // one at a time in order; each may ring 2 s
                .to("freeswitch:ringGroup?mode=SEQUENTIAL&timeout=2s")
                .to("direct:answered");

        from("direct:balancing").routeId("balancing")
                // one at a time, least-loaded first; load is shared through the #balancer bean
                .to("freeswitch:ringGroup?mode=BALANCING&timeout=2s&balancer=#balancer&loadScope=CALL")
                .to("direct:answered");

        from("direct:tiered").routeId("tiered")
                // tier after tier (user/a,user/b|user/c): each tier at once, the next when nobody answered
                .to("freeswitch:ringGroup?mode=TIERED&timeout=2s")
                .to("direct:answered");

        from("direct:enterprise").routeId("enterprise")
                // all at once, each destination after its own delay and for its own timeout (;delay=..;timeout=..)
                .to("freeswitch:ringGroup?mode=ENTERPRISE&timeout=5s")
                .to("direct:answered");

        from("direct:random").routeId("random")
                .to("freeswitch:ringGroup?mode=RANDOM&timeout=2s")
                .to("direct:answered");

        from("direct:round-robin").routeId("round-robin")
                // starts after whoever answered last in this group; the #balancer bean remembers who that was
                .to("freeswitch:ringGroup?mode=ROUND_ROBIN&timeout=3s&balancer=#balancer")
                .to("direct:answered");

        from("direct:memory-hunt").routeId("memory-hunt")
                // the first, then the first two, then the first three..., each step 2 s
                .to("freeswitch:ringGroup?mode=MEMORY_HUNT&timeout=2s")
                .to("direct:answered");

        from("direct:prefixed").routeId("prefixed")
                // the legs show which group calls: 'Sales: ' before the caller's name, 9 before the number
                .to("freeswitch:ringGroup?mode=PARALLEL&timeout=5s&callerIdNamePrefix=Sales: &callerIdNumberPrefix=9"
                        + "&variable.origination_caller_id_name=camel-freeswitch-demo"
                        + "&variable.origination_caller_id_number=1000")
                .setProperty(RESULT, body())
                .setHeader(FreeSwitchConstants.COMMAND, simple("uuid_getvar ${header."
                        + FreeSwitchConstants.ANSWERED_UUID + "} origination_caller_id_name"))
                .to("freeswitch:api")
                .setHeader(CALLER_ID_SHOWN, body())
                .setBody(exchangeProperty(RESULT))
                .to("direct:answered");

        from("direct:burst").routeId("burst")
                // one exchange per group, all ringing at once, all sharing the same balancer
                .split(body(), collectResults()).parallelProcessing()
                    .to("direct:balancing")
                .end();

        from("direct:capacity").routeId("capacity")
                // agents as in a contact centre: one call each, then 2 s of wrap-up before the next
                .to("freeswitch:ringGroup?mode=BALANCING&timeout=2s&balancer=#balancer&maxCalls=1&wrapUpTime=2s")
                .to("direct:answered");

        from("direct:capacity-burst").routeId("capacity-burst")
                .split(body(), collectResults()).parallelProcessing()
                    .to("direct:capacity")
                .end();

        from("direct:answered").routeId("answered")
                .setProperty(RESULT, body())
                // nobody answering is an outcome, not an error: only an answered call needs handling
                .filter(header(FreeSwitchConstants.RING_GROUP_OUTCOME).isEqualTo(RingGroupOutcome.ANSWERED))
                    // a real application would bridge the caller to the answered channel here;
                    // the demo keeps the call a moment (the balancer counts it) and hangs it up
                    .delay(exchangeProperty(HOLD_MILLIS)).asyncDelayed()
                    .setHeader(FreeSwitchConstants.UUID, header(FreeSwitchConstants.ANSWERED_UUID))
                    .to("freeswitch:hangup")
                .end()
                .setBody(exchangeProperty(RESULT));
    }

    /** The burst's reply is the list of every group's result. */
    private static AggregationStrategy collectResults() {
        return (collected, next) -> {
            RingGroupResult result = next.getMessage().getBody(RingGroupResult.class);
            if (collected == null) {
                List<RingGroupResult> results = new ArrayList<>();
                results.add(result);
                next.getMessage().setBody(results);
                return next;
            }
            @SuppressWarnings("unchecked")
            List<RingGroupResult> results = collected.getMessage().getBody(List.class);
            results.add(result);
            return collected;
        };
    }
}
