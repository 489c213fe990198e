package io.camelfreeswitch.camel;

import io.camelfreeswitch.call.RingGroupOutcome;
import io.camelfreeswitch.call.RingGroupResult;
import io.camelfreeswitch.simulator.Behaviour;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.console.DevConsole;
import org.apache.camel.console.DevConsoleRegistry;
import org.apache.camel.util.json.JsonArray;
import org.apache.camel.util.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import static io.camelfreeswitch.testing.TestWaits.WELL_WITHIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The {@code freeswitch} dev console, found as Camel Main, JBang and the management console find it: through the
 * context's DevConsoleRegistry. It shows the connections, the ring groups still ringing leg by leg, and the loads
 * the balancer counts.
 */
class FreeSwitchDevConsoleTest extends FreeSwitchTestSupport {

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:sales").routeId("sales")
                        .to("freeswitch:ringGroup?destinations=user/console-1001,user/console-1002&timeout=8s");
                from("direct:support").routeId("support")
                        .to("freeswitch:ringGroup?destinations=user/console-2001,user/console-2002&mode=BALANCING"
                                + "&timeout=8s&totalTimeout=8s");
            }
        };
    }

    private DevConsole console() {
        DevConsoleRegistry registry = context.getCamelContextExtension().getContextPlugin(DevConsoleRegistry.class);
        return registry.resolveById("freeswitch");
    }

    @Test
    void showsTwoGroupsRingingLegByLegThenNoneOnceTheyEnd() throws Exception {
        List.of("user/console-1001", "user/console-1002", "user/console-2001", "user/console-2002")
                .forEach(destination -> sim().destination(destination, Behaviour.noAnswer()));
        CompletableFuture<Object> sales = template.asyncRequestBody("direct:sales", null);
        CompletableFuture<Object> support = template.asyncRequestBody("direct:support", null);
        await().atMost(WELL_WITHIN).until(() -> ledger().liveChannels() == 3);

        DevConsole console = console();
        String text = (String) console.call(DevConsole.MediaType.TEXT);
        System.out.println("---- freeswitch dev console (TEXT) while two groups ring ----\n" + text
                + "-------------------------------------------------------------");
        assertThat(text).contains("127.0.0.1:" + SIM.port() + "  UP")
                .contains("Ring groups in flight (2)")
                .contains("route sales  PARALLEL").contains("route support  BALANCING")
                .contains("user/console-1001").contains("user/console-1002").contains("user/console-2001")
                .contains("RINGING");
        assertThat(text.lines().filter(line -> line.contains("RINGING"))).hasSize(3);

        JsonObject json = (JsonObject) console.call(DevConsole.MediaType.JSON);
        JsonObject component = (JsonObject) ((JsonArray) json.get("components")).get(0);
        JsonArray groups = (JsonArray) component.get("ringGroups");
        assertThat(groups).hasSize(2);
        JsonObject parallel = groups.stream().map(JsonObject.class::cast)
                .filter(group -> group.get("routeId").equals("sales")).findFirst().orElseThrow();
        JsonArray legs = (JsonArray) parallel.get("legs");
        assertThat(legs).hasSize(2).allSatisfy(leg -> {
            JsonObject legJson = (JsonObject) leg;
            assertThat(legJson.getString("state")).isEqualTo("RINGING");
            assertThat(ledger().channel(legJson.getString("uuid"))).isPresent();
            assertThat(legJson.getLong("ageMillis")).isNotNegative();
        });
        JsonObject balancer = (JsonObject) ((JsonArray) component.get("balancers")).get(0);
        JsonObject loads = (JsonObject) balancer.get("loads");
        assertThat(loads.values()).containsExactlyInAnyOrder(1L, 0L);
        assertThat(((JsonArray) component.get("connections"))).hasSize(1);

        assertThat(((RingGroupResult) sales.get()).outcome()).isEqualTo(RingGroupOutcome.NO_ANSWER);
        assertThat(((RingGroupResult) support.get()).outcome()).isEqualTo(RingGroupOutcome.NO_ANSWER);
        await().atMost(WELL_WITHIN).untilAsserted(() -> assertThat((String) console.call(DevConsole.MediaType.TEXT))
                .contains("Ring groups in flight (0)"));
    }
}
