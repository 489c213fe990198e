package io.camelfreeswitch.springboot;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The starter's own {@code camel.component.freeswitch.*} properties, beside the component's options
 * ({@link FreeSwitchComponentConfiguration}): a shorthand for both health check options. The Redis LoadBalancer has
 * {@link FreeSwitchRedisBalancerProperties}.
 */
@ConfigurationProperties(prefix = "camel.component.freeswitch")
public class FreeSwitchComponentProperties {

    /**
     * Whether the component's connection health checks are registered (shown in /actuator/health): sets both
     * health-check-consumer-enabled and health-check-producer-enabled, which win when set too. The component
     * registers them unless told otherwise.
     */
    private Boolean healthCheckEnabled;

    public Boolean getHealthCheckEnabled() {
        return healthCheckEnabled;
    }

    public void setHealthCheckEnabled(Boolean healthCheckEnabled) {
        this.healthCheckEnabled = healthCheckEnabled;
    }
}
