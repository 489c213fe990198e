package io.camelfreeswitch.camel;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.HealthCheckRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * healthCheckProducerEnabled and healthCheckConsumerEnabled switch this component's checks off while Camel's
 * repositories stay on for every other component.
 */
class ComponentHealthSwitchTest extends FreeSwitchTestSupport {

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext camelContext = super.createCamelContext();
        // every result, not only the failing ones (camel.health.exposureLevel=full)
        HealthCheckRegistry.get(camelContext).setExposureLevel("full");
        HealthCheckHelper.getHealthCheckRepository(camelContext, "consumers").setEnabled(true);
        HealthCheckHelper.getHealthCheckRepository(camelContext, "producers").setEnabled(true);
        FreeSwitchComponent component = camelContext.getComponent("freeswitch", FreeSwitchComponent.class);
        component.setHealthCheckProducerEnabled(false);
        component.setHealthCheckConsumerEnabled(false);
        return camelContext;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:status").routeId("status").to("freeswitch:api?command=status");
                from("freeswitch:events?events=CHANNEL_ANSWER").routeId("answers").to("mock:answers");
            }
        };
    }

    @Test
    void neitherTheProducerNorTheConsumerReportsTheConnection() {
        sim().stop();
        try {
            var results = HealthCheckHelper.invokeReadiness(context);
            assertThat(results).noneMatch(r -> r.getCheck().getId().startsWith("producer:status"));
            // Camel's own check of the route remains, without this component's judgement of the connection
            HealthCheck.Result route = results.stream()
                    .filter(r -> r.getCheck().getId().equals("consumer:answers")).findFirst().orElseThrow();
            assertThat(route.getState()).isEqualTo(HealthCheck.State.UP);
            assertThat(route.getDetails()).doesNotContainKey("freeswitch.connection");
        } finally {
            sim().start();
        }
    }
}
