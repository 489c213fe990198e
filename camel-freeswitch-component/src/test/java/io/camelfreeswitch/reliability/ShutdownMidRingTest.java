package io.camelfreeswitch.reliability;

import io.camelfreeswitch.call.balancer.InMemoryLoadBalancer;
import io.camelfreeswitch.camel.FreeSwitchComponent;
import io.camelfreeswitch.esl.NettyLeakDetection;
import io.camelfreeswitch.simulator.Behaviour;
import io.camelfreeswitch.simulator.ChannelRecord;
import io.camelfreeswitch.simulator.FreeSwitchSimulator;
import io.camelfreeswitch.simulator.OutboundCall;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Stopping a route, or the whole CamelContext, while its ring groups ring hangs up every leg they started (well
 * before their 60 s ring timeout, with uuid_kill, never left to FreeSWITCH's own timer) and gives back every balancer
 * lease; legs of other routes ring on. This holds when Camel's graceful shutdown times out after 1 s and forces the
 * routes down, when the machine is busy, and when the stopping thread is interrupted.
 */
@ExtendWith(NettyLeakDetection.class)
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class ShutdownMidRingTest {

    /** Well under the 60 s the groups would ring, generous for a loaded machine. */
    private static final Duration WELL_WITHIN = Duration.ofSeconds(30);
    /** More spinning threads than this machine may have cores. */
    private static final int SPINNERS = 3;

    private FreeSwitchSimulator sim;
    private CamelContext camel;
    private final InMemoryLoadBalancer agents = new InMemoryLoadBalancer();
    private int outboundPort;

    @BeforeEach
    void start() throws Exception {
        sim = FreeSwitchSimulator.builder().port(0).build().start();
        sim.destination("user/agent-1", Behaviour.noAnswer());
        sim.destination("user/agent-2", Behaviour.noAnswer());
        sim.destination("user/agent-3", Behaviour.noAnswer());
        sim.destination("user/agent-4", Behaviour.noAnswer());
        outboundPort = freePort();
        camel = new DefaultCamelContext();
        // the groups ring for 60 s: graceful shutdown gives up after 1 s and forces the routes down
        camel.getShutdownStrategy().setTimeout(1);
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
                from("freeswitch:outbound?bindPort=" + outboundPort).routeId("outbound")
                        .to("freeswitch:answer")
                        .to("freeswitch:ringGroup?destinations=user/agent-3&timeout=60s");
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
        assertEveryLegHungUpByUs(sim.ledger().channels());
    }

    @Test
    void stoppingTheCamelContextOnABusyMachineHangsUpEveryLegAndReleasesEveryLease() throws Exception {
        try (BusyCpu busy = new BusyCpu(SPINNERS)) {
            ringEverywhere();

            camel.stop();

            sim.ledger().awaitNoLiveChannels(WELL_WITHIN);
        }
        assertEveryLegHungUpByUs(callees());
        assertThat(agents.loads()).allSatisfy((agent, load) -> assertThat(load).isZero());
    }

    @Test
    void aStoppingThreadThatKeepsBeingInterruptedStillHangsUpEveryLeg() throws Exception {
        ringEverywhere();
        AtomicReference<Throwable> stopFailure = new AtomicReference<>();
        Thread stopper = new Thread(() -> {
            try {
                camel.stop();
            } catch (Throwable e) {
                stopFailure.set(e);
            }
        }, "stopping-camel");

        try (BusyCpu busy = new BusyCpu(SPINNERS)) {
            stopper.start();
            try (RepeatedInterrupts interrupts = new RepeatedInterrupts(stopper)) {
                stopper.join(WELL_WITHIN.toMillis());
                assertThat(interrupts.count()).isPositive();
            }
            assertThat(stopper.isAlive()).as("the context stopped").isFalse();
            sim.ledger().awaitNoLiveChannels(WELL_WITHIN);
        }
        assertThat(stopFailure.get()).isNull();
        assertThat(camel.isStopped()).isTrue();
        assertEveryLegHungUpByUs(callees());
        assertThat(agents.loads()).allSatisfy((agent, load) -> assertThat(load).isZero());
    }

    @Test
    void stoppingTheRouteOfAnOutboundCallHangsUpItsRingGroupBeforeItsConnectionCloses() throws Exception {
        OutboundCall caller = sim.placeOutboundCall("127.0.0.1", outboundPort);
        await().atMost(WELL_WITHIN).until(() -> sim.ledger().channelsTo("user/agent-3").stream()
                .anyMatch(ChannelRecord::live));

        // the only route using the shared inbound connection: stopping it closes that connection too
        camel.getRouteController().stopRoute("parallel");
        camel.getRouteController().stopRoute("balancing");
        camel.getRouteController().stopRoute("outbound");

        sim.ledger().awaitNoLiveChannels(WELL_WITHIN);
        assertThat(caller.ended().get(WELL_WITHIN.toSeconds(), TimeUnit.SECONDS)).isNotNull();
        assertEveryLegHungUpByUs(sim.ledger().channelsTo("user/agent-3"));
    }

    /** Rings a group in every kind of route (direct, outbound) and from a producer outside any route. */
    private void ringEverywhere() {
        ProducerTemplate template = camel.createProducerTemplate();
        template.asyncRequestBody("direct:parallel", null);
        template.asyncRequestBody("direct:balancing", null);
        template.asyncRequestBody("freeswitch:ringGroup?destinations=user/agent-4&timeout=60s", null);
        sim.placeOutboundCall("127.0.0.1", outboundPort);
        // two parallel legs, one balanced, one from the template, the outbound caller and its callee
        await().atMost(WELL_WITHIN).until(() -> sim.ledger().liveChannels() == 6);
    }

    /** The legs our ring groups started; the outbound caller is FreeSWITCH's and ends with its socket. */
    private List<ChannelRecord> callees() {
        return sim.ledger().channels().stream()
                .filter(leg -> leg.destination().startsWith("sim/") || leg.destination().startsWith("user/"))
                .toList();
    }

    private static void assertEveryLegHungUpByUs(List<ChannelRecord> legs) {
        assertThat(legs).isNotEmpty().allSatisfy(leg -> {
            assertThat(leg.live()).as("%s is gone", leg).isFalse();
            assertThat(leg.killedBy()).as("who ended %s", leg).isEqualTo("uuid_kill");
            assertThat(leg.hangupCause()).as("why %s ended", leg).isEqualTo("ORIGINATOR_CANCEL");
        });
    }

    private static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0)) {
            return probe.getLocalPort();
        }
    }
}
