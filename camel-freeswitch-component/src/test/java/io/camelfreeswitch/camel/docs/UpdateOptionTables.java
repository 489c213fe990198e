package io.camelfreeswitch.camel.docs;

import org.apache.camel.util.json.JsonObject;
import org.apache.camel.util.json.Jsoner;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Run by the component's build (exec-maven-plugin, process-test-classes) right after Camel's tooling has written
 * {@code freeswitch.json}: rewrites the adoc's generated region, and only touches the file when it changed.
 * Arguments: the metadata JSON, the adoc.
 */
public final class UpdateOptionTables {

    private UpdateOptionTables() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: UpdateOptionTables <freeswitch.json> <component.adoc>");
        }
        Path adocFile = Path.of(args[1]);
        JsonObject metadata = (JsonObject) Jsoner.deserialize(Files.readString(Path.of(args[0]), StandardCharsets.UTF_8));
        String adoc = Files.readString(adocFile, StandardCharsets.UTF_8);
        String updated = OptionTables.replaceIn(adoc, metadata);
        if (!updated.equals(adoc)) {
            Files.writeString(adocFile, updated, StandardCharsets.UTF_8);
            System.out.println("Updated the option tables of " + adocFile);
        }
    }
}
