package io.camelfreeswitch.springboot;

import io.camelfreeswitch.call.balancer.InMemoryLoadBalancer;
import io.camelfreeswitch.call.balancer.LoadBalancer;
import io.camelfreeswitch.camel.FreeSwitchComponent;
import io.camelfreeswitch.camel.FreeSwitchConfiguration;
import io.camelfreeswitch.esl.EslClient;
import io.camelfreeswitch.esl.EslClientOptions;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.PropertyConfigurerGetter;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.apache.camel.util.json.JsonArray;
import org.apache.camel.util.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * camel.component.freeswitch.* reaches every FreeSwitchComponent Camel uses: the starter's bean or the application's
 * own, every option of the component's catalog, and only the options the application set.
 */
class ComponentCustomizerTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(CamelAutoConfiguration.class,
                    FreeSwitchComponentAutoConfiguration.class))
            .withBean("sharedBalancer", LoadBalancer.class, InMemoryLoadBalancer::new)
            .withBean("sharedClient", EslClient.class, () -> EslClient.create(EslClientOptions.builder().build()));

    /** A value other than the component's default for each option, and what the component must hold afterwards. */
    private record Setting(String option, String property, String value, Object expected) {
    }

    @Test
    void everyOptionOfTheCatalogReachesTheStartersComponent() {
        List<Setting> settings = settingForEveryOption();
        runner.withPropertyValues(properties(settings)).run(context -> {
            assertThat(context).hasNotFailed();
            FreeSwitchComponent component = context.getBean(CamelContext.class)
                    .getComponent("freeswitch", FreeSwitchComponent.class);
            assertThat(component).isSameAs(context.getBean("freeswitch-component"));
            assertHolds(component, settings, context.getBean("sharedBalancer"), context.getBean("sharedClient"));
        });
    }

    @Test
    void everyOptionOfTheCatalogReachesTheApplicationsOwnComponent() {
        List<Setting> settings = settingForEveryOption();
        FreeSwitchComponent own = new FreeSwitchComponent();
        runner.withBean("freeswitch", FreeSwitchComponent.class, () -> own)
                .withPropertyValues(properties(settings)).run(context -> {
                    assertThat(context).hasNotFailed().doesNotHaveBean("freeswitch-component");
                    FreeSwitchComponent used = context.getBean(CamelContext.class)
                            .getComponent("freeswitch", FreeSwitchComponent.class);
                    assertThat(used).isSameAs(own);
                    assertHolds(own, settings, context.getBean("sharedBalancer"), context.getBean("sharedClient"));
                });
    }

    @Test
    void optionsLeftUnsetKeepWhatTheApplicationSetInCode() {
        FreeSwitchComponent own = new FreeSwitchComponent();
        own.getConfiguration().setTimeout(12_000);
        own.getConfiguration().setHost("fs-from-code.example.com");
        runner.withBean("freeswitch", FreeSwitchComponent.class, () -> own)
                .withPropertyValues("camel.component.freeswitch.host=fs1.example.com").run(context -> {
                    context.getBean(CamelContext.class).getComponent("freeswitch");
                    assertThat(own.getConfiguration().getHost()).isEqualTo("fs1.example.com");
                    assertThat(own.getConfiguration().getTimeout()).isEqualTo(12_000);
                    assertThat(own.getConfiguration().getRequestTimeout())
                            .isEqualTo(EslClientOptions.DEFAULT_REQUEST_TIMEOUT_MILLIS);
                });
    }

    @Test
    void theCustomizerCanBeTurnedOff() {
        FreeSwitchComponent own = new FreeSwitchComponent();
        own.getConfiguration().setHost("fs-from-code.example.com");
        runner.withBean("freeswitch", FreeSwitchComponent.class, () -> own)
                .withPropertyValues("camel.component.freeswitch.host=fs1.example.com",
                        "camel.component.freeswitch.customizer.enabled=false").run(context -> {
                    context.getBean(CamelContext.class).getComponent("freeswitch");
                    assertThat(own.getConfiguration().getHost()).isEqualTo("fs-from-code.example.com");
                });
        runner.withPropertyValues("camel.component.freeswitch.host=fs1.example.com",
                "camel.component.customizer.enabled=false").run(context -> {
                    FreeSwitchComponent component = context.getBean(FreeSwitchComponent.class);
                    assertThat(component.getConfiguration().getHost()).isEqualTo(EslClientOptions.DEFAULT_HOST);
                });
    }

    @Test
    void aConfigurationBeanIsTakenWholeAndTheSingleOptionsApplyOnTopOfIt() {
        FreeSwitchConfiguration shared = new FreeSwitchConfiguration();
        shared.setHost("fs2.example.com");
        shared.setTimeout(20_000);
        runner.withBean("sharedConfiguration", FreeSwitchConfiguration.class, () -> shared)
                .withPropertyValues("camel.component.freeswitch.configuration=#bean:sharedConfiguration",
                        "camel.component.freeswitch.port=9021").run(context -> {
                    FreeSwitchConfiguration configuration = context.getBean(FreeSwitchComponent.class)
                            .getConfiguration();
                    assertThat(configuration).isSameAs(shared);
                    assertThat(configuration.getHost()).isEqualTo("fs2.example.com");
                    assertThat(configuration.getTimeout()).isEqualTo(20_000);
                    assertThat(configuration.getPort()).isEqualTo(9021);
                });
    }

    @Test
    void anObjectOptionThatNamesNoBeanFailsTheStartNamingTheProperty() {
        runner.withPropertyValues("camel.component.freeswitch.balancer=sharedBalancer").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("#bean:name");
        });
        runner.withPropertyValues("camel.component.freeswitch.balancer=#bean:noSuchBalancer").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("noSuchBalancer");
        });
    }

    @Test
    void mapOptionsTakeOnePropertyPerEntryWithTheKeyAsWritten() {
        runner.withPropertyValues("camel.component.freeswitch.variables.caller_id_name=Sales",
                "camel.component.freeswitch.variables.origination_caller_id_number=1000",
                "camel.component.freeswitch.filters.Event-Name=CHANNEL_ANSWER").run(context -> {
                    FreeSwitchConfiguration configuration = context.getBean(FreeSwitchComponent.class)
                            .getConfiguration();
                    assertThat(configuration.getVariables()).containsExactlyInAnyOrderEntriesOf(Map.of(
                            "caller_id_name", "Sales", "origination_caller_id_number", "1000"));
                    assertThat(configuration.getFilters()).containsExactlyEntriesOf(
                            Map.of("Event-Name", "CHANNEL_ANSWER"));
                });
    }

    @Test
    void aValueOfTheWrongTypeFailsTheStartNamingTheProperty() {
        runner.withPropertyValues("camel.component.freeswitch.bind-port=eighty").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).hasStackTraceContaining("camel.component.freeswitch.bind-port");
        });
    }

    @Test
    void healthCheckEnabledSwitchesBothChecksAndEachOneWinsWhenSetToo() {
        runner.withPropertyValues("camel.component.freeswitch.health-check-enabled=false").run(context -> {
            FreeSwitchComponent component = context.getBean(FreeSwitchComponent.class);
            assertThat(component.isHealthCheckConsumerEnabled()).isFalse();
            assertThat(component.isHealthCheckProducerEnabled()).isFalse();
        });
        runner.withPropertyValues("camel.component.freeswitch.health-check-enabled=false",
                "camel.component.freeswitch.health-check-producer-enabled=true").run(context -> {
                    FreeSwitchComponent component = context.getBean(FreeSwitchComponent.class);
                    assertThat(component.isHealthCheckConsumerEnabled()).isFalse();
                    assertThat(component.isHealthCheckProducerEnabled()).isTrue();
                });
    }

    private static void assertHolds(FreeSwitchComponent component, List<Setting> settings, Object balancer,
            Object client) {
        PropertyConfigurerGetter getter = (PropertyConfigurerGetter) component.getComponentPropertyConfigurer();
        for (Setting setting : settings) {
            Object actual = getter.getOptionValue(component, setting.option(), false);
            Object expected = switch (setting.option()) {
                case "balancer" -> balancer;
                case "client" -> client;
                default -> setting.expected();
            };
            if (expected instanceof Map<?, ?> entries) {
                assertThat(actual).as(setting.property()).isInstanceOf(Map.class);
                entries.forEach((key, value) -> assertThat(((Map<?, ?>) actual).get(key)).as(setting.property() + "."
                        + key).isEqualTo(value));
            } else if (expected instanceof String || expected instanceof Number || expected instanceof Boolean) {
                assertThat(String.valueOf(actual)).as(setting.property()).isEqualTo(String.valueOf(expected));
            } else {
                assertThat(actual).as(setting.property()).isSameAs(expected);
            }
        }
    }

    private static String[] properties(List<Setting> settings) {
        return settings.stream().map(s -> s.property() + "=" + s.value()).toArray(String[]::new);
    }

    /**
     * One setting per option of the catalog except configuration, which replaces the whole configuration and has a
     * test of its own. Derived from the catalog, so an option added to the component is covered here at once.
     */
    private static List<Setting> settingForEveryOption() {
        List<Setting> settings = new ArrayList<>();
        int n = 0;
        for (Map.Entry<String, JsonObject> entry : ComponentCatalog.componentOptions().entrySet()) {
            String option = entry.getKey();
            JsonObject json = entry.getValue();
            String property = ComponentCatalog.propertyName(option);
            Object defaultValue = json.get("defaultValue");
            n++;
            switch (json.getString("type")) {
                case "boolean" -> {
                    boolean value = !Boolean.parseBoolean(String.valueOf(defaultValue));
                    settings.add(new Setting(option, property, String.valueOf(value), value));
                }
                case "integer" -> settings.add(new Setting(option, property, String.valueOf(4000 + n), 4000 + n));
                case "duration" -> settings.add(new Setting(option, property, (1000 + n) + "ms", 1000L + n));
                case "string" -> settings.add(new Setting(option, property, "value-" + n, "value-" + n));
                case "enum" -> {
                    JsonArray choices = (JsonArray) json.get("enum");
                    String value = choices.stream().map(Object::toString)
                            .filter(choice -> !choice.equals(String.valueOf(defaultValue))).reduce((a, b) -> b)
                            .orElseThrow();
                    settings.add(new Setting(option, property, value, value));
                }
                case "object" -> {
                    if (json.get("prefix") != null) {
                        Map<String, String> entries = new LinkedHashMap<>();
                        entries.put("key_" + n, "value-" + n);
                        settings.add(new Setting(option, property + ".key_" + n, "value-" + n, entries));
                    } else if (option.equals("balancer")) {
                        settings.add(new Setting(option, property, "#bean:sharedBalancer", null));
                    } else if (option.equals("client")) {
                        settings.add(new Setting(option, property, "#sharedClient", null));
                    } else if (!option.equals("configuration")) {
                        throw new AssertionError("No test value for the object option " + option
                                + ": add a bean of its type to this test");
                    }
                }
                default -> throw new AssertionError("No test value for option " + option + " of type "
                        + json.getString("type"));
            }
        }
        return settings;
    }
}
