package io.camelfreeswitch.springboot;

import io.camelfreeswitch.camel.FreeSwitchComponent;
import io.camelfreeswitch.camel.FreeSwitchConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import java.util.LinkedHashMap;

/**
 * Configures the {@code freeswitch} Camel component from {@code camel.component.freeswitch.*}, after Camel's own
 * auto-configuration. The bean is named {@code freeswitch-component}, which is where Camel looks for a component
 * named {@code freeswitch} when no bean is named {@code freeswitch}: an application that defines its own
 * {@link FreeSwitchComponent} bean keeps it.
 */
@AutoConfiguration(after = CamelAutoConfiguration.class)
@ConditionalOnClass({CamelContext.class, FreeSwitchComponent.class})
@ConditionalOnBean(CamelContext.class)
@ConditionalOnProperty(prefix = "camel.component.freeswitch", name = "enabled", matchIfMissing = true)
@EnableConfigurationProperties(FreeSwitchComponentProperties.class)
@Import(FreeSwitchLoadBalancerConfiguration.class)
public class FreeSwitchComponentAutoConfiguration {

    @Bean(name = "freeswitch-component")
    @ConditionalOnMissingBean(FreeSwitchComponent.class)
    public FreeSwitchComponent freeSwitchComponent(FreeSwitchComponentProperties properties) {
        FreeSwitchComponent component = new FreeSwitchComponent();
        component.setConfiguration(configuration(properties));
        component.setHealthCheckConsumerEnabled(properties.isHealthCheckEnabled());
        component.setHealthCheckProducerEnabled(properties.isHealthCheckEnabled());
        // the component finds Spring Boot's MeterRegistry in the Camel registry by itself
        component.setMetricsEnabled(properties.getMetrics().isEnabled());
        component.setMetricsMaxDestinations(properties.getMetrics().getMaxDestinations());
        return component;
    }

    static FreeSwitchConfiguration configuration(FreeSwitchComponentProperties properties) {
        FreeSwitchConfiguration configuration = new FreeSwitchConfiguration();
        configuration.setHost(properties.getHost());
        configuration.setPort(properties.getPort());
        configuration.setUsername(properties.getUsername());
        configuration.setPassword(properties.getPassword());
        configuration.setConnectTimeout(properties.getConnectTimeout().toMillis());
        configuration.setReconnectInitialDelay(properties.getReconnectInitialDelay().toMillis());
        configuration.setReconnectMaxDelay(properties.getReconnectMaxDelay().toMillis());
        configuration.setRequestTimeout(properties.getRequestTimeout().toMillis());
        configuration.setMode(properties.getMode());
        configuration.setTimeout(properties.getTimeout().toMillis());
        if (properties.getTotalTimeout() != null) {
            configuration.setTotalTimeout(properties.getTotalTimeout().toMillis());
        }
        configuration.setLoadScope(properties.getLoadScope());
        configuration.setFailOnNoAnswer(properties.isFailOnNoAnswer());
        if (!properties.getVariables().isEmpty()) {
            configuration.setVariables(new LinkedHashMap<>(properties.getVariables()));
        }
        return configuration;
    }
}
