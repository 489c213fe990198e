package io.camelfreeswitch.camel;

import io.camelfreeswitch.call.RingGroupOutcome;
import io.camelfreeswitch.call.RingGroupResult;
import io.camelfreeswitch.call.balancer.InMemoryLoadBalancer;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.utility.MountableFile;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The component against a real FreeSWITCH 1.10 in a container, ringing loopback extensions whose dialplan mirrors
 * the simulator's behaviours. Skipped where there is no Docker.
 */
@Testcontainers(disabledWithoutDocker = true)
class FreeSwitchRingGroupIT {

    @Container
    static final GenericContainer<?> FREESWITCH = new GenericContainer<>("safarov/freeswitch:1.10.11")
            .withCopyFileToContainer(MountableFile.forClasspathResource("freeswitch-it/event_socket.conf.xml"),
                    "/etc/freeswitch/autoload_configs/event_socket.conf.xml")
            .withCopyFileToContainer(MountableFile.forClasspathResource("freeswitch-it/camel_test_dialplan.xml"),
                    "/etc/freeswitch/dialplan/default/00_camel_test.xml")
            .withExposedPorts(8021)
            .waitingFor(Wait.forListeningPort().withStartupTimeout(Duration.ofMinutes(2)));

    private static CamelContext context;
    private static ProducerTemplate template;
    private static final InMemoryLoadBalancer BALANCER = new InMemoryLoadBalancer();

    @BeforeAll
    static void startCamel() throws Exception {
        context = new DefaultCamelContext();
        context.getRegistry().bind("agents", BALANCER);
        FreeSwitchComponent component = new FreeSwitchComponent();
        component.getConfiguration().setHost(FREESWITCH.getHost());
        component.getConfiguration().setPort(FREESWITCH.getMappedPort(8021));
        context.addComponent("freeswitch", component);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:ring").to("freeswitch:ringGroup?timeout=5s&balancer=#agents");
                from("direct:api").to("freeswitch:api");
            }
        });
        context.start();
        template = context.createProducerTemplate();
    }

    @AfterAll
    static void stopCamel() {
        if (context != null) {
            context.stop();
        }
    }

    @AfterEach
    void noCalleeChannelIsLeft() {
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(
                template.requestBody("direct:api", "show channels count", String.class)).contains("0 total"));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(
                () -> assertThat(BALANCER.loads().values()).allMatch(load -> load == 0));
    }

    private Exchange ring(String mode, List<String> destinations) {
        return template.request("direct:ring", exchange -> {
            exchange.getMessage().setHeader(FreeSwitchConstants.MODE, mode);
            exchange.getMessage().setHeader(FreeSwitchConstants.DESTINATIONS, destinations);
        });
    }

    private void hangUpWinner(Exchange exchange) {
        template.sendBody("direct:api", "uuid_kill " + exchange.getMessage().getHeader(
                FreeSwitchConstants.ANSWERED_UUID));
    }

    @Test
    void parallelConnectsTheFirstToAnswer() {
        Exchange exchange = ring("PARALLEL", List.of("loopback/answer-after-3000/default",
                "loopback/answer-after-500/default", "loopback/busy/default"));
        assertThat(exchange.getException()).isNull();
        assertThat(exchange.getMessage().getHeader(FreeSwitchConstants.RING_GROUP_OUTCOME))
                .isEqualTo(RingGroupOutcome.ANSWERED);
        assertThat(exchange.getMessage().getHeader(FreeSwitchConstants.ANSWERED_DESTINATION))
                .isEqualTo("loopback/answer-after-500/default");
        hangUpWinner(exchange);
    }

    @Test
    void sequentialSkipsBusyAndRejectingDestinations() {
        Exchange exchange = ring("SEQUENTIAL", List.of("loopback/busy/default",
                "loopback/reject-CALL_REJECTED/default", "loopback/answer/default"));
        assertThat(exchange.getMessage().getHeader(FreeSwitchConstants.ANSWERED_DESTINATION))
                .isEqualTo("loopback/answer/default");
        hangUpWinner(exchange);
    }

    @Test
    void balancingRingsTheLeastLoadedAndReleasesItsLoad() {
        Exchange exchange = ring("BALANCING", List.of("loopback/answer-after-200/default",
                "loopback/answer/default"));
        assertThat(exchange.getMessage().getHeader(FreeSwitchConstants.RING_GROUP_OUTCOME))
                .isEqualTo(RingGroupOutcome.ANSWERED);
        hangUpWinner(exchange);
    }

    @Test
    void nobodyAnsweringIsAnOutcomeNotAnError() {
        Exchange exchange = ring("PARALLEL", List.of("loopback/no-answer/default"));
        assertThat(exchange.getException()).isNull();
        assertThat(exchange.getMessage().getBody(RingGroupResult.class).outcome())
                .isEqualTo(RingGroupOutcome.NO_ANSWER);
    }
}
