package io.camelfreeswitch.examples.boot;

import io.camelfreeswitch.call.RingGroupOutcome;
import io.camelfreeswitch.call.RingGroupResult;
import io.camelfreeswitch.camel.FreeSwitchConstants;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * The call flows. Connection settings come from {@code camel.component.freeswitch.*}; the BALANCING group uses the
 * LoadBalancer bean the starter defines (in memory, or Redis when {@code camel.component.freeswitch.balancer.redis.uri}
 * is set, to share load between instances).
 */
@Component
public class CallRoutes extends RouteBuilder {

    private static final String REQUEST = "callRequest";
    private static final String RESULT = "ringGroupResult";
    private static final String CALLER_UUID = "callerUuid";

    @Override
    public void configure() {
        // POST /calls: call the caller, ring the group for them, bridge the two
        from("direct:call").routeId("call")
                .process(exchange -> {
                    CallRequest request = exchange.getMessage().getBody(CallRequest.class);
                    exchange.setProperty(REQUEST, request);
                    exchange.getMessage().setHeader(FreeSwitchConstants.DESTINATION, request.caller());
                })
                // completes once the caller has answered; CamelFreeSwitchUuid is the caller's channel
                .to("freeswitch:originate?variable.originate_timeout={{calls.caller-timeout-seconds:30}}")
                .process(exchange -> {
                    CallRequest request = exchange.getProperty(REQUEST, CallRequest.class);
                    String caller = exchange.getMessage().getHeader(FreeSwitchConstants.UUID, String.class);
                    exchange.setProperty(CALLER_UUID, caller);
                    exchange.getMessage().setHeader(FreeSwitchConstants.CALLER_UUID, caller); // caller hangs up: cancel
                    exchange.getMessage().setHeader(FreeSwitchConstants.DESTINATIONS, request.group());
                    exchange.getMessage().setHeader(FreeSwitchConstants.MODE, request.mode());
                })
                .to("freeswitch:ringGroup?timeout={{calls.ring-timeout:20s}}")
                .setProperty(RESULT, body())
                .choice()
                    .when(header(FreeSwitchConstants.RING_GROUP_OUTCOME).isEqualTo(RingGroupOutcome.ANSWERED))
                        // CamelFreeSwitchUuid (the caller) with CamelFreeSwitchAnsweredUuid
                        .to("freeswitch:bridge")
                    .when(header(FreeSwitchConstants.RING_GROUP_OUTCOME).isNotEqualTo(RingGroupOutcome.CANCELLED))
                        .setHeader(FreeSwitchConstants.HANGUP_CAUSE, constant("NO_ANSWER"))
                        .to("freeswitch:hangup")
                .end()
                .process(exchange -> exchange.getMessage().setBody(CallResponse.of(
                        exchange.getProperty(CALLER_UUID, String.class),
                        exchange.getProperty(RESULT, RingGroupResult.class))));

        // FreeSWITCH's dialplan hands an incoming call over ("socket 127.0.0.1:8084 async full", the address of
        // camel.component.freeswitch.bind-address and bind-port): ring the support group, least-loaded agent
        // first, and bridge the caller to whoever answers
        from("freeswitch:outbound").routeId("incoming")
                .log("Incoming call ${header." + FreeSwitchConstants.UUID + "}: ringing {{calls.support-group}}")
                .to("freeswitch:ringGroup?mode=BALANCING&destinations={{calls.support-group}}"
                        + "&timeout={{calls.ring-timeout:20s}}")
                .choice()
                    .when(header(FreeSwitchConstants.RING_GROUP_OUTCOME).isEqualTo(RingGroupOutcome.ANSWERED))
                        .to("freeswitch:bridge")
                        .log("Incoming call bridged to ${header." + FreeSwitchConstants.ANSWERED_DESTINATION + "}")
                    .otherwise()
                        .log("Incoming call: nobody in {{calls.support-group}} answered")
                        .setHeader(FreeSwitchConstants.HANGUP_CAUSE, constant("NO_ANSWER"))
                        .to("freeswitch:hangup")
                .end();
    }
}
