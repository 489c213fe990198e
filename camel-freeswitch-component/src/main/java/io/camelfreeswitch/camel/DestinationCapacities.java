package io.camelfreeswitch.camel;

import io.camelfreeswitch.call.balancer.CapacityRules;
import io.camelfreeswitch.call.balancer.DestinationCapacity;
import org.apache.camel.Message;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** The capacity rules of a ring group: the endpoint's options, overridden per destination by a header. */
final class DestinationCapacities {

    private DestinationCapacities() {
    }

    static CapacityRules of(FreeSwitchConfiguration configuration, Message message) {
        DestinationCapacity defaults = new DestinationCapacity(configuration.getMaxCalls(),
                Duration.ofMillis(configuration.getWrapUpTime()), Duration.ofMillis(configuration.getNoAnswerDelay()));
        Object header = message.getHeader(FreeSwitchConstants.DESTINATION_CAPACITY);
        if (header == null) {
            return CapacityRules.of(defaults);
        }
        if (!(header instanceof Map<?, ?> perDestination)) {
            throw new IllegalArgumentException("Header " + FreeSwitchConstants.DESTINATION_CAPACITY + " must be a"
                    + " java.util.Map from destination to capacity, was " + header.getClass().getName());
        }
        Map<String, DestinationCapacity> overrides = new LinkedHashMap<>();
        perDestination.forEach((destination, capacity) -> overrides.put(String.valueOf(destination).strip(),
                capacity instanceof DestinationCapacity given ? given : parse(destination, capacity, defaults)));
        return new CapacityRules(defaults, overrides);
    }

    private static DestinationCapacity parse(Object destination, Object capacity, DestinationCapacity defaults) {
        try {
            return DestinationCapacity.parse(String.valueOf(capacity), defaults);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("Header " + FreeSwitchConstants.DESTINATION_CAPACITY + ": capacity of "
                    + destination + " is '" + capacity + "': " + e.getMessage(), e);
        }
    }
}
