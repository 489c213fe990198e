package io.camelfreeswitch.camel;

import io.camelfreeswitch.call.LegResult;
import io.camelfreeswitch.call.RingGroupOutcome;
import io.camelfreeswitch.call.RingGroupResult;
import io.camelfreeswitch.simulator.Behaviour;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code toD} with the group in the URI rings every group through one endpoint and one producer: the destinations
 * travel in a header, so 200 groups do not make 200 endpoints (each with its own producer, health check and cache
 * slot).
 */
class SendDynamicTest extends FreeSwitchTestSupport {

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:dynamic").routeId("dynamic")
                        .toD("freeswitch:ringGroup?destinations=${header.group}&timeout=5s");
                from("direct:twice").routeId("twice")
                        .setHeader("group", constant("user/dyn-first"))
                        .toD("freeswitch:ringGroup?destinations=${header.group}&timeout=5s")
                        .setProperty("first", body())
                        .setHeader("group", constant("user/dyn-second"))
                        .toD("freeswitch:ringGroup?destinations=${header.group}&timeout=5s");
            }
        };
    }

    private long freeswitchEndpoints() {
        return context.getEndpoints().stream().filter(FreeSwitchEndpoint.class::isInstance).count();
    }

    @Test
    void twoHundredGroupsThroughOneToDMakeOneEndpoint() {
        for (int i = 0; i < 200; i++) {
            String group = "user/dyn-" + i + "a,user/dyn-" + i + "b";
            sim().destination("user/dyn-" + i + "a", Behaviour.busy());
            sim().destination("user/dyn-" + i + "b", Behaviour.busy());
            Exchange exchange = template.request("direct:dynamic", e -> e.getMessage().setHeader("group", group));
            RingGroupResult result = exchange.getMessage().getBody(RingGroupResult.class);
            assertThat(result.outcome()).isEqualTo(RingGroupOutcome.NO_ANSWER);
            assertThat(result.legs()).extracting(LegResult::destination)
                    .containsExactlyInAnyOrder("user/dyn-" + i + "a", "user/dyn-" + i + "b");
            assertThat(exchange.getMessage().getHeader(FreeSwitchConstants.DESTINATIONS)).isNull();
        }
        assertThat(freeswitchEndpoints()).isEqualTo(1);
        assertThat(context.getEndpoints()).filteredOn(FreeSwitchEndpoint.class::isInstance)
                .extracting(endpoint -> endpoint.getEndpointUri())
                .containsExactly("freeswitch://ringGroup?timeout=5s");
    }

    @Test
    void eachToDOfAnExchangeRingsItsOwnGroup() {
        sim().destination("user/dyn-first", Behaviour.busy());
        sim().destination("user/dyn-second", Behaviour.busy());
        Exchange exchange = template.request("direct:twice", e -> { });
        assertThat(exchange.getProperty("first", RingGroupResult.class).legs()).extracting(LegResult::destination)
                .containsExactly("user/dyn-first");
        assertThat(exchange.getMessage().getBody(RingGroupResult.class).legs()).extracting(LegResult::destination)
                .containsExactly("user/dyn-second");
    }

    @Test
    void aDestinationsHeaderAlreadyOnTheMessageWinsAsItWouldOverTheEndpointOption() {
        sim().destination("user/dyn-header", Behaviour.busy());
        Exchange exchange = template.request("direct:dynamic", e -> {
            e.getMessage().setHeader("group", "user/dyn-uri");
            e.getMessage().setHeader(FreeSwitchConstants.DESTINATIONS, "user/dyn-header");
        });
        assertThat(exchange.getMessage().getBody(RingGroupResult.class).legs()).extracting(LegResult::destination)
                .containsExactly("user/dyn-header");
    }
}
