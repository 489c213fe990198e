package io.camelfreeswitch.springboot;

import org.apache.camel.util.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.springframework.boot.convert.DurationStyle;

import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every option of the component (its catalog, freeswitch.json) is a property of the starter, described and with the
 * component's default in the IDE metadata; and every property of the starter is an option, or one of the starter's
 * own properties listed here.
 */
class ComponentOptionsMetadataTest {

    /** What the starter adds beside the component's options: auto-configuration switches, the balancer bean, the health shorthand. */
    static final Set<String> STARTER_OWN_PROPERTIES = Set.of(
            "enabled",
            "customizer.enabled",
            "health-check-enabled",
            "balancer.redis.uri",
            "balancer.redis.key-prefix",
            "balancer.redis.lease-ttl",
            "balancer.redis.renewal-period",
            "balancer.redis.command-timeout",
            "balancer.redis.fallback-to-group-order");

    private final Map<String, JsonObject> options = ComponentCatalog.componentOptions();
    private final Map<String, JsonObject> properties = ComponentCatalog.starterProperties();

    @Test
    void everyOptionOfTheComponentIsAProperty() {
        Set<String> missing = new TreeSet<>();
        options.keySet().forEach(option -> {
            if (!properties.containsKey(ComponentCatalog.propertyName(option))) {
                missing.add(option);
            }
        });
        assertThat(missing).as("options of freeswitch.json without a camel.component.freeswitch property").isEmpty();
        assertThat(options).hasSizeGreaterThanOrEqualTo(39);
    }

    @Test
    void everyPropertyIsAnOptionOfTheComponentOrOneOfTheStartersOwn() {
        Set<String> unknown = new TreeSet<>();
        for (String property : properties.keySet()) {
            String name = property.substring(ComponentCatalog.PREFIX.length() + 1);
            boolean option = options.keySet().stream().anyMatch(o -> ComponentCatalog.propertyName(o).equals(property));
            if (!option && !STARTER_OWN_PROPERTIES.contains(name)) {
                unknown.add(property);
            }
        }
        assertThat(unknown).as("properties that are no option of the component").isEmpty();
        STARTER_OWN_PROPERTIES.forEach(own ->
                assertThat(properties).as("the starter's own property " + own).containsKey(ComponentCatalog.PREFIX + "." + own));
    }

    @Test
    void everyPropertyHasTheOptionsDescriptionAndDefault() {
        options.forEach((option, json) -> {
            JsonObject property = properties.get(ComponentCatalog.propertyName(option));
            assertThat(property).as(option).isNotNull();
            assertThat(property.getString("description")).as("description of " + option)
                    .startsWith(json.getString("description"));
            Object expected = json.get("defaultValue");
            Object advertised = property.get("defaultValue");
            if (expected == null) {
                assertThat(advertised).as("default of " + option).isNull();
            } else if ("duration".equals(json.getString("type"))) {
                assertThat(DurationStyle.detectAndParse(advertised.toString(), ChronoUnit.MILLIS).toMillis())
                        .as("default of " + option).isEqualTo(Long.parseLong(expected.toString()));
            } else {
                assertThat(String.valueOf(advertised)).as("default of " + option).isEqualTo(expected.toString());
            }
        });
    }

    @Test
    void theStartersOwnPropertiesAreDescribed() {
        STARTER_OWN_PROPERTIES.forEach(own -> assertThat(properties.get(ComponentCatalog.PREFIX + "." + own)
                .getString("description")).as(own).isNotBlank());
    }
}
