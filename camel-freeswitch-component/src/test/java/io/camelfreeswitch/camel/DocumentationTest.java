package io.camelfreeswitch.camel;

import org.apache.camel.util.json.JsonObject;
import org.apache.camel.util.json.Jsoner;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The adoc lists every option and header of the generated metadata, so a new option cannot ship undocumented.
 * Regenerate its tables with {@code python3 src/main/docs/generate-option-tables.py} after changing options.
 */
class DocumentationTest {

    @Test
    void theAdocListsEveryOptionAndHeaderOfTheMetadata() throws Exception {
        JsonObject metadata;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/io/camelfreeswitch/camel/freeswitch.json")) {
            metadata = (JsonObject) Jsoner.deserialize(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        String adoc = Files.readString(Path.of("src/main/docs/freeswitch-component.adoc"));

        JsonObject component = (JsonObject) metadata.get("component");
        assertThat(component.getString("scheme")).isEqualTo("freeswitch");
        assertThat(component.getString("syntax")).isEqualTo("freeswitch:operation");
        for (String section : new String[] { "componentProperties", "properties" }) {
            for (String option : ((JsonObject) metadata.get(section)).keySet()) {
                assertThat(adoc).as(section + " option " + option).contains("*" + option + "*");
            }
        }
        for (String header : ((JsonObject) metadata.get("headers")).keySet()) {
            assertThat(adoc).as("header " + header).contains("`" + header + "`");
        }
        JsonObject password = (JsonObject) ((JsonObject) metadata.get("properties")).get("password");
        assertThat(password.getBoolean("secret")).isTrue();
        assertThat(password.getString("label")).isEqualTo("security");
    }
}
