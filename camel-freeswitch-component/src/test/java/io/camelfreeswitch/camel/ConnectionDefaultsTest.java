package io.camelfreeswitch.camel;

import io.camelfreeswitch.esl.EslClientOptions;
import org.apache.camel.util.json.JsonObject;
import org.apache.camel.util.json.Jsoner;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A freeswitch: endpoint and an EslClient built with no options connect the same way: the component's defaults, and
 * the defaults its catalog metadata (and so the Spring Boot starter) advertises, are the ESL client's.
 */
class ConnectionDefaultsTest {

    private final EslClientOptions client = EslClientOptions.builder().build();

    @Test
    void theComponentsConnectionDefaultsAreTheEslClientsDefaults() {
        FreeSwitchConfiguration component = new FreeSwitchConfiguration();

        assertThat(component.getHost()).isEqualTo(client.host());
        assertThat(component.getPort()).isEqualTo(client.port());
        assertThat(component.getPassword()).isEqualTo(client.password());
        assertThat(component.getUsername()).isEqualTo(client.user());
        assertThat(Duration.ofMillis(component.getConnectTimeout())).isEqualTo(client.connectTimeout());
        assertThat(Duration.ofMillis(component.getRequestTimeout())).isEqualTo(client.requestTimeout());
        assertThat(Duration.ofMillis(component.getReconnectInitialDelay())).isEqualTo(client.reconnectInitialDelay());
        assertThat(Duration.ofMillis(component.getReconnectMaxDelay())).isEqualTo(client.reconnectMaxDelay());
        assertThat(component.getFormat()).isEqualTo(client.eventFormat());
    }

    @Test
    void theCatalogAdvertisesTheDefaultsTheComponentApplies() throws Exception {
        JsonObject metadata;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/io/camelfreeswitch/camel/freeswitch.json")) {
            metadata = (JsonObject) Jsoner.deserialize(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        for (String section : new String[] { "componentProperties", "properties" }) {
            JsonObject options = (JsonObject) metadata.get(section);
            assertThat(defaultOf(options, "host")).as(section).isEqualTo(client.host());
            assertThat(defaultOf(options, "port")).as(section).isEqualTo(String.valueOf(client.port()));
            assertThat(defaultOf(options, "password")).as(section).isEqualTo(client.password());
            assertThat(defaultOf(options, "connectTimeout")).as(section)
                    .isEqualTo(String.valueOf(client.connectTimeout().toMillis()));
            assertThat(defaultOf(options, "requestTimeout")).as(section)
                    .isEqualTo(String.valueOf(client.requestTimeout().toMillis()));
            assertThat(defaultOf(options, "reconnectInitialDelay")).as(section)
                    .isEqualTo(String.valueOf(client.reconnectInitialDelay().toMillis()));
            assertThat(defaultOf(options, "reconnectMaxDelay")).as(section)
                    .isEqualTo(String.valueOf(client.reconnectMaxDelay().toMillis()));
            assertThat(defaultOf(options, "format")).as(section).isEqualTo(client.eventFormat().name());
        }
    }

    private static String defaultOf(JsonObject options, String option) {
        return String.valueOf(((JsonObject) options.get(option)).get("defaultValue"));
    }
}
