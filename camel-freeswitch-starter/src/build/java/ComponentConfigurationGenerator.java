import org.apache.camel.util.json.JsonArray;
import org.apache.camel.util.json.JsonObject;
import org.apache.camel.util.json.Jsoner;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes the starter's view of the component's options from the component's catalog metadata (freeswitch.json), as
 * camel-spring-boot's own generator does for the Apache Camel starters:
 * <ul>
 * <li>{@code FreeSwitchComponentConfiguration}: one {@code camel.component.freeswitch.*} property per component
 * option, its description as javadoc (which spring-boot-configuration-processor turns into IDE metadata);</li>
 * <li>{@code FreeSwitchComponentConverter}: turns {@code #bean:name} into the bean for options of an object type;</li>
 * <li>{@code META-INF/additional-spring-configuration-metadata.json}: the default of each option. The properties
 * themselves carry no default, so that only what an application sets is copied onto a component; the component
 * keeps its own defaults, written once in the component.</li>
 * </ul>
 * Run by the starter's build (exec-maven-plugin, generate-sources) with Java's single-file source launcher:
 * {@code java -cp camel-util-json.jar ComponentConfigurationGenerator.java <freeswitch.json> <java dir> <resources dir>}.
 */
public final class ComponentConfigurationGenerator {

    private static final String PACKAGE = "io.camelfreeswitch.springboot";
    private static final String COMPONENT = "FreeSwitchComponent";
    /** Properties of ComponentConfigurationPropertiesCommon, which no option may shadow. */
    private static final List<String> COMMON_PROPERTIES = List.of("enabled", "customizer");

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            throw new IllegalArgumentException("usage: ComponentConfigurationGenerator <component json> <java output dir>"
                    + " <resources output dir>");
        }
        JsonObject catalog = (JsonObject) Jsoner.deserialize(Files.readString(Path.of(args[0]), StandardCharsets.UTF_8));
        JsonObject component = (JsonObject) catalog.get("component");
        String scheme = component.getString("scheme");
        String prefix = "camel.component." + scheme;
        List<Option> options = new ArrayList<>();
        for (Map.Entry<String, Object> entry : ((JsonObject) catalog.get("componentProperties")).entrySet()) {
            options.add(Option.of(prefix, entry.getKey(), (JsonObject) entry.getValue()));
        }

        Path javaDir = Path.of(args[1]).resolve(PACKAGE.replace('.', '/'));
        Files.createDirectories(javaDir);
        write(javaDir.resolve(COMPONENT + "Configuration.java"), configuration(scheme, prefix, options));
        write(javaDir.resolve(COMPONENT + "Converter.java"), converter(prefix, options));
        Path metaInf = Path.of(args[2]).resolve("META-INF");
        Files.createDirectories(metaInf);
        write(metaInf.resolve("additional-spring-configuration-metadata.json"), metadata(scheme, prefix, options));
    }

    /** One component option as the starter binds it. */
    record Option(String name, String type, String description, Object defaultValue, boolean duration,
            boolean beanReference, boolean deprecated) {

        static Option of(String prefix, String name, JsonObject json) {
            if (COMMON_PROPERTIES.contains(name)) {
                throw new IllegalStateException("The option " + name + " clashes with the starter's own property");
            }
            String kind = json.getString("type");
            String javaType = json.getString("javaType");
            String type = switch (kind) {
                case "string" -> "String";
                case "boolean" -> "Boolean";
                case "integer" -> javaType.equals("long") || javaType.equals("java.lang.Long") ? "Long" : "Integer";
                case "number" -> javaType.equals("float") || javaType.equals("java.lang.Float") ? "Float" : "Double";
                case "duration" -> "java.time.Duration";
                case "enum" -> javaType;
                // multi-value options (variable.x=y) take any key: String values keep dotted keys whole
                case "object" -> javaType.startsWith("java.util.Map") ? "java.util.Map<String, String>" : javaType;
                default -> throw new IllegalStateException("Option " + name + " has a type the starter cannot bind: "
                        + kind + " (" + javaType + ")");
            };
            boolean beanReference = kind.equals("object") && !javaType.startsWith("java.");
            String description = json.getString("description");
            if (json.get("prefix") != null) {
                description += " As properties: " + prefix + "." + dashed(name) + ".<name>=<value>.";
            }
            if (beanReference) {
                description += " Set it to #bean:name, the name of a bean of type " + javaType + ".";
            }
            return new Option(name, type, description, json.get("defaultValue"), kind.equals("duration"),
                    beanReference, Boolean.TRUE.equals(json.get("deprecated")));
        }

        String capitalized() {
            return Character.toUpperCase(name.charAt(0)) + name.substring(1);
        }

        /** get, never is: the properties are Boolean objects, null while unset. */
        String getter() {
            return "get" + capitalized();
        }

        /** The default as Spring Boot's metadata writes it: durations with a unit, numbers and booleans unquoted. */
        Object metadataDefault() {
            if (defaultValue == null) {
                return null;
            }
            String text = defaultValue.toString();
            return switch (type) {
                case "java.time.Duration" -> {
                    long millis = Long.parseLong(text);
                    yield millis != 0 && millis % 1000 == 0 ? millis / 1000 + "s" : millis + "ms";
                }
                case "Boolean" -> Boolean.valueOf(text);
                case "Integer", "Long" -> Long.valueOf(text);
                case "Float", "Double" -> Double.valueOf(text);
                default -> text;
            };
        }
    }

    private static String configuration(String scheme, String prefix, List<Option> options) {
        StringBuilder out = new StringBuilder();
        out.append("package ").append(PACKAGE).append(";\n\n");
        out.append("import org.apache.camel.spring.boot.ComponentConfigurationPropertiesCommon;\n");
        out.append("import org.springframework.boot.context.properties.ConfigurationProperties;\n");
        out.append("import org.springframework.boot.context.properties.DeprecatedConfigurationProperty;\n");
        out.append("import org.springframework.boot.convert.DurationUnit;\n\n");
        out.append("import java.time.temporal.ChronoUnit;\n\n");
        out.append("/**\n");
        out.append(" * Every option of the {@code ").append(scheme).append(":} component as {@code ").append(prefix)
                .append(".*}. Generated from the\n");
        out.append(" * component's catalog metadata when the starter is built: do not edit. An option left unset stays"
                + " null, and the\n * component keeps its own default.\n");
        out.append(" */\n");
        out.append("@ConfigurationProperties(prefix = \"").append(prefix).append("\")\n");
        out.append("public class ").append(COMPONENT).append("Configuration extends ComponentConfigurationPropertiesCommon {\n");
        for (Option option : options) {
            out.append("\n    /** ").append(javadoc(option.description())).append(" */\n");
            if (option.duration()) {
                out.append("    @DurationUnit(ChronoUnit.MILLIS)\n");
            }
            out.append("    private ").append(option.type()).append(' ').append(option.name()).append(";\n");
        }
        for (Option option : options) {
            out.append('\n');
            if (option.deprecated()) {
                out.append("    @Deprecated\n    @DeprecatedConfigurationProperty\n");
            }
            out.append("    public ").append(option.type()).append(' ').append(option.getter()).append("() {\n");
            out.append("        return ").append(option.name()).append(";\n    }\n\n");
            out.append("    public void set").append(option.capitalized()).append('(').append(option.type()).append(' ')
                    .append(option.name()).append(") {\n");
            out.append("        this.").append(option.name()).append(" = ").append(option.name()).append(";\n    }\n");
        }
        out.append("}\n");
        return out.toString();
    }

    private static String converter(String prefix, List<Option> options) {
        List<String> types = options.stream().filter(Option::beanReference).map(Option::type).distinct().toList();
        StringBuilder out = new StringBuilder();
        out.append("package ").append(PACKAGE).append(";\n\n");
        out.append("import org.springframework.context.ApplicationContext;\n");
        out.append("import org.springframework.core.convert.TypeDescriptor;\n");
        out.append("import org.springframework.core.convert.converter.GenericConverter;\n\n");
        out.append("import java.util.Set;\n\n");
        out.append("/**\n");
        out.append(" * Turns {@code ").append(prefix).append(".x=#bean:name} (or {@code #name}) into the bean of that name"
                + " for the options\n * whose type is an object. Generated from the component's catalog metadata: do"
                + " not edit.\n */\n");
        out.append("public class ").append(COMPONENT).append("Converter implements GenericConverter {\n\n");
        out.append("    private final ApplicationContext applicationContext;\n\n");
        out.append("    public ").append(COMPONENT).append("Converter(ApplicationContext applicationContext) {\n");
        out.append("        this.applicationContext = applicationContext;\n    }\n\n");
        out.append("    @Override\n    public Set<ConvertiblePair> getConvertibleTypes() {\n");
        out.append("        return Set.of(");
        for (int i = 0; i < types.size(); i++) {
            out.append(i == 0 ? "" : ",\n                ").append("new ConvertiblePair(String.class, ")
                    .append(types.get(i)).append(".class)");
        }
        out.append(");\n    }\n\n");
        out.append("    @Override\n");
        out.append("    public Object convert(Object source, TypeDescriptor sourceType, TypeDescriptor targetType) {\n");
        out.append("        if (source == null) {\n            return null;\n        }\n");
        out.append("        String reference = source.toString().strip();\n");
        out.append("        if (!reference.startsWith(\"#\")) {\n");
        out.append("            throw new IllegalArgumentException(\"'\" + reference + \"' is not a bean reference: a value"
                + " of type \"\n                    + targetType.getType().getName() + \" is set as #bean:name\");\n");
        out.append("        }\n");
        out.append("        String name = reference.startsWith(\"#bean:\") ? reference.substring(6) : reference.substring(1);\n");
        out.append("        return applicationContext.getBean(name, targetType.getType());\n    }\n}\n");
        return out.toString();
    }

    private static String metadata(String scheme, String prefix, List<Option> options) {
        JsonArray properties = new JsonArray();
        properties.add(property(prefix + ".enabled", "java.lang.Boolean", "Whether to enable auto configuration of the "
                + scheme + " component. This is enabled by default.", Boolean.TRUE));
        properties.add(property(prefix + ".customizer.enabled", "java.lang.Boolean", "Whether the "
                + prefix + ".* options are copied onto every " + COMPONENT + " that Camel uses, an application's own"
                + " " + COMPONENT + " bean included.", Boolean.TRUE));
        for (Option option : options) {
            if (option.metadataDefault() != null) {
                JsonObject property = new JsonObject();
                property.put("name", prefix + "." + dashed(option.name()));
                property.put("defaultValue", option.metadataDefault());
                properties.add(property);
            }
        }
        JsonObject root = new JsonObject();
        root.put("properties", properties);
        return Jsoner.prettyPrint(root.toJson()) + "\n";
    }

    private static JsonObject property(String name, String type, String description, Object defaultValue) {
        JsonObject property = new JsonObject();
        property.put("name", name);
        property.put("type", type);
        property.put("description", description);
        property.put("defaultValue", defaultValue);
        return property;
    }

    static String dashed(String camelCase) {
        StringBuilder out = new StringBuilder();
        for (char c : camelCase.toCharArray()) {
            if (Character.isUpperCase(c)) {
                out.append('-').append(Character.toLowerCase(c));
            } else {
                out.append(c);
            }
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }

    /** One line of javadoc that javac and the configuration processor read back as the same text. */
    private static String javadoc(String text) {
        return text.replace("*/", "*&#47;").replace('\n', ' ');
    }

    /** Leaves a file untouched when its content is the same, so that an unchanged build compiles nothing again. */
    private static void write(Path file, String content) throws IOException {
        if (Files.exists(file) && Files.readString(file, StandardCharsets.UTF_8).equals(content)) {
            return;
        }
        Files.writeString(file, content, StandardCharsets.UTF_8);
    }
}
