package io.camelfreeswitch.springboot;

import org.apache.camel.CamelContext;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckRegistry;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The health of every FreeSWITCH event socket connection the component holds, read from the component's own Camel
 * health checks: UP when each is authenticated, DOWN with the reason (unreachable, refused password) when one is
 * not, UNKNOWN while no route uses FreeSWITCH (no connection to judge).
 */
final class FreeSwitchHealthIndicator implements HealthIndicator {

    /** The ids the component gives its connection checks (freeswitch-host:port). */
    private static final String CHECK_PREFIX = "freeswitch-";

    private final CamelContext camelContext;

    FreeSwitchHealthIndicator(CamelContext camelContext) {
        this.camelContext = camelContext;
    }

    @Override
    public Health health() {
        HealthCheckRegistry registry = HealthCheckRegistry.get(camelContext);
        List<HealthCheck> checks = registry == null ? List.of() : registry.stream()
                .filter(check -> check.getId().startsWith(CHECK_PREFIX))
                .toList();
        if (checks.isEmpty()) {
            return Health.unknown().withDetail("connections", "none: no route uses freeswitch: yet").build();
        }
        boolean allUp = true;
        Map<String, Object> connections = new LinkedHashMap<>();
        for (HealthCheck check : checks) {
            HealthCheck.Result result = check.call();
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("state", result.getState().name());
            result.getMessage().ifPresent(message -> detail.put("message", message));
            result.getError().ifPresent(error -> detail.put("error", error.toString()));
            connections.put(check.getId().substring(CHECK_PREFIX.length()), detail);
            allUp &= result.getState() == HealthCheck.State.UP;
        }
        return (allUp ? Health.up() : Health.down()).withDetail("connections", connections).build();
    }
}
