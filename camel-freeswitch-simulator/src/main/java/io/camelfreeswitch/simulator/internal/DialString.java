package io.camelfreeswitch.simulator.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A parsed originate dial string: {@code {global=vars}[leg=vars]endpoint,endpoint|endpoint}.
 * {@code ,} rings its neighbours at once; {@code |} moves to the next group when the previous one failed.
 */
public record DialString(Map<String, String> globalVariables, List<List<Leg>> groups) {

    /** One endpoint to ring, with its own [variables]. */
    public record Leg(String endpoint, Map<String, String> variables) {
    }

    public static DialString parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("empty dial string");
        }
        if (text.indexOf('\r') >= 0 || text.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("dial string contains CR/LF");
        }
        String s = text.trim();
        Map<String, String> global = new LinkedHashMap<>();
        while (s.startsWith("{") || s.startsWith("<")) {
            char close = s.charAt(0) == '{' ? '}' : '>';
            int end = closing(s, 0, close);
            global.putAll(parseVariables(s.substring(1, end)));
            s = s.substring(end + 1);
        }
        List<List<Leg>> groups = new ArrayList<>();
        for (String group : splitTopLevel(s, '|')) {
            List<Leg> legs = new ArrayList<>();
            for (String legText : splitTopLevel(group, ',')) {
                String l = legText.trim();
                Map<String, String> vars = new LinkedHashMap<>();
                while (l.startsWith("[")) {
                    int end = closing(l, 0, ']');
                    vars.putAll(parseVariables(l.substring(1, end)));
                    l = l.substring(end + 1).trim();
                }
                if (l.isEmpty()) {
                    throw new IllegalArgumentException("empty endpoint in dial string: " + text);
                }
                if (l.indexOf('{') >= 0 || l.indexOf('}') >= 0 || l.indexOf('[') >= 0 || l.indexOf(']') >= 0) {
                    throw new IllegalArgumentException("unbalanced or misplaced braces in dial string: " + text);
                }
                legs.add(new Leg(l, Collections.unmodifiableMap(vars)));
            }
            groups.add(List.copyOf(legs));
        }
        return new DialString(Collections.unmodifiableMap(global), List.copyOf(groups));
    }

    /** Parses {@code a=b,c='d,e',f=g\,h}: single quotes and backslash-escaped commas protect commas. */
    public static Map<String, String> parseVariables(String list) {
        Map<String, String> vars = new LinkedHashMap<>();
        for (String item : splitVariables(list)) {
            if (item.isBlank()) {
                continue;
            }
            int eq = item.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("variable without '=': " + item);
            }
            String name = item.substring(0, eq).trim();
            String value = item.substring(eq + 1);
            if (value.length() >= 2 && value.startsWith("'") && value.endsWith("'")) {
                value = value.substring(1, value.length() - 1);
            }
            vars.put(name, value);
        }
        return vars;
    }

    private static List<String> splitVariables(String list) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < list.length(); i++) {
            char c = list.charAt(i);
            if (c == '\\' && i + 1 < list.length() && list.charAt(i + 1) == ',') {
                cur.append(',');
                i++;
            } else if (c == '\'') {
                quoted = !quoted;
                cur.append(c);
            } else if (c == ',' && !quoted) {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("unterminated quote in variables: " + list);
        }
        out.add(cur.toString());
        return out;
    }

    private static int closing(String s, int open, char close) {
        boolean quoted = false;
        for (int i = open + 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '\'') {
                quoted = !quoted;
            } else if (c == close && !quoted) {
                return i;
            }
        }
        throw new IllegalArgumentException("unbalanced '" + s.charAt(open) + "' in dial string: " + s);
    }

    private static List<String> splitTopLevel(String s, char separator) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        boolean quoted = false;
        StringBuilder cur = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                cur.append(c).append(s.charAt(++i));
                continue;
            }
            if (c == '\'') {
                quoted = !quoted;
            } else if (!quoted && (c == '[' || c == '{')) {
                depth++;
            } else if (!quoted && (c == ']' || c == '}')) {
                depth--;
            }
            if (c == separator && depth == 0 && !quoted) {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        out.add(cur.toString());
        return out;
    }

    /** The variables that apply to a leg: globals overridden by the leg's own. */
    public static Map<String, String> effective(Map<String, String> global, Leg leg) {
        Map<String, String> all = new LinkedHashMap<>(global);
        all.putAll(leg.variables());
        return all;
    }
}
