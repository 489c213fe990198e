package io.camelfreeswitch.esl.internal;

import io.camelfreeswitch.esl.EslEvent;
import io.camelfreeswitch.esl.EventFormat;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An event whose headers are already Strings: JSON events, and the CHANNEL_DATA of an outbound connect reply. */
final class HeaderListEslEvent implements EslEvent {
    private final String[] names;
    private final String[] values;
    private final String body;
    private final EventFormat format;
    private volatile Map<String, String> headerMap;

    HeaderListEslEvent(List<String> names, List<String> values, String body, EventFormat format) {
        this.names = names.toArray(new String[0]);
        this.values = values.toArray(new String[0]);
        this.body = body == null ? "" : body;
        this.format = format;
    }

    @Override
    public String header(String name) {
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(name)) {
                return values[i];
            }
        }
        return null;
    }

    @Override
    public List<String> headerValues(String name) {
        List<String> result = null;
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(name)) {
                if (result == null) {
                    result = new ArrayList<>(2);
                }
                result.add(values[i]);
            }
        }
        return result == null ? List.of() : Collections.unmodifiableList(result);
    }

    @Override
    public Map<String, String> headers() {
        Map<String, String> map = headerMap;
        if (map == null) {
            Map<String, String> built = new LinkedHashMap<>(names.length * 2);
            for (int i = 0; i < names.length; i++) {
                built.putIfAbsent(names[i], values[i]);
            }
            map = Collections.unmodifiableMap(built);
            headerMap = map;
        }
        return map;
    }

    @Override
    public String body() {
        return body;
    }

    @Override
    public EventFormat format() {
        return format;
    }

    @Override
    public String toString() {
        return EslEvents.describe(this);
    }
}
