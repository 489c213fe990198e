package io.camelfreeswitch.camel;

import io.camelfreeswitch.call.RingGroupOutcome;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The component from the YAML DSL: options as parameters, durations, variables and a choice on the outcome. */
class YamlDslRouteTest extends FreeSwitchTestSupport {

    private static final String ROUTE = """
            - route:
                id: yaml-support
                from:
                  uri: direct:support
                  steps:
                    - to:
                        uri: freeswitch:ringGroup
                        parameters:
                          destinations: sim/busy,sim/answer-after-100
                          mode: SEQUENTIAL
                          timeout: 2s
                          variable.origination_caller_id_name: Support
                    - choice:
                        when:
                          - expression:
                              simple:
                                expression: "${header.CamelFreeSwitchRingGroupOutcome} == 'ANSWERED'"
                            steps:
                              - to:
                                  uri: mock:connected
                        otherwise:
                          steps:
                            - to:
                                uri: mock:voicemail
            """;

    @Test
    void aYamlRouteRingsAndRoutesOnTheOutcome() throws Exception {
        PluginHelper.getRoutesLoader(context).loadRoutes(ResourceHelper.fromString("support.yaml", ROUTE));
        MockEndpoint connected = getMockEndpoint("mock:connected");
        connected.expectedMessageCount(1);

        template.sendBody("direct:support", null);

        connected.assertIsSatisfied();
        assertThat(getMockEndpoint("mock:voicemail").getReceivedCounter()).isZero();
        var message = connected.getExchanges().get(0).getMessage();
        assertThat(message.getHeader(FreeSwitchConstants.RING_GROUP_OUTCOME)).isEqualTo(RingGroupOutcome.ANSWERED);
        assertThat(message.getHeader(FreeSwitchConstants.ANSWERED_DESTINATION)).isEqualTo("sim/answer-after-100");
        hangUp(message.getHeader(FreeSwitchConstants.ANSWERED_UUID));
    }
}
