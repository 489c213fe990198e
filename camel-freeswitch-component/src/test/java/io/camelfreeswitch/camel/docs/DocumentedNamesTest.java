package io.camelfreeswitch.camel.docs;

import org.apache.camel.util.json.JsonObject;
import org.apache.camel.util.json.Jsoner;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the documentation names exists: every exception and test class named in a Markdown file, the adoc or a
 * javadoc comment of the main sources is a class of this repository (or one it imports, or of java.lang), and every
 * {@code freeswitch:} URI in the docs and examples uses a real operation and real options.
 */
class DocumentedNamesTest {

    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    private static final Pattern CLASS_NAME = Pattern.compile("\\b[A-Z][a-z][A-Za-z0-9]*(?:Exception|Test|IT)\\b");
    private static final Pattern JAVADOC = Pattern.compile("/\\*\\*.*?\\*/", Pattern.DOTALL);
    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?[\\w.]+\\.([A-Z]\\w*)", Pattern.MULTILINE);
    private static final Pattern URI = Pattern.compile("(?<![\\w.:-])freeswitch:([A-Za-z]+)(\\?[^\\s\"'`)\\]]*)?");
    private static final Pattern YAML_URI = Pattern.compile("^(\\s*)(?:- )?uri:\\s*\"?freeswitch:([A-Za-z]+)\"?\\s*$");
    private static final Pattern YAML_KEY = Pattern.compile("^(\\s*)([\\w.\\-]+):");

    private static JsonObject endpointOptions;

    @BeforeAll
    static void load() throws Exception {
        assertThat(ROOT.resolve("camel-freeswitch-component")).as("the repository root").isDirectory();
        try (InputStream in = DocumentedNamesTest.class.getResourceAsStream("/META-INF/io/camelfreeswitch/camel/freeswitch.json")) {
            JsonObject metadata = (JsonObject) Jsoner.deserialize(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            endpointOptions = (JsonObject) metadata.get("properties");
        }
    }

    @Test
    void everyExceptionAndTestClassNamedInTheDocsExists() {
        Set<String> known = new HashSet<>();
        for (Path source : files(".java")) {
            known.add(source.getFileName().toString().replace(".java", ""));
            Matcher imported = IMPORT.matcher(read(source));
            while (imported.find()) {
                known.add(imported.group(1));
            }
        }
        Set<String> unknown = new TreeSet<>();
        for (Path doc : documents()) {
            for (String text : prose(doc)) {
                Matcher name = CLASS_NAME.matcher(text);
                while (name.find()) {
                    if (!known.contains(name.group()) && !isJavaLang(name.group())) {
                        unknown.add(ROOT.relativize(doc) + ": " + name.group());
                    }
                }
            }
        }
        assertThat(unknown).as("class names in the docs that no class of the repository has").isEmpty();
    }

    @Test
    void everyFreeswitchUriInTheDocsAndExamplesUsesRealOperationsAndOptions() {
        List<String> operations = ((List<?>) ((JsonObject) endpointOptions.get("operation")).get("enum")).stream()
                .map(String::valueOf).toList();
        List<String> prefixes = endpointOptions.values().stream().map(o -> ((JsonObject) o).getString("prefix"))
                .filter(p -> p != null && !p.isEmpty()).toList();
        Set<String> wrong = new TreeSet<>();
        List<Path> sources = new ArrayList<>(documents());
        sources.addAll(files(".yaml").stream().filter(p -> p.startsWith(ROOT.resolve("examples"))).toList());
        sources.addAll(files(".java").stream().filter(p -> p.startsWith(ROOT.resolve("examples"))).toList());
        int checked = 0;
        for (Path source : sources) {
            for (Uri uri : uris(read(source))) {
                checked++;
                String where = ROOT.relativize(source) + ": freeswitch:" + uri.operation() + " ";
                if (!operations.contains(uri.operation())) {
                    wrong.add(where + "is no operation");
                }
                for (String option : uri.options()) {
                    if (!endpointOptions.containsKey(option) && prefixes.stream().noneMatch(option::startsWith)) {
                        wrong.add(where + "has no option " + option);
                    }
                }
            }
        }
        assertThat(checked).as("URIs found in the docs").isGreaterThan(20);
        assertThat(wrong).isEmpty();
    }

    /** Every Markdown file, the adoc, and every main source file (of which only the javadoc is prose). */
    private static List<Path> documents() {
        List<Path> documents = new ArrayList<>(files(".md"));
        documents.addAll(files(".adoc"));
        documents.addAll(files(".java").stream().filter(p -> p.toString().contains("/src/main/java/")).toList());
        return documents;
    }

    private static List<String> prose(Path doc) {
        String text = read(doc);
        if (!doc.toString().endsWith(".java")) {
            return List.of(text);
        }
        List<String> comments = new ArrayList<>();
        Matcher javadoc = JAVADOC.matcher(text);
        while (javadoc.find()) {
            comments.add(javadoc.group());
        }
        return comments;
    }

    private static List<Uri> uris(String text) {
        List<Uri> uris = new ArrayList<>();
        Matcher uri = URI.matcher(text);
        while (uri.find()) {
            if (uri.group(1).equals("operation")) {
                continue;   // the syntax, freeswitch:operation
            }
            List<String> options = new ArrayList<>();
            if (uri.group(2) != null) {
                for (String pair : uri.group(2).substring(1).split("&")) {
                    if (!pair.isEmpty()) {
                        options.add(pair.contains("=") ? pair.substring(0, pair.indexOf('=')) : pair);
                    }
                }
            }
            uris.add(new Uri(uri.group(1), options));
        }
        uris.addAll(yamlUris(text.split("\n")));
        return uris;
    }

    /** YAML DSL steps: {@code uri: freeswitch:op} with the options in the {@code parameters:} map beside it. */
    private static List<Uri> yamlUris(String[] lines) {
        List<Uri> uris = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            Matcher uri = YAML_URI.matcher(lines[i]);
            if (!uri.matches()) {
                continue;
            }
            List<String> options = new ArrayList<>();
            int j = i + 1;
            while (j < lines.length && !lines[j].strip().equals("parameters:")
                    && indent(lines[j]) > uri.group(1).length()) {
                j++;
            }
            if (j < lines.length && lines[j].strip().equals("parameters:")) {
                int parametersIndent = indent(lines[j]);
                for (j++; j < lines.length && indent(lines[j]) > parametersIndent; j++) {
                    Matcher key = YAML_KEY.matcher(lines[j]);
                    if (key.find()) {
                        options.add(key.group(2));
                    }
                }
            }
            uris.add(new Uri(uri.group(2), options));
        }
        return uris;
    }

    private static int indent(String line) {
        return line.isBlank() ? Integer.MAX_VALUE : line.length() - line.stripLeading().length();
    }

    private static boolean isJavaLang(String simpleName) {
        try {
            Class.forName("java.lang." + simpleName);
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    private static List<Path> files(String suffix) {
        try (Stream<Path> paths = Files.walk(ROOT)) {
            return paths.filter(p -> p.getFileName().toString().endsWith(suffix))
                    .filter(p -> Stream.of("target", ".git", "node_modules")
                            .noneMatch(skipped -> ROOT.relativize(p).toString().contains(skipped + "/")
                                    || ROOT.relativize(p).startsWith(skipped)))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Uri(String operation, List<String> options) {
    }
}
