package io.camelfreeswitch.camel.docs;

import org.apache.camel.util.json.JsonObject;
import org.apache.camel.util.json.Jsoner;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The adoc's option and header tables say exactly what the component's metadata says: every option and header, in
 * the metadata's order, with its description, its default as Camel prints it and its type. The tables are read back
 * from the adoc as a reader sees them, cell by cell, not compared with the generator's output.
 */
class DocumentationTest {

    private static final Path ADOC = Path.of("src/main/docs/freeswitch-component.adoc");

    private static JsonObject metadata;
    private static String adoc;

    @BeforeAll
    static void load() throws Exception {
        try (InputStream in = DocumentationTest.class.getResourceAsStream("/META-INF/io/camelfreeswitch/camel/freeswitch.json")) {
            metadata = (JsonObject) Jsoner.deserialize(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        adoc = Files.readString(ADOC, StandardCharsets.UTF_8);
    }

    @Test
    void theComponentOptionsTableMatchesTheMetadata() {
        assertTableMatches("Component options", options("componentProperties", false));
    }

    @Test
    void theEndpointTablesMatchTheMetadata() {
        assertTableMatches("Endpoint path parameters", options("properties", true));
        assertTableMatches("Endpoint query parameters", options("properties", false));
    }

    @Test
    void theHeadersTableMatchesTheMetadata() {
        JsonObject headers = (JsonObject) metadata.get("headers");
        List<Row> rows = table("Message headers");
        assertThat(rows).extracting(Row::name).containsExactlyElementsOf(headers.keySet());
        for (Row row : rows) {
            JsonObject header = (JsonObject) headers.get(row.name());
            assertThat(row.type()).as(row.name()).isEqualTo(simpleName(header.getString("javaType")));
            assertThat(row.defaultValue()).as(row.name()).isEqualTo(expectedDefault(header));
            assertThat(row.description()).as(row.name()).isEqualTo(expectedDescription(header));
        }
    }

    @Test
    void defaultsArePrintedAsCamelPrintsThem() {
        Map<String, Row> rows = new LinkedHashMap<>();
        table("Endpoint query parameters").forEach(row -> rows.put(row.name(), row));
        assertThat(rows.get("failOnNoAnswer").defaultValue()).isEqualTo("false");
        assertThat(rows.get("failOnErrorReply").defaultValue()).isEqualTo("true");
        assertThat(rows.get("port").defaultValue()).isEqualTo("8021");
        assertThat(rows.get("timeout").defaultValue()).isEqualTo("30000");
        assertThat(rows.get("password").defaultValue()).isEqualTo("ClueCon");
        assertThat(rows.get("username").defaultValue()).isEmpty();
    }

    @Test
    void theAdocHoldsTheTablesOfTheCurrentMetadata() {
        assertThat(OptionTables.replaceIn(adoc, metadata))
                .as("the adoc's tables are stale: build the component module (mvn process-test-classes) to regenerate them")
                .isEqualTo(adoc);
    }

    @Test
    void theAdocMakesNoClaimAboutACamelVersion() {
        assertThat(adoc).doesNotContain("Since Camel");
        JsonObject component = (JsonObject) metadata.get("component");
        assertThat(component.getString("scheme")).isEqualTo("freeswitch");
        assertThat(component.getString("syntax")).isEqualTo("freeswitch:operation");
    }

    @Test
    void thePasswordIsMarkedSecret() {
        JsonObject password = (JsonObject) ((JsonObject) metadata.get("properties")).get("password");
        assertThat(password.getBoolean("secret")).isTrue();
        assertThat(password.getString("label")).isEqualTo("security");
    }

    private void assertTableMatches(String title, Map<String, JsonObject> options) {
        List<Row> rows = table(title);
        assertThat(rows).as(title).extracting(Row::name).containsExactlyElementsOf(options.keySet());
        for (Row row : rows) {
            JsonObject option = options.get(row.name());
            String what = title + ": " + row.name();
            assertThat(row.group()).as(what).isEqualTo(option.getString("group"));
            assertThat(row.description()).as(what).isEqualTo(expectedDescription(option));
            assertThat(row.defaultValue()).as(what).isEqualTo(expectedDefault(option));
            assertThat(row.type()).as(what).isEqualTo(simpleName(option.getString("javaType")));
        }
    }

    /** The metadata's options of one kind, in the order of their index. */
    private static Map<String, JsonObject> options(String section, boolean path) {
        List<Map.Entry<String, Object>> entries = new ArrayList<>(((JsonObject) metadata.get(section)).entrySet());
        entries.sort((a, b) -> Integer.compare(index(a), index(b)));
        Map<String, JsonObject> options = new LinkedHashMap<>();
        for (Map.Entry<String, Object> entry : entries) {
            JsonObject option = (JsonObject) entry.getValue();
            if ("path".equals(option.getString("kind")) == path) {
                options.put(entry.getKey(), option);
            }
        }
        return options;
    }

    private static int index(Map.Entry<String, Object> option) {
        return ((Number) ((JsonObject) option.getValue()).get("index")).intValue();
    }

    /** JSON's spelling of the value: false, not False; 8021, not 8021.0. */
    private static String expectedDefault(JsonObject option) {
        Object value = option.get("defaultValue");
        if (value instanceof java.math.BigDecimal number) {
            return number.toBigIntegerExact().toString();
        }
        return value == null ? "" : value.toString();
    }

    private static String expectedDescription(JsonObject option) {
        String description = option.getString("description").strip();
        if (Boolean.TRUE.equals(option.get("required"))) {
            description = "*Required* " + description;
        }
        List<?> values = (List<?>) option.get("enum");
        if (values != null && !values.isEmpty()) {
            description += " Enum values: " + String.join(", ", values.stream().map(String::valueOf).toList()) + ".";
        }
        return description;
    }

    private static String simpleName(String javaType) {
        String raw = javaType.replaceAll("<.*>", "");
        return raw.substring(raw.lastIndexOf('.') + 1);
    }

    /** The rows of the adoc table under the heading that starts with {@code === title}. */
    private static List<Row> table(String title) {
        int heading = adoc.indexOf("\n=== " + title);
        assertThat(heading).as("the adoc has a '=== " + title + "' section").isPositive();
        int start = adoc.indexOf("|===\n", heading) + "|===\n".length();
        int end = adoc.indexOf("|===\n", start);
        String[] lines = adoc.substring(start, end).split("\n");
        assertThat(lines[0]).isEqualTo("| Name | Description | Default | Type");
        List<Row> rows = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            String[] cells = lines[i].substring(2).split(" \\| ", -1);
            assertThat(cells).as(lines[i]).hasSize(4);
            String nameCell = cells[0];
            String name = nameCell.substring(1, nameCell.indexOf(nameCell.charAt(0), 1));
            String group = nameCell.substring(nameCell.indexOf(" (") + 2, nameCell.length() - 1);
            rows.add(new Row(name, group, cells[1].replace("\\|", "|"), cells[2].strip(), cells[3].strip()));
        }
        return rows;
    }

    private record Row(String name, String group, String description, String defaultValue, String type) {
    }
}
