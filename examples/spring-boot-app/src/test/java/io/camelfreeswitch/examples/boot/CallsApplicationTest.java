package io.camelfreeswitch.examples.boot;

import com.jayway.jsonpath.JsonPath;
import io.camelfreeswitch.simulator.ChannelRecord;
import io.camelfreeswitch.simulator.FreeSwitchSimulator;
import io.camelfreeswitch.simulator.OutboundCall;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The application as a client sees it, on the embedded simulator of the default profile. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "calls.ring-timeout=1500ms")
class CallsApplicationTest {

    private static final int OUTBOUND_PORT = freePort();

    @DynamicPropertySource
    static void outboundPort(DynamicPropertyRegistry registry) {
        registry.add("camel.component.freeswitch.bind-port", () -> OUTBOUND_PORT);
    }

    @LocalServerPort
    int port;
    @Autowired
    FreeSwitchSimulator simulator;
    @Value("${camel.component.freeswitch.bind-port}")
    int outboundPort;

    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void everyCallEnds() {
        simulator.hangupAll(Duration.ofSeconds(5));
        simulator.ledger().awaitNoLiveChannels(Duration.ofSeconds(10));
        simulator.ledger().clear();
    }

    @Test
    void postCallsRingsTheGroupAndBridgesTheCallerToWhoeverAnswers() throws Exception {
        HttpResponse<String> response = post("""
                {"caller":"user/1000","group":["user/1002","user/1001"],"mode":"PARALLEL"}""");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        String json = response.body();
        assertThat(JsonPath.<String>read(json, "$.outcome")).isEqualTo("ANSWERED");
        assertThat(JsonPath.<String>read(json, "$.answered.destination")).isEqualTo("user/1001");
        assertThat(JsonPath.<List<String>>read(json, "$.legs[?(@.destination == 'user/1002')].outcome"))
                .containsExactly("BUSY");
        String caller = JsonPath.read(json, "$.callerUuid");
        String answered = JsonPath.read(json, "$.answered.uuid");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(simulator.ledger().channel(caller)).map(ChannelRecord::bridged).isPresent();
            assertThat(simulator.ledger().channel(answered)).map(ChannelRecord::bridged).isPresent();
        });
    }

    @Test
    void whenNobodyAnswersTheCallerIsHungUp() throws Exception {
        HttpResponse<String> response = post("""
                {"caller":"user/1000","group":["user/1003"],"mode":"SEQUENTIAL"}""");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(JsonPath.<String>read(response.body(), "$.outcome")).isEqualTo("NO_ANSWER");
        assertThat(JsonPath.<Object>read(response.body(), "$.answered")).isNull();
        String caller = JsonPath.read(response.body(), "$.callerUuid");
        simulator.ledger().awaitHangup(caller, "NO_ANSWER", Duration.ofSeconds(10));
    }

    @Test
    void aRequestWithoutCallerIsABadRequest() throws Exception {
        HttpResponse<String> response = post("""
                {"group":["user/1001"]}""");

        assertThat(response.statusCode()).isEqualTo(400);
    }

    @Test
    void anIncomingCallIsRungToTheSupportGroupAndBridged() {
        OutboundCall incoming = simulator.placeOutboundCall("127.0.0.1", outboundPort);

        ChannelRecord agent = simulator.ledger().awaitChannel(channel -> channel.destination() != null
                && channel.destination().startsWith("user/200") && channel.bridged() != null, Duration.ofSeconds(15));
        assertThat(agent.destination()).isIn("user/2001", "user/2002");
        assertThat(simulator.ledger().channel(incoming.uuid())).map(ChannelRecord::bridged).isPresent();
        incoming.hangup();
    }

    @Test
    void healthShowsTheFreeSwitchConnection() throws Exception {
        post("""
                {"caller":"user/1000","group":["user/1001"]}""");

        HttpResponse<String> health = http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/actuator/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(JsonPath.<String>read(health.body(), "$.components.camelHealth.status")).isEqualTo("UP");
        Map<String, Object> checks = JsonPath.read(health.body(), "$.components.camelHealth.details");
        // one readiness check per freeswitch: producer, named after its route and endpoint
        assertThat(checks).hasEntrySatisfying("producer:call:freeswitch://ringGroup?timeout=1500ms",
                state -> assertThat(state).isEqualTo("UP"));
    }

    private HttpResponse<String> post(String json) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/calls"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .timeout(Duration.ofSeconds(30))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
