package io.camelfreeswitch.reliability;

import io.camelfreeswitch.call.balancer.InMemoryLoadBalancer;
import io.camelfreeswitch.camel.FreeSwitchComponent;
import io.camelfreeswitch.esl.NettyLeakDetection;
import io.camelfreeswitch.simulator.Behaviour;
import io.camelfreeswitch.simulator.ChannelRecord;
import io.camelfreeswitch.simulator.FreeSwitchSimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Stopping a route, or the whole CamelContext, while its ring groups ring hangs up the legs it started (well before
 * their 60 s ring timeout) and gives back its balancer leases; legs of other routes ring on.
 */
@ExtendWith(NettyLeakDetection.class)
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class ShutdownMidRingTest {

    /** Well under the 60 s the groups would ring, generous for a loaded machine. */
    private static final Duration WELL_WITHIN = Duration.ofSeconds(30);

    private FreeSwitchSimulator sim;
    private CamelContext camel;
    private final InMemoryLoadBalancer agents = new InMemoryLoadBalancer();

    @BeforeEach
    void start() throws Exception {
        sim = FreeSwitchSimulator.builder().port(0).build().start();
        sim.destination("user/agent-1", Behaviour.noAnswer());
        sim.destination("user/agent-2", Behaviour.noAnswer());
        camel = new DefaultCamelContext();
        // graceful shutdown waits for in-flight exchanges; keep that wait short so the test shows what stop does
        camel.getShutdownStrategy().setTimeout(2);
        camel.getShutdownStrategy().setTimeUnit(TimeUnit.SECONDS);
        FreeSwitchComponent component = new FreeSwitchComponent();
        component.getConfiguration().setHost("127.0.0.1");
        component.getConfiguration().setPort(sim.port());
        component.getConfiguration().setPassword(sim.password());
        camel.addComponent("freeswitch", component);
        camel.getRegistry().bind("agents", agents);
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:parallel").routeId("parallel")
                        .to("freeswitch:ringGroup?destinations=sim/no-answer,sim/no-answer&mode=PARALLEL&timeout=60s");
                from("direct:balancing").routeId("balancing")
                        .to("freeswitch:ringGroup?destinations=user/agent-1,user/agent-2&mode=BALANCING"
                                + "&balancer=#agents&timeout=60s");
            }
        });
        camel.start();
    }

    @AfterEach
    void stop() {
        try {
            camel.stop();
        } finally {
            sim.close();
        }
    }

    @Test
    void stoppingARouteHangsUpTheLegsItStartedAndLeavesOtherRoutesRinging() throws Exception {
        ProducerTemplate template = camel.createProducerTemplate();
        template.asyncRequestBody("direct:parallel", null);
        template.asyncRequestBody("direct:balancing", null);
        await().atMost(WELL_WITHIN).until(() -> sim.ledger().liveChannels() == 3);
        List<String> parallelLegs = sim.ledger().live().stream().filter(c -> c.destination().startsWith("sim/"))
                .map(ChannelRecord::uuid).toList();
        assertThat(agents.loads()).containsEntry("user/agent-1", 1L);

        camel.getRouteController().stopRoute("parallel");

        await().atMost(WELL_WITHIN).untilAsserted(() -> assertThat(parallelLegs)
                .allMatch(uuid -> !sim.ledger().channel(uuid).orElseThrow().live()));
        assertThat(sim.ledger().live()).extracting(ChannelRecord::destination).containsExactly("user/agent-1");
        assertThat(agents.loads()).containsEntry("user/agent-1", 1L);

        camel.getRouteController().stopRoute("balancing");
        sim.ledger().awaitNoLiveChannels(WELL_WITHIN);
        await().atMost(WELL_WITHIN).until(() -> agents.loads().values().stream().allMatch(load -> load == 0));
        assertThat(sim.ledger().channels()).allMatch(leg -> !"timeout".equals(leg.killedBy()));
    }

    @Test
    void stoppingTheCamelContextHangsUpEveryLegAndReleasesEveryLease() throws Exception {
        ProducerTemplate template = camel.createProducerTemplate();
        template.asyncRequestBody("direct:parallel", null);
        template.asyncRequestBody("direct:balancing", null);
        await().atMost(WELL_WITHIN).until(() -> sim.ledger().liveChannels() == 3);

        camel.stop();

        sim.ledger().awaitNoLiveChannels(WELL_WITHIN);
        assertThat(sim.ledger().channels()).allMatch(leg -> !"timeout".equals(leg.killedBy()));
        await().atMost(WELL_WITHIN).until(() -> agents.loads().values().stream().allMatch(load -> load == 0));
    }
}
