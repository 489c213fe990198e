package io.camelfreeswitch.simulator.testclient;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One frame as read off the wire: outer headers (in order), body, and the exact bytes. */
public record Frame(List<Map.Entry<String, String>> headers, String body, String raw) {

    public String header(String name) {
        for (Map.Entry<String, String> h : headers) {
            if (h.getKey().equals(name)) {
                return h.getValue();
            }
        }
        return null;
    }

    public String contentType() {
        return header("Content-Type");
    }

    public boolean isEvent() {
        String ct = contentType();
        return ct != null && ct.startsWith("text/event-");
    }

    public String replyText() {
        return header("Reply-Text");
    }

    /** The event's headers decoded (plain: url-decoded; json: as is) plus "_body" for an inner body. */
    public Map<String, String> event() {
        return eventHeaderList().stream().collect(LinkedHashMap::new, (m, e) -> m.putIfAbsent(e.getKey(), e.getValue()),
                Map::putAll);
    }

    /** Event header names in order, duplicates kept. */
    public List<Map.Entry<String, String>> eventHeaderList() {
        List<Map.Entry<String, String>> out = new ArrayList<>();
        if ("text/event-plain".equals(contentType())) {
            int blank = body.indexOf("\n\n");
            String head = blank < 0 ? body : body.substring(0, blank);
            for (String line : head.split("\n")) {
                int c = line.indexOf(": ");
                out.add(Map.entry(line.substring(0, c), URLDecoder.decode(line.substring(c + 2).replace("+", "%2B"),
                        StandardCharsets.UTF_8)));
            }
            if (blank >= 0 && blank + 2 < body.length()) {
                out.add(Map.entry("_body", body.substring(blank + 2)));
            }
        } else if ("text/event-json".equals(contentType())) {
            out.addAll(MiniJson.parseObject(body));
        }
        return out;
    }

    public String eventName() {
        return event().get("Event-Name");
    }

    @Override
    public String toString() {
        return isEvent() ? "EVENT " + eventName() + " " + event().get("Unique-ID") : raw;
    }
}
