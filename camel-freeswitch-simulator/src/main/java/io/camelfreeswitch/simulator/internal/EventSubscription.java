package io.camelfreeswitch.simulator.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What one ESL connection asked to receive: a format, event names (ALL, CUSTOM subclasses), and filters with
 * mod_event_socket's semantics: filters are OR-ed, and once any filter exists an event lacking every filtered
 * header is dropped.
 */
public final class EventSubscription {

    /** A "filter Header value" line; a value written /like this/ is a regular expression. */
    public record Filter(String header, String value) {
        boolean matches(SimEvent e) {
            String actual = e.header(header);
            if (actual == null) {
                return false;
            }
            if (value.length() > 1 && value.startsWith("/") && value.endsWith("/")) {
                return Pattern.compile(value.substring(1, value.length() - 1)).matcher(actual).find();
            }
            return value.equals(actual);
        }
    }

    private String format;            // plain, json, xml; null = not listening
    private boolean all;
    private final Set<String> names = new HashSet<>();
    private final Set<String> subclasses = new HashSet<>();
    private final List<Filter> filters = new ArrayList<>();
    private String myEventsUuid;      // outbound myevents / inbound "myevents <uuid>"

    public String format() {
        return format;
    }

    /** Applies {@code event <format> <names...>}; returns false when the format is unknown. */
    public boolean subscribe(String fmt, List<String> eventNames) {
        String f = fmt.toLowerCase(Locale.ROOT);
        if (!f.equals("plain") && !f.equals("json") && !f.equals("xml")) {
            return false;
        }
        format = f;
        boolean custom = false;
        for (String n : eventNames) {
            String u = n.toUpperCase(Locale.ROOT);
            if (u.equals("ALL")) {
                all = true;
            } else if (u.equals("CUSTOM")) {
                custom = true;
                names.add("CUSTOM");
            } else if (custom && !n.equals(u)) {
                subclasses.add(n);
            } else if (custom && n.contains("::")) {
                subclasses.add(n);
            } else {
                names.add(u);
            }
        }
        return true;
    }

    public void nix(List<String> eventNames) {
        for (String n : eventNames) {
            String u = n.toUpperCase(Locale.ROOT);
            if (u.equals("ALL")) {
                all = false;
                names.clear();
                subclasses.clear();
            } else {
                names.remove(u);
                subclasses.remove(n);
            }
        }
    }

    public void noEvents() {
        format = null;
        all = false;
        names.clear();
        subclasses.clear();
        myEventsUuid = null;
    }

    public void myEvents(String fmt, String uuid) {
        format = fmt;
        all = true;
        myEventsUuid = uuid;
    }

    public void addFilter(String header, String value) {
        filters.add(new Filter(header, value));
    }

    /** Removes one filter, every filter on a header ({@code value == null}), or all ("filter delete all"). */
    public boolean deleteFilter(String header, String value) {
        if (header.equalsIgnoreCase("all")) {
            boolean any = !filters.isEmpty();
            filters.clear();
            return any;
        }
        return filters.removeIf(f -> f.header().equalsIgnoreCase(header) && (value == null || f.value().equals(value)));
    }

    public boolean wants(SimEvent e) {
        if (format == null) {
            return false;
        }
        String name = e.name();
        boolean named = all || names.contains(name)
                || ("CUSTOM".equals(name) && names.contains("CUSTOM") && (subclasses.isEmpty() || subclasses.contains(e.subclass())));
        if (!named) {
            return false;
        }
        if (myEventsUuid != null) {
            // the real myevents stream carries no CHANNEL_CALLSTATE (see outbound-plain capture)
            if ("CHANNEL_CALLSTATE".equals(name)) {
                return false;
            }
            String uuid = e.header("Unique-ID");
            if (!myEventsUuid.equals(uuid) && !"BACKGROUND_JOB".equals(name)) {
                return false;
            }
        }
        if (filters.isEmpty()) {
            return true;
        }
        for (Filter f : filters) {
            if (f.matches(e)) {
                return true;
            }
        }
        return false;
    }
}
