package io.camelfreeswitch.simulator.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/** One command a client sent: its first line, the header lines that followed it, and an optional body. */
public record EslCommand(String line, Map<String, String> headers, String body) {

    public EslCommand {
        headers = new LinkedHashMap<>(headers);
    }

    public static EslCommand of(String line) {
        return new EslCommand(line, Map.of(), null);
    }

    /** The first word, lower-cased: "api", "bgapi", "sendmsg"... */
    public String verb() {
        int sp = line.indexOf(' ');
        return (sp < 0 ? line : line.substring(0, sp)).toLowerCase(java.util.Locale.ROOT);
    }

    /** Everything after the first word, trimmed ("" when none). */
    public String argument() {
        int sp = line.indexOf(' ');
        return sp < 0 ? "" : line.substring(sp + 1).trim();
    }

    public String header(String name) {
        for (Map.Entry<String, String> e : headers.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name)) {
                return e.getValue();
            }
        }
        return null;
    }
}
