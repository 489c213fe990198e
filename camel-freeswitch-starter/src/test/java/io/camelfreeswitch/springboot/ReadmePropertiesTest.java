package io.camelfreeswitch.springboot;

import org.apache.camel.util.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's property table is the configuration metadata's: every property with its default and the first sentence
 * of its description. When it differs, the expected table is in target/README-properties.md, to paste between the
 * markers.
 */
class ReadmePropertiesTest {

    static final String BEGIN = "<!-- BEGIN properties: the configuration metadata's; ReadmePropertiesTest checks it -->";
    static final String END = "<!-- END properties -->";

    @Test
    void theReadmeListsEveryPropertyWithItsDefault() throws IOException {
        String expected = table(ComponentCatalog.starterProperties());
        Files.writeString(Path.of("target/README-properties.md"), expected);

        String readme = Files.readString(Path.of("README.md"));
        assertThat(readme).contains(BEGIN, END);
        String actual = readme.substring(readme.indexOf(BEGIN) + BEGIN.length() + 1, readme.indexOf(END));
        assertThat(actual).isEqualTo(expected);
    }

    static String table(Map<String, JsonObject> properties) {
        StringBuilder out = new StringBuilder("| property | default | what |\n| --- | --- | --- |\n");
        new TreeMap<>(properties).forEach((name, property) -> {
            Object defaultValue = property.get("defaultValue");
            out.append("| `").append(name).append("` | ")
                    .append(defaultValue == null ? "" : "`" + defaultValue + "`").append(" | ")
                    .append(markdown(summary(property.getString("description")))).append(" |\n");
        });
        return out.toString();
    }

    private static String markdown(String text) {
        return text.replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** The first sentence, and for map properties the sentence saying how keys are written. */
    private static String summary(String description) {
        int end = description.indexOf(". ");
        while (end > 0 && description.charAt(end - 1) == '.') {
            end = description.indexOf(". ", end + 1); // an ellipsis ends no sentence
        }
        String first = end < 0 ? description : description.substring(0, end + 1);
        int keys = description.indexOf(" As properties: ");
        return keys > end && end >= 0 ? first + description.substring(keys) : first;
    }
}
