package io.camelfreeswitch.springboot;

import io.camelfreeswitch.camel.FreeSwitchComponent;
import org.apache.camel.CamelContext;
import org.apache.camel.Component;
import org.apache.camel.spi.ComponentCustomizer;
import org.apache.camel.spring.boot.util.CamelPropertiesHelper;
import org.apache.camel.spring.boot.util.HierarchicalPropertiesEvaluator;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.env.Environment;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Copies the {@code camel.component.freeswitch.*} options an application set onto every {@link FreeSwitchComponent}
 * Camel uses: the starter's {@code freeswitch-component} bean, one Camel creates by itself, or the application's own
 * bean. Options left unset are not copied, so a component keeps its own defaults and what its creator set in code.
 * {@code camel.component.freeswitch.customizer.enabled=false} (or {@code camel.component.customizer.enabled=false})
 * turns the copying off.
 */
public class FreeSwitchComponentCustomizer implements ComponentCustomizer {

    static final String PREFIX = "camel.component.freeswitch";
    /** Properties of the starter itself (ComponentConfigurationPropertiesCommon), not options of the component. */
    private static final List<String> STARTER_PROPERTIES = List.of("enabled", "customizer");

    private final Environment environment;
    // bound when the first component is configured, not when Camel collects the customizers while it is created
    private final ObjectProvider<FreeSwitchComponentConfiguration> configuration;
    private final ObjectProvider<FreeSwitchComponentProperties> properties;

    public FreeSwitchComponentCustomizer(Environment environment,
            ObjectProvider<FreeSwitchComponentConfiguration> configuration,
            ObjectProvider<FreeSwitchComponentProperties> properties) {
        this.environment = environment;
        this.configuration = configuration;
        this.properties = properties;
    }

    @Override
    public boolean isEnabled(String name, Component target) {
        return target instanceof FreeSwitchComponent
                && HierarchicalPropertiesEvaluator.evaluate(environment, "camel.component.customizer",
                        PREFIX + ".customizer");
    }

    @Override
    public void configure(String name, Component target) {
        CamelContext camelContext = target.getCamelContext();
        FreeSwitchComponentConfiguration configuration = this.configuration.getObject();
        Boolean healthCheckEnabled = properties.getObject().getHealthCheckEnabled();
        Map<String, Object> options = new LinkedHashMap<>();
        // a configuration bean replaces the component's whole configuration: the single options apply on top of it
        if (configuration.getConfiguration() != null) {
            options.put("configuration", configuration.getConfiguration());
        }
        // the starter's shorthand for both health check options; each of them, when set, wins over it
        if (healthCheckEnabled != null) {
            options.put("healthCheckConsumerEnabled", healthCheckEnabled);
            options.put("healthCheckProducerEnabled", healthCheckEnabled);
        }
        Map<String, Object> set = CamelPropertiesHelper.getNonNullProperties(camelContext, configuration);
        set.keySet().removeAll(STARTER_PROPERTIES);
        for (Map.Entry<String, Object> option : set.entrySet()) {
            // the component's duration options are milliseconds
            Object value = option.getValue() instanceof Duration duration ? duration.toMillis() : option.getValue();
            options.put(option.getKey(), value);
        }
        // an option the component refuses is a mistake in the application's properties: fail the start, naming it
        CamelPropertiesHelper.setCamelProperties(camelContext, target, options, true);
    }
}
