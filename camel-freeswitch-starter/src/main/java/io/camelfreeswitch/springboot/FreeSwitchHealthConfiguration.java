package io.camelfreeswitch.springboot;

import org.apache.camel.CamelContext;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Adds {@code freeswitch} to {@code /actuator/health} when Spring Boot's health support is on the classpath. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(name = "org.springframework.boot.health.contributor.HealthIndicator")
class FreeSwitchHealthConfiguration {

    @Bean(name = "freeswitchHealthIndicator")
    @ConditionalOnEnabledHealthIndicator("freeswitch")
    HealthIndicator freeswitchHealthIndicator(CamelContext camelContext) {
        return new FreeSwitchHealthIndicator(camelContext);
    }
}
