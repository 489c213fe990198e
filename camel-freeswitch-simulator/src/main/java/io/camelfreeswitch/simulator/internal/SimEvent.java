package io.camelfreeswitch.simulator.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One FreeSWITCH event: ordered headers (duplicates allowed, FreeSWITCH really sends Hangup-Cause twice on
 * CHANNEL_HANGUP_COMPLETE) and an optional body. Renders itself in the three wire encodings.
 */
public final class SimEvent {

    private final List<Map.Entry<String, String>> headers = new ArrayList<>();
    private String body;

    public SimEvent add(String name, String value) {
        headers.add(Map.entry(name, value == null ? "" : value));
        return this;
    }

    public SimEvent body(String body) {
        this.body = body;
        return this;
    }

    public String body() {
        return body;
    }

    public List<Map.Entry<String, String>> headers() {
        return headers;
    }

    public String header(String name) {
        for (Map.Entry<String, String> h : headers) {
            if (h.getKey().equalsIgnoreCase(name)) {
                return h.getValue();
            }
        }
        return null;
    }

    public String name() {
        return header("Event-Name");
    }

    public String subclass() {
        return header("Event-Subclass");
    }

    /** The text/event-plain body: url-encoded values, a blank line, then the inner body if any. */
    public String toPlain() {
        StringBuilder sb = new StringBuilder(2048);
        for (Map.Entry<String, String> h : headers) {
            sb.append(h.getKey()).append(": ").append(UrlEncoding.encode(h.getValue())).append('\n');
        }
        if (body != null) {
            sb.append("Content-Length: ").append(body.getBytes(StandardCharsets.UTF_8).length).append('\n');
        }
        sb.append('\n');
        if (body != null) {
            sb.append(body);
        }
        return sb.toString();
    }

    /** The text/event-json body: raw values, the inner body under {@code _body}, no trailing newline. */
    public String toJson() {
        StringBuilder sb = new StringBuilder(2048).append('{');
        boolean first = true;
        // duplicates stay: FreeSWITCH really writes "Hangup-Cause" twice in CHANNEL_HANGUP_COMPLETE's JSON
        for (Map.Entry<String, String> h : headers) {
            if (!first) {
                sb.append(',');
            }
            first = false;
            Json.string(sb, h.getKey()).append(':');
            Json.string(sb, h.getValue());
        }
        if (body != null) {
            sb.append(",\"Content-Length\":\"").append(body.getBytes(StandardCharsets.UTF_8).length).append("\",\"_body\":");
            Json.string(sb, body);
        }
        return sb.append('}').toString();
    }

    /** The text/event-xml body, shaped like FreeSWITCH's switch_event_xmlize. */
    public String toXml() {
        StringBuilder sb = new StringBuilder(2048).append("<event>\n  <headers>\n");
        for (Map.Entry<String, String> h : headers) {
            sb.append("    <").append(h.getKey()).append('>').append(Xml.escape(UrlEncoding.encode(h.getValue())))
                    .append("</").append(h.getKey()).append(">\n");
        }
        if (body != null) {
            sb.append("    <Content-Length>").append(body.getBytes(StandardCharsets.UTF_8).length).append("</Content-Length>\n");
        }
        sb.append("  </headers>\n");
        if (body != null) {
            sb.append("  <body>").append(Xml.escape(body)).append("</body>\n");
        }
        return sb.append("</event>").toString();
    }

    public SimEvent copy() {
        SimEvent e = new SimEvent();
        e.headers.addAll(headers);
        e.body = body;
        return e;
    }
}
