package io.camelfreeswitch.springboot;

import io.camelfreeswitch.camel.FreeSwitchComponent;
import org.apache.camel.CamelContext;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.apache.camel.spring.boot.util.ConditionalOnHierarchicalProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;

/**
 * Configures the {@code freeswitch} Camel component from {@code camel.component.freeswitch.*}, after Camel's own
 * auto-configuration, the way camel-spring-boot's starters do: a {@link FreeSwitchComponentCustomizer} copies the
 * options onto every FreeSwitchComponent Camel uses. The starter also defines the bean {@code freeswitch-component},
 * which is where Camel looks for a component named {@code freeswitch} when no bean is named {@code freeswitch}; an
 * application that defines its own {@link FreeSwitchComponent} bean keeps it, and the options reach it too.
 */
@AutoConfiguration(after = CamelAutoConfiguration.class)
@ConditionalOnClass({CamelContext.class, FreeSwitchComponent.class})
@ConditionalOnBean(CamelContext.class)
@ConditionalOnHierarchicalProperties({"camel.component", FreeSwitchComponentCustomizer.PREFIX})
@EnableConfigurationProperties({FreeSwitchComponentConfiguration.class, FreeSwitchComponentProperties.class,
        FreeSwitchRedisBalancerProperties.class})
@Import(FreeSwitchLoadBalancerConfiguration.class)
public class FreeSwitchComponentAutoConfiguration {

    /** Binds {@code #bean:name} to the options whose type is an object (configuration, balancer, client). */
    @Bean
    @ConfigurationPropertiesBinding
    static FreeSwitchComponentConverter freeSwitchComponentConverter(ApplicationContext applicationContext) {
        return new FreeSwitchComponentConverter(applicationContext);
    }

    @Bean
    @ConditionalOnMissingBean
    public FreeSwitchComponentCustomizer freeSwitchComponentCustomizer(Environment environment,
            ObjectProvider<FreeSwitchComponentConfiguration> configuration,
            ObjectProvider<FreeSwitchComponentProperties> properties) {
        return new FreeSwitchComponentCustomizer(environment, configuration, properties);
    }

    /** Configured at once, so that code injecting it sees the options before Camel starts using it. */
    @Bean(name = "freeswitch-component")
    @ConditionalOnMissingBean(FreeSwitchComponent.class)
    public FreeSwitchComponent freeSwitchComponent(CamelContext camelContext,
            FreeSwitchComponentCustomizer customizer) {
        FreeSwitchComponent component = new FreeSwitchComponent();
        component.setCamelContext(camelContext);
        if (customizer.isEnabled("freeswitch", component)) {
            customizer.configure("freeswitch", component);
        }
        return component;
    }
}
