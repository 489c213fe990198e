package io.camelfreeswitch.springboot;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** IDEs complete camel.component.freeswitch.* from the metadata the configuration processor generates. */
class ConfigurationMetadataTest {

    @Test
    void everyPropertyIsDescribedInTheGeneratedMetadata() throws IOException {
        String metadata;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            assertThat(in).as("generated metadata on the classpath").isNotNull();
            metadata = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(metadata).contains(
                "\"name\": \"camel.component.freeswitch.host\"",
                "\"name\": \"camel.component.freeswitch.password\"",
                "\"name\": \"camel.component.freeswitch.reconnect-max-delay\"",
                "\"name\": \"camel.component.freeswitch.mode\"",
                "\"name\": \"camel.component.freeswitch.timeout\"",
                "\"name\": \"camel.component.freeswitch.balancer.redis.uri\"",
                "\"name\": \"camel.component.freeswitch.balancer.redis.key-prefix\"",
                "\"name\": \"camel.component.freeswitch.balancer.redis.lease-ttl\"",
                "\"name\": \"camel.component.freeswitch.metrics-max-destinations\"",
                "\"description\": \"Host of FreeSWITCH's event socket.\"");
    }
}
