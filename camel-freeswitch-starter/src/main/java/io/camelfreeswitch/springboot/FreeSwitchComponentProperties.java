package io.camelfreeswitch.springboot;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The starter's own {@code camel.component.freeswitch.*} properties, beside the component's options
 * ({@link FreeSwitchComponentConfiguration}): the metrics and a shorthand for both health check options. The Redis
 * LoadBalancer has {@link FreeSwitchRedisBalancerProperties}.
 */
@ConfigurationProperties(prefix = "camel.component.freeswitch")
public class FreeSwitchComponentProperties {

    /**
     * Whether the component's connection health checks are registered (shown in /actuator/health): sets both
     * health-check-consumer-enabled and health-check-producer-enabled, which win when set too. The component
     * registers them unless told otherwise.
     */
    private Boolean healthCheckEnabled;

    private final Metrics metrics = new Metrics();

    public static class Metrics {
        /** Whether ring group metrics are published to Micrometer (when a MeterRegistry is present). */
        private boolean enabled = true;
        /**
         * Most destinations that get their own freeswitch.balancer.load gauge; further destinations are not
         * tagged, so that dial strings cannot blow up the metrics' cardinality.
         */
        private int maxDestinations = 100;

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public int getMaxDestinations() {
            return maxDestinations;
        }

        public void setMaxDestinations(int maxDestinations) {
            this.maxDestinations = maxDestinations;
        }
    }

    public Boolean getHealthCheckEnabled() {
        return healthCheckEnabled;
    }

    public void setHealthCheckEnabled(Boolean healthCheckEnabled) {
        this.healthCheckEnabled = healthCheckEnabled;
    }

    public Metrics getMetrics() {
        return metrics;
    }
}
