package io.camelfreeswitch.call.balancer;

import java.util.Map;
import java.util.Objects;

/**
 * The {@link DestinationCapacity} of every destination of a ring group: one for all, with overrides for some.
 *
 * @param defaults  what every destination gets unless overridden
 * @param overrides per destination (the exact dial string as in the group), taking precedence over the defaults
 */
public record CapacityRules(DestinationCapacity defaults, Map<String, DestinationCapacity> overrides) {

    /** No limit and no delay for anyone. */
    public static final CapacityRules UNLIMITED = new CapacityRules(DestinationCapacity.UNLIMITED, Map.of());

    public CapacityRules {
        Objects.requireNonNull(defaults, "defaults");
        overrides = Map.copyOf(Objects.requireNonNull(overrides, "overrides"));
    }

    public static CapacityRules of(DestinationCapacity defaults) {
        return new CapacityRules(defaults, Map.of());
    }

    public DestinationCapacity of(String destination) {
        return overrides.getOrDefault(destination, defaults);
    }

    public boolean isUnlimited() {
        return defaults.isUnlimited() && overrides.values().stream().allMatch(DestinationCapacity::isUnlimited);
    }

    /** Whether any destination rests after its call ended (which needs the lease to last as long as the call). */
    public boolean hasWrapUp() {
        return !defaults.wrapUpTime().isZero()
                || overrides.values().stream().anyMatch(capacity -> !capacity.wrapUpTime().isZero());
    }
}
