package io.camelfreeswitch.springboot;

import io.camelfreeswitch.simulator.FreeSwitchSimulator;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.health.actuate.endpoint.CompositeHealthDescriptor;
import org.springframework.boot.health.actuate.endpoint.HealthDescriptor;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.actuate.endpoint.IndicatedHealthDescriptor;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * /actuator/health follows the FreeSWITCH connection through Camel's own health checks (camelHealth): DOWN while
 * the server is gone, naming the producer that cannot reach it, UP once it is back. Nothing else reports it twice.
 */
@SpringBootTest(classes = FreeSwitchHealthTest.App.class, properties = {
        "camel.health.producers-enabled=true",
        "management.endpoint.health.show-details=always",
        "management.endpoints.web.exposure.include=health"})
class FreeSwitchHealthTest {

    static final FreeSwitchSimulator SIM = SimulatorHolder.start();
    static final String PRODUCER_CHECK = "producer:status:freeswitch://api?command=status";

    @SpringBootApplication
    static class App {
        @Bean
        RouteBuilder usesFreeSwitch() {
            return new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:status").routeId("status").to("freeswitch:api?command=status");
                }
            };
        }
    }

    @DynamicPropertySource
    static void simulator(DynamicPropertyRegistry registry) {
        SimulatorHolder.connectionProperties(SIM, registry);
    }

    @Autowired
    HealthEndpoint health;
    @Autowired
    ProducerTemplate template;

    @AfterAll
    static void stopSimulator() {
        SIM.close();
    }

    @Test
    void healthGoesDownWhenFreeSwitchStopsAndUpWhenItIsBack() {
        // the route's producer opens the connection when the route starts
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            assertThat(component("camelHealth").getStatus()).isEqualTo(Status.UP);
            assertThat(health.health().getStatus()).isEqualTo(Status.UP);
        });
        assertThat(((CompositeHealthDescriptor) health.health()).getComponents()).doesNotContainKey("freeswitch");

        SIM.stop();
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            HealthDescriptor camelHealth = component("camelHealth");
            assertThat(camelHealth.getStatus()).isEqualTo(Status.DOWN);
            assertThat(((IndicatedHealthDescriptor) camelHealth).getDetails())
                    .containsEntry(PRODUCER_CHECK, "DOWN");
            assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
        });

        SIM.start(); // same port: the component reconnects by itself
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(component("camelHealth").getStatus()).isEqualTo(Status.UP);
            assertThat(health.health().getStatus()).isEqualTo(Status.UP);
        });
        assertThat(template.requestBody("direct:status", "", String.class)).startsWith("UP");
    }

    private HealthDescriptor component(String name) {
        HealthDescriptor root = health.health();
        HealthDescriptor component = ((CompositeHealthDescriptor) root).getComponents().get(name);
        assertThat(component).as("health component %s in %s", name, ((CompositeHealthDescriptor) root)
                .getComponents().keySet()).isNotNull();
        return component;
    }
}
