package io.camelfreeswitch.springboot;

import io.camelfreeswitch.call.balancer.LoadBalancer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Publishes ring group metrics when Micrometer is on the classpath. {@link FreeSwitchMetrics} is a MeterBinder, so
 * Spring Boot binds it to every MeterRegistry it configures.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(name = "io.micrometer.core.instrument.binder.MeterBinder")
@ConditionalOnProperty(prefix = "camel.component.freeswitch.metrics", name = "enabled", matchIfMissing = true)
class FreeSwitchMetricsConfiguration {

    @Bean(destroyMethod = "close")
    FreeSwitchMetrics freeSwitchMetrics(FreeSwitchComponentProperties properties,
            ObjectProvider<LoadBalancer> balancer) {
        return new FreeSwitchMetrics(balancer.getIfUnique(() -> null), properties.getMetrics().getMaxDestinations());
    }
}
