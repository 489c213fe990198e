package io.camelfreeswitch.camel;

import io.camelfreeswitch.call.DestinationTiming;
import io.camelfreeswitch.call.RingGroupRequest;
import org.apache.camel.util.TimeUtils;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The destinations of a ring group as the destinations option or the CamelFreeSwitchDestinations header give them:
 * dial strings separated by commas, tiers separated by {@code |} (TIERED: {@code user/1001,user/1002|user/1003}),
 * and a destination's own timing after it (ENTERPRISE: {@code user/1002;delay=5s;timeout=20s}). The header may also
 * be a List: of dial strings (each may carry its timing), of Lists (tiers), or of Maps with the keys
 * {@code destination}, {@code delay} and {@code timeout}. Durations are Camel's (5s, 1m30s, or milliseconds).
 */
final class DestinationList {

    static final String TIER_SEPARATOR = "|";
    private static final String TIMING_SEPARATOR = ";";

    private final List<List<String>> tiers = new ArrayList<>();
    private final Map<String, DestinationTiming> timings = new LinkedHashMap<>();

    private DestinationList() {
    }

    /** Parses {@code value} (a String, a String[] or a List as described above); {@code null} gives no destination. */
    static DestinationList parse(Object value) {
        DestinationList list = new DestinationList();
        if (value instanceof Collection<?> items) {
            List<String> tier = new ArrayList<>();
            for (Object item : items) {
                if (item instanceof Collection<?> nested) {
                    list.addTier(tier); // the plain dial strings before this list ring first, as a tier of their own
                    tier = new ArrayList<>();
                    list.addTier(nested.stream().map(list::entry).toList());
                } else {
                    tier.add(list.entry(item));
                }
            }
            list.addTier(tier);
        } else if (value instanceof String[] array) {
            list.addTier(List.of(array).stream().map(list::entry).toList());
        } else if (value != null) {
            for (String tier : value.toString().split("\\|")) {
                List<String> destinations = new ArrayList<>();
                for (String part : tier.split(",")) {
                    if (!part.isBlank()) {
                        destinations.add(list.entry(part));
                    }
                }
                list.addTier(destinations);
            }
        }
        return list;
    }

    private void addTier(List<String> tier) {
        if (!tier.isEmpty()) {
            tiers.add(tier);
        }
    }

    boolean isEmpty() {
        return tiers.isEmpty();
    }

    /** A builder for these destinations: tiered when there is more than one tier, with every destination's timing. */
    RingGroupRequest.Builder builder() {
        RingGroupRequest.Builder builder = tiers.size() > 1 ? RingGroupRequest.tiered(tiers)
                : RingGroupRequest.builder(tiers.get(0));
        timings.forEach(builder::timing);
        return builder;
    }

    /** One destination: a Map, or a dial string with its timing after {@code ;}; returns the dial string. */
    private String entry(Object item) {
        if (item instanceof Map<?, ?> map) {
            return mapEntry(map);
        }
        String text = String.valueOf(item).strip();
        List<String> dialString = new ArrayList<>();
        Duration delay = null;
        Duration timeout = null;
        for (String part : text.split(TIMING_SEPARATOR)) {
            String option = part.strip();
            if (option.startsWith("delay=") && !dialString.isEmpty()) {
                delay = duration(text, "delay", option.substring("delay=".length()));
            } else if (option.startsWith("timeout=") && !dialString.isEmpty()) {
                timeout = duration(text, "timeout", option.substring("timeout=".length()));
            } else if (delay == null && timeout == null) {
                dialString.add(part); // sofia URI parameters (;transport=tcp) belong to the dial string
            } else {
                throw new IllegalArgumentException("Destination '" + text + "': '" + option + "' follows its"
                        + " timing; only delay=... and timeout=... may follow the dial string");
            }
        }
        return timed(text, String.join(TIMING_SEPARATOR, dialString).strip(), delay, timeout);
    }

    private String mapEntry(Map<?, ?> map) {
        Object destination = map.get("destination");
        if (!(destination instanceof String dialString) || dialString.isBlank()) {
            throw new IllegalArgumentException("Destination " + map + " has no 'destination' (the dial string)");
        }
        for (Object key : map.keySet()) {
            if (!List.of("destination", "delay", "timeout").contains(String.valueOf(key))) {
                throw new IllegalArgumentException("Destination " + map + ": unknown key '" + key
                        + "'; expected destination, delay and timeout");
            }
        }
        return timed(map.toString(), dialString.strip(), durationOrNull(map, "delay"),
                durationOrNull(map, "timeout"));
    }

    private String timed(String entry, String dialString, Duration delay, Duration timeout) {
        if (delay != null || timeout != null) {
            try {
                timings.put(dialString, new DestinationTiming(delay == null ? Duration.ZERO : delay, timeout));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Destination '" + entry + "': " + e.getMessage(), e);
            }
        }
        return dialString;
    }

    private static Duration durationOrNull(Map<?, ?> map, String key) {
        Object value = map.get(key);
        if (value == null || value instanceof Duration) {
            return (Duration) value;
        }
        return value instanceof Number millis ? Duration.ofMillis(millis.longValue())
                : duration(map.toString(), key, value.toString());
    }

    private static Duration duration(String entry, String name, String text) {
        try {
            return Duration.ofMillis(TimeUtils.toMilliSeconds(text.strip()));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("Destination '" + entry + "': " + name + " '" + text
                    + "' is not a duration (5s, 1m30s, or milliseconds)", e);
        }
    }
}
