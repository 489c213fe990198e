package io.camelfreeswitch.camel;

import io.camelfreeswitch.call.RingGroupOutcome;
import io.camelfreeswitch.call.RingGroupResult;
import io.camelfreeswitch.call.balancer.InMemoryLoadBalancer;
import io.camelfreeswitch.simulator.Behaviour;
import io.camelfreeswitch.simulator.FreeSwitchSimulatorExtension;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.List;

import static io.camelfreeswitch.testing.TestWaits.WELL_WITHIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The component publishes ring group meters itself when the registry holds a MeterRegistry, per Camel context and
 * route: two contexts sharing one MeterRegistry never count each other's calls, and their gauges keep reading after
 * a garbage collection.
 */
class RingGroupMetricsTest {


    @RegisterExtension
    static final FreeSwitchSimulatorExtension SIM = FreeSwitchSimulatorExtension.perClass();

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final InMemoryLoadBalancer agents = new InMemoryLoadBalancer();
    private CamelContext sales;
    private CamelContext support;

    @BeforeEach
    void twoContextsShareOneMeterRegistry() throws Exception {
        SIM.simulator().destination("user/metrics-answers", Behaviour.answerNow());
        SIM.simulator().destination("user/metrics-busy", Behaviour.busy());
        sales = context("sales", "salesRing");
        support = context("support", "supportRing");
    }

    private CamelContext context(String name, String routeId) throws Exception {
        CamelContext context = new DefaultCamelContext();
        context.getCamelContextExtension().setName(name);
        context.getRegistry().bind("meterRegistry", meters);
        context.getRegistry().bind("agents", agents);
        FreeSwitchComponent component = new FreeSwitchComponent();
        component.getConfiguration().setHost("127.0.0.1");
        component.getConfiguration().setPort(SIM.simulator().port());
        component.getConfiguration().setPassword(SIM.simulator().password());
        context.addComponent("freeswitch", component);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:ring").routeId(routeId).to("freeswitch:ringGroup?timeout=5s");
            }
        });
        context.start();
        return context;
    }

    @AfterEach
    void stopBoth() {
        sales.stop();
        support.stop();
        SIM.simulator().ledger().awaitNoLiveChannels(WELL_WITHIN);
    }

    private Exchange ring(CamelContext context, String mode, String destinations) {
        try (ProducerTemplate template = context.createProducerTemplate()) {
            Exchange exchange = template.request("direct:ring", e -> {
                e.getMessage().setHeader(FreeSwitchConstants.MODE, mode);
                e.getMessage().setHeader(FreeSwitchConstants.DESTINATIONS, destinations);
            });
            Object winner = exchange.getMessage().getHeader(FreeSwitchConstants.ANSWERED_UUID);
            if (winner != null) {
                template.sendBodyAndHeader("freeswitch:hangup", null, FreeSwitchConstants.UUID, winner);
            }
            return exchange;
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private double calls(String camelContext, String routeId, String mode, String outcome) {
        var counter = meters.find("freeswitch.ringgroup.calls").tag("camelContext", camelContext)
                .tag("routeId", routeId).tag("mode", mode).tag("outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void eachContextCountsOnlyItsOwnGroupsTaggedWithItsRoute() {
        assertThat(ring(sales, "PARALLEL", "user/metrics-answers").getMessage()
                .getHeader(FreeSwitchConstants.RING_GROUP_OUTCOME)).isEqualTo(RingGroupOutcome.ANSWERED);
        ring(sales, "PARALLEL", "user/metrics-busy");
        ring(support, "SEQUENTIAL", "user/metrics-busy");

        assertThat(calls("sales", "salesRing", "PARALLEL", "ANSWERED")).isEqualTo(1);
        assertThat(calls("sales", "salesRing", "PARALLEL", "NO_ANSWER")).isEqualTo(1);
        assertThat(calls("support", "supportRing", "SEQUENTIAL", "NO_ANSWER")).isEqualTo(1);
        assertThat(calls("support", "supportRing", "PARALLEL", "ANSWERED")).isZero();
        assertThat(meters.find("freeswitch.ringgroup.calls").tag("camelContext", "support").counters())
                .hasSize(1);
        assertThat(meters.find("freeswitch.ringgroup.duration").tag("camelContext", "sales").timers())
                .extracting(timer -> timer.count()).containsExactlyInAnyOrder(1L, 1L);
        assertThat(meters.find("freeswitch.ringgroup.legs").tag("camelContext", "sales").counters())
                .extracting(counter -> counter.getId().getTag("outcome"))
                .containsExactlyInAnyOrder("ANSWERED", "BUSY");
    }

    @Test
    void everyGaugeStillReadsAfterAGarbageCollection() {
        ring(sales, "BALANCING", "user/metrics-answers");
        ring(support, "PARALLEL", "user/metrics-busy");

        List<Gauge> gauges = meters.getMeters().stream()
                .filter(meter -> meter.getId().getName().startsWith("freeswitch."))
                .filter(Gauge.class::isInstance).map(Gauge.class::cast).toList();
        assertThat(gauges).extracting(gauge -> gauge.getId().getName())
                .contains("freeswitch.ringgroup.legs.live", "freeswitch.balancer.load");

        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        // what a scrape does: the values, not NaN (a gauge whose object was collected reads NaN)
        assertThat(gauges).allSatisfy(gauge -> assertThat(gauge.value()).as(gauge.getId().toString()).isNotNaN());
        await().atMost(WELL_WITHIN).untilAsserted(() -> assertThat(gauges)
                .allSatisfy(gauge -> assertThat(gauge.value()).as(gauge.getId().toString()).isZero()));
    }

    @Test
    void aLegRingingShowsInTheLiveGaugeOfItsRouteOnly() throws Exception {
        ring(support, "PARALLEL", "user/metrics-busy");
        SIM.simulator().destination("user/metrics-slow", Behaviour.answerAfter(Duration.ofSeconds(1)));
        try (ProducerTemplate template = sales.createProducerTemplate()) {
            var reply = template.asyncRequestBodyAndHeader("direct:ring", null, FreeSwitchConstants.DESTINATIONS,
                    "user/metrics-slow");
            await().atMost(WELL_WITHIN).untilAsserted(() -> assertThat(meters.get("freeswitch.ringgroup.legs.live")
                    .tag("camelContext", "sales").tag("routeId", "salesRing").gauge().value()).isEqualTo(1));
            assertThat(meters.get("freeswitch.ringgroup.legs.live").tag("camelContext", "support").gauge().value())
                    .isZero();

            RingGroupResult answered = (RingGroupResult) reply.get();
            assertThat(meters.get("freeswitch.ringgroup.legs.live").tag("camelContext", "sales").gauge().value())
                    .isZero();
            template.sendBodyAndHeader("freeswitch:hangup", null, FreeSwitchConstants.UUID, answered.winner().uuid());
        }
    }

    @Test
    void aStoppedContextTakesItsMetersAway() {
        ring(sales, "BALANCING", "user/metrics-busy");
        assertThat(meters.find("freeswitch.ringgroup.calls").tag("camelContext", "sales").counters()).isNotEmpty();

        sales.stop();

        assertThat(meters.getMeters()).map(Meter::getId)
                .noneMatch(id -> "sales".equals(id.getTag("camelContext")));
    }
}
