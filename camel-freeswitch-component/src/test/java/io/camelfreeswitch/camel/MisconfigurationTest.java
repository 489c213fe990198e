package io.camelfreeswitch.camel;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Options that can never work stop the route from starting, with a message that says what to fix. */
class MisconfigurationTest {

    private final CamelContext context = new DefaultCamelContext();

    @AfterEach
    void stop() {
        context.stop();
    }

    private void startWith(String uri) throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:start").to(uri);
            }
        });
        context.start();
    }

    @Test
    void balancingWithoutAnyBalancerNamesTheEndpointAndTheOption() {
        assertThatThrownBy(() -> startWith("freeswitch:ringGroup?destinations=user/1001&mode=BALANCING"))
                .rootCause()
                .hasMessageContaining("freeswitch://ringGroup?destinations=user/1001&mode=BALANCING")
                .hasMessageContaining("mode=BALANCING")
                .hasMessageContaining("'balancer' option");
    }

    @Test
    void anUnknownModeListsTheValidOnes() {
        assertThatThrownBy(() -> startWith("freeswitch:ringGroup?destinations=user/1001&mode=RINGALL"))
                .rootCause()
                .hasMessageContaining("Invalid mode 'RINGALL'")
                .hasMessageContaining(
                        "[PARALLEL, SEQUENTIAL, BALANCING, TIERED, ENTERPRISE, RANDOM, ROUND_ROBIN, MEMORY_HUNT]");
    }

    @Test
    void theXmlEventFormatIsRefusedWithTheFormatsThatWork() {
        assertThatThrownBy(() -> {
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("freeswitch:events?format=XML").to("log:events");
                }
            });
            context.start();
        }).rootCause()
                .hasMessageContaining("Invalid format 'XML'")
                .hasMessageContaining("[PLAIN, JSON]")
                .hasMessageContaining("XML event format is not supported");
    }

    @Test
    void anUnknownOperationListsTheValidOnes() {
        assertThatThrownBy(() -> startWith("freeswitch:dial?destinations=user/1001"))
                .rootCause()
                .hasMessageContaining("Unknown freeswitch operation 'dial'")
                .hasMessageContaining("ringGroup");
    }

    @Test
    void aUriWithoutOperationIsRefused() {
        assertThatThrownBy(() -> startWith("freeswitch:?destinations=user/1001"))
                .rootCause()
                .hasMessageContaining("names no operation");
    }

    @Test
    void anUnknownOptionIsRefused() {
        assertThatThrownBy(() -> startWith("freeswitch:ringGroup?destinations=user/1001&ringTimeout=5s"))
                .hasStackTraceContaining("ringTimeout");
    }

    @Test
    void aConsumerOperationCannotBeSentTo() {
        assertThatThrownBy(() -> startWith("freeswitch:events"))
                .rootCause()
                .hasMessageContaining("freeswitch:events can only start a route");
    }

    @Test
    void aProducerOperationCannotStartARoute() {
        assertThatThrownBy(() -> {
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("freeswitch:api?command=status").to("log:x");
                }
            });
            context.start();
        }).rootCause().hasMessageContaining("freeswitch:api is a producer operation");
    }

    @Test
    void aNegativeCapacityIsRefused() {
        assertThatThrownBy(() -> startWith("freeswitch:ringGroup?destinations=user/1001&maxCalls=-1"))
                .rootCause()
                .hasMessageContaining("maxCalls, wrapUpTime and noAnswerDelay must not be negative");
    }

    @Test
    void aWrapUpTimeWithoutTheCallScopeIsRefused() {
        assertThatThrownBy(() -> startWith("freeswitch:ringGroup?destinations=user/1001&wrapUpTime=10s"
                + "&loadScope=RINGING"))
                .rootCause()
                .hasMessageContaining("wrapUpTime").hasMessageContaining("loadScope=CALL");
    }

    @Test
    void aNonPositiveTimeoutIsRefused() {
        assertThatThrownBy(() -> startWith("freeswitch:ringGroup?destinations=user/1001&timeout=0"))
                .rootCause()
                .hasMessageContaining("timeout must be positive");
    }

    @Test
    void durationsAreAcceptedForTimeouts() throws Exception {
        startWith("freeswitch:ringGroup?destinations=user/1001&timeout=1m30s&totalTimeout=5m&connectTimeout=2s");
        FreeSwitchEndpoint endpoint = context.getEndpoints().stream()
                .filter(FreeSwitchEndpoint.class::isInstance).map(FreeSwitchEndpoint.class::cast)
                .findFirst().orElseThrow();
        assertThat(endpoint.getConfiguration().getTimeout()).isEqualTo(90_000);
        assertThat(endpoint.getConfiguration().getTotalTimeout()).isEqualTo(300_000);
        assertThat(endpoint.getConfiguration().getConnectTimeout()).isEqualTo(2_000);
    }
}
