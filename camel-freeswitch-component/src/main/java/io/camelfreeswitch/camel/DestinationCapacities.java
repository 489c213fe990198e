package io.camelfreeswitch.camel;

import io.camelfreeswitch.call.balancer.CapacityRules;
import io.camelfreeswitch.call.balancer.DestinationCapacity;
import org.apache.camel.Message;
import org.apache.camel.util.TimeUtils;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** The capacity rules of a ring group: the endpoint's options, overridden per destination by a header. */
final class DestinationCapacities {

    private DestinationCapacities() {
    }

    /** The endpoint's options as the capacity of every destination; refuses what the call model refuses. */
    static DestinationCapacity defaults(FreeSwitchConfiguration configuration) {
        return new DestinationCapacity(configuration.getMaxCalls(),
                Duration.ofMillis(configuration.getWrapUpTime()), Duration.ofMillis(configuration.getNoAnswerDelay()));
    }

    static CapacityRules of(FreeSwitchConfiguration configuration, Message message) {
        DestinationCapacity defaults = defaults(configuration);
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
            // durations read as every other duration of the component (5s, 1m30s, or milliseconds)
            return DestinationCapacity.parse(String.valueOf(capacity), defaults,
                    text -> Duration.ofMillis(TimeUtils.toMilliSeconds(text)));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("Header " + FreeSwitchConstants.DESTINATION_CAPACITY + ": capacity of "
                    + destination + " is '" + capacity + "': " + e.getMessage(), e);
        }
    }
}
