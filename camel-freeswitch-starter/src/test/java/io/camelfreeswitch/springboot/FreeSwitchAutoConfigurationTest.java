package io.camelfreeswitch.springboot;

import io.camelfreeswitch.call.LeaseScope;
import io.camelfreeswitch.call.RingGroupOutcome;
import io.camelfreeswitch.call.RingGroupResult;
import io.camelfreeswitch.call.RingMode;
import io.camelfreeswitch.call.balancer.InMemoryLoadBalancer;
import io.camelfreeswitch.call.balancer.LoadBalancer;
import io.camelfreeswitch.camel.FreeSwitchComponent;
import io.camelfreeswitch.camel.FreeSwitchConfiguration;
import io.camelfreeswitch.camel.FreeSwitchConstants;
import io.camelfreeswitch.simulator.FreeSwitchSimulator;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The starter as an application sees it: properties on the component, a balancer bean, a route that rings, metrics. */
@SpringBootTest(classes = FreeSwitchAutoConfigurationTest.App.class, properties = {
        "camel.component.freeswitch.mode=SEQUENTIAL",
        "camel.component.freeswitch.timeout=2s",
        "camel.component.freeswitch.total-timeout=5s",
        "camel.component.freeswitch.load-scope=RINGING",
        "camel.component.freeswitch.request-timeout=3s",
        "camel.component.freeswitch.connect-timeout=2s",
        "camel.component.freeswitch.variables.caller_id_name=Sales",
        "camel.component.freeswitch.fail-on-no-answer=false"})
class FreeSwitchAutoConfigurationTest {

    static final FreeSwitchSimulator SIM = SimulatorHolder.start();

    @SpringBootApplication
    static class App {
        @Bean
        RouteBuilder rings() {
            return new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:ring").routeId("ring").to("freeswitch:ringGroup");
                    from("direct:balance").routeId("balance").to("freeswitch:ringGroup?mode=BALANCING"
                            + "&destinations=sim/answer-after-50,sim/answer-after-60");
                }
            };
        }
    }

    @DynamicPropertySource
    static void simulator(DynamicPropertyRegistry registry) {
        SimulatorHolder.connectionProperties(SIM, registry);
    }

    @Autowired
    CamelContext camelContext;
    @Autowired
    ProducerTemplate template;
    @Autowired
    LoadBalancer balancer;
    @Autowired
    MeterRegistry meters;

    @AfterEach
    void noCallLeftBehind() {
        SIM.hangupAll(Duration.ofSeconds(5));
        SIM.ledger().awaitNoLiveChannels(Duration.ofSeconds(10));
    }

    @AfterAll
    static void stopSimulator() {
        SIM.close();
    }

    @Test
    void propertiesBecomeTheComponentsDefaults() {
        FreeSwitchComponent component = camelContext.getComponent("freeswitch", FreeSwitchComponent.class);
        FreeSwitchConfiguration configuration = component.getConfiguration();

        assertThat(configuration.getHost()).isEqualTo("127.0.0.1");
        assertThat(configuration.getPort()).isEqualTo(SIM.port());
        assertThat(configuration.getPassword()).isEqualTo("s3cret");
        assertThat(configuration.getMode()).isEqualTo(RingMode.SEQUENTIAL);
        assertThat(configuration.getTimeout()).isEqualTo(2000);
        assertThat(configuration.getTotalTimeout()).isEqualTo(5000);
        assertThat(configuration.getLoadScope()).isEqualTo(LeaseScope.RINGING);
        assertThat(configuration.getRequestTimeout()).isEqualTo(3000);
        assertThat(configuration.getConnectTimeout()).isEqualTo(2000);
        assertThat(configuration.getReconnectInitialDelay()).isEqualTo(100);
        assertThat(configuration.getVariables()).containsEntry("caller_id_name", "Sales");
    }

    @Test
    void anInMemoryBalancerIsDefinedWhenNoRedisUriIsSet() {
        assertThat(balancer).isInstanceOf(InMemoryLoadBalancer.class);
    }

    @Test
    void aRouteRingsTheGroupInTheConfiguredModeAndTheFirstToAnswerWins() {
        Exchange exchange = template.request("direct:ring", e -> e.getMessage().setHeader(
                FreeSwitchConstants.DESTINATIONS, List.of("sim/busy", "sim/answer-after-100", "sim/answer")));

        assertThat(exchange.getException()).isNull();
        RingGroupResult result = exchange.getMessage().getBody(RingGroupResult.class);
        assertThat(result.outcome()).isEqualTo(RingGroupOutcome.ANSWERED);
        // SEQUENTIAL from the properties: busy first, then the next one answers; the third is never rung
        assertThat(exchange.getMessage().getHeader(FreeSwitchConstants.ANSWERED_DESTINATION))
                .isEqualTo("sim/answer-after-100");
        assertThat(result.legs()).hasSize(2);
        String answered = exchange.getMessage().getHeader(FreeSwitchConstants.ANSWERED_UUID, String.class);
        assertThat(SIM.ledger().channel(answered)).hasValueSatisfying(channel -> assertThat(channel.live()).isTrue());
    }

    @Test
    void metricsCountRingGroupsByModeAndOutcomeLegsAndBalancerLoad() {
        double answeredBefore = count("freeswitch.ringgroup.calls", "mode", "SEQUENTIAL", "outcome", "ANSWERED");
        double busyBefore = count("freeswitch.ringgroup.legs", "outcome", "BUSY");
        double balancedBefore = count("freeswitch.ringgroup.calls", "mode", "BALANCING", "outcome", "ANSWERED");

        template.request("direct:ring", e -> e.getMessage().setHeader(
                FreeSwitchConstants.DESTINATIONS, "sim/busy,sim/answer"));
        Exchange noAnswer = template.request("direct:ring", e -> {
            e.getMessage().setHeader(FreeSwitchConstants.DESTINATIONS, "sim/reject-CALL_REJECTED");
            e.getMessage().setHeader(FreeSwitchConstants.MODE, "PARALLEL");
        });
        template.request("direct:balance", e -> { });

        assertThat(noAnswer.getMessage().getHeader(FreeSwitchConstants.RING_GROUP_OUTCOME))
                .isEqualTo(RingGroupOutcome.NO_ANSWER);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(count("freeswitch.ringgroup.calls", "mode", "SEQUENTIAL", "outcome", "ANSWERED"))
                    .isEqualTo(answeredBefore + 1);
            assertThat(count("freeswitch.ringgroup.calls", "mode", "PARALLEL", "outcome", "NO_ANSWER"))
                    .isGreaterThanOrEqualTo(1);
            assertThat(count("freeswitch.ringgroup.calls", "mode", "BALANCING", "outcome", "ANSWERED"))
                    .isEqualTo(balancedBefore + 1);
            assertThat(count("freeswitch.ringgroup.legs", "outcome", "BUSY")).isEqualTo(busyBefore + 1);
            assertThat(count("freeswitch.ringgroup.legs", "outcome", "REJECTED")).isGreaterThanOrEqualTo(1);
            assertThat(meters.get("freeswitch.ringgroup.duration").tags("mode", "SEQUENTIAL", "outcome", "ANSWERED")
                    .timer().count()).isGreaterThanOrEqualTo(1);
        });
        // tagged with where they come from
        assertThat(meters.get("freeswitch.ringgroup.calls").tags("mode", "BALANCING", "routeId", "balance",
                "camelContext", camelContext.getName()).counter().count()).isGreaterThanOrEqualTo(1);
        // every leg's outcome is decided: none is counted as live any more, on any route
        assertThat(meters.get("freeswitch.ringgroup.legs.live").gauges())
                .allSatisfy(gauge -> assertThat(gauge.value()).isZero());
        // the balancer's load is published per destination rung in BALANCING groups
        assertThat(meters.get("freeswitch.balancer.load").tag("destination", "sim/answer-after-50").gauge())
                .isNotNull();
    }

    @Test
    void theBalancerLoadGaugeFollowsTheBalancer() {
        template.request("direct:balance", e -> { });
        InMemoryLoadBalancer inMemory = (InMemoryLoadBalancer) balancer;
        Map<String, Long> loads = inMemory.loads();
        double gauged = meters.get("freeswitch.balancer.load").tag("destination", "sim/answer-after-50").gauge()
                .value();
        // RINGING scope (from the properties): the lease ends at the answer, so nothing is loaded afterwards
        assertThat(gauged).isEqualTo(loads.getOrDefault("sim/answer-after-50", 0L).doubleValue());
    }

    @Test
    void everyGaugeOfTheComponentStillReadsAfterAGarbageCollection() {
        template.request("direct:balance", e -> { });
        template.request("direct:ring", e -> e.getMessage().setHeader(FreeSwitchConstants.DESTINATIONS, "sim/busy"));
        List<Gauge> gauges = meters.getMeters().stream()
                .filter(meter -> meter.getId().getName().startsWith("freeswitch."))
                .filter(Gauge.class::isInstance).map(Gauge.class::cast).toList();
        assertThat(gauges).extracting(gauge -> gauge.getId().getName())
                .contains("freeswitch.ringgroup.legs.live", "freeswitch.balancer.load");

        for (int i = 0; i < 3; i++) {
            System.gc();
        }

        // a gauge whose object was collected reads NaN in every scrape from then on
        assertThat(gauges).allSatisfy(gauge -> assertThat(gauge.value()).as(gauge.getId().toString()).isNotNaN());
    }

    private double count(String name, String... tags) {
        var counter = meters.find(name).tags(tags).counter();
        return counter == null ? 0 : counter.count();
    }
}
