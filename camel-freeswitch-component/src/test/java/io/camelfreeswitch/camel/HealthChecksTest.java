package io.camelfreeswitch.camel;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.health.HealthCheckRepository;
import org.junit.jupiter.api.Test;

import java.util.Collection;
import java.util.Optional;

import static io.camelfreeswitch.testing.TestWaits.WELL_WITHIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Health the Camel way: each freeswitch producer adds a check to Camel's producer repository
 * (camel.health.producersEnabled), each events consumer answers for its route's consumer check
 * (camel.health.consumersEnabled). Both judge the FreeSWITCH connection for readiness only: a lost connection
 * reconnects by itself, so it must never fail liveness and get the application restarted.
 */
class HealthChecksTest extends FreeSwitchTestSupport {

    private static final String PRODUCER_CHECK = "producer:status:freeswitch://api?command=status";
    private static final String CONSUMER_CHECK = "consumer:answers";

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext camelContext = super.createCamelContext();
        // what Camel Main (camel.health.*) and Spring Boot do: the consumers repository is on by default, the
        // producers one is switched on with camel.health.producersEnabled=true
        // every result, not only the failing ones (camel.health.exposureLevel=full)
        HealthCheckRegistry.get(camelContext).setExposureLevel("full");
        HealthCheckHelper.getHealthCheckRepository(camelContext, "consumers").setEnabled(true);
        producers(camelContext).setEnabled(true);
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

    private static HealthCheckRepository producers(CamelContext camelContext) {
        return HealthCheckHelper.getHealthCheckRepository(camelContext, "producers");
    }

    private static Optional<HealthCheck.Result> find(Collection<HealthCheck.Result> results, String id) {
        return results.stream().filter(r -> r.getCheck().getId().equals(id)).findFirst();
    }

    private Optional<HealthCheck.Result> readiness(String id) {
        return find(HealthCheckHelper.invokeReadiness(context), id);
    }

    private Optional<HealthCheck.Result> liveness(String id) {
        return find(HealthCheckHelper.invokeLiveness(context), id);
    }

    @Test
    void theProducerCheckIsUpWhileAuthenticatedAndDownWithTheReasonOtherwise() {
        template.requestBody("direct:status", null, String.class);
        assertThat(readiness(PRODUCER_CHECK)).get().extracting(HealthCheck.Result::getState)
                .isEqualTo(HealthCheck.State.UP);

        sim().stop();
        await().atMost(WELL_WITHIN).untilAsserted(() -> {
            HealthCheck.Result result = readiness(PRODUCER_CHECK).orElseThrow();
            assertThat(result.getState()).isEqualTo(HealthCheck.State.DOWN);
            assertThat(result.getMessage()).get().asString().contains("127.0.0.1:" + SIM.port());
        });

        sim().start();
        await().atMost(WELL_WITHIN).untilAsserted(() -> assertThat(readiness(PRODUCER_CHECK)).get()
                .extracting(HealthCheck.Result::getState).isEqualTo(HealthCheck.State.UP));
    }

    @Test
    void aLostConnectionMakesTheApplicationNotReadyButNeverNotLive() {
        HealthCheck producerCheck = HealthCheckHelper.getHealthCheck(context, PRODUCER_CHECK);
        assertThat(producerCheck.isReadiness()).isTrue();
        assertThat(producerCheck.isLiveness()).isFalse();

        sim().stop();
        await().atMost(WELL_WITHIN).untilAsserted(() -> {
            assertThat(readiness(PRODUCER_CHECK)).get().extracting(HealthCheck.Result::getState)
                    .isEqualTo(HealthCheck.State.DOWN);
            assertThat(readiness(CONSUMER_CHECK)).get().extracting(HealthCheck.Result::getState)
                    .isEqualTo(HealthCheck.State.DOWN);
        });
        assertThat(liveness(PRODUCER_CHECK)).isEmpty();
        assertThat(HealthCheckHelper.getHealthCheck(context, CONSUMER_CHECK).callLiveness().getState())
                .isEqualTo(HealthCheck.State.UP);
        assertThat(HealthCheckHelper.isResultsUp(HealthCheckHelper.invokeLiveness(context), false)).isTrue();

        sim().start();
        await().atMost(WELL_WITHIN).untilAsserted(() -> assertThat(readiness(CONSUMER_CHECK)).get()
                .extracting(HealthCheck.Result::getState).isEqualTo(HealthCheck.State.UP));
    }

    @Test
    void theConsumerCheckNamesTheConnectionItJudges() {
        HealthCheck.Result result = readiness(CONSUMER_CHECK).orElseThrow();
        assertThat(result.getState()).isEqualTo(HealthCheck.State.UP);
        assertThat(result.getDetails()).containsEntry("freeswitch.connection", "127.0.0.1:" + SIM.port())
                .containsEntry("freeswitch.state", "UP");
    }

    @Test
    void producerChecksFollowCamelsProducersSwitch() {
        producers(context).setEnabled(false);
        assertThat(readiness(PRODUCER_CHECK)).isEmpty();
        producers(context).setEnabled(true);
        assertThat(readiness(PRODUCER_CHECK)).isPresent();
    }

    @Test
    void aStoppedRouteTakesItsProducerCheckAway() throws Exception {
        assertThat(readiness(PRODUCER_CHECK)).isPresent();
        context.getRouteController().stopRoute("status");
        assertThat(readiness(PRODUCER_CHECK)).isEmpty();
    }
}
