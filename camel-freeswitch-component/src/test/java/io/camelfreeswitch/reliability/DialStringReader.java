package io.camelfreeswitch.reliability;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads an originate argument the way FreeSWITCH does, independently of the code under test: a leading
 * {@code {name=value,...}} block (its end found by counting braces, as FreeSWITCH does), then dial strings separated by
 * {@code ,} (simultaneous) or {@code |} (one after another), then the application after the first space. Inside the
 * block, items split at commas that are neither quoted ({@code '...'}) nor escaped ({@code \,}); a value loses its
 * quotes and its escaping backslashes.
 */
final class DialStringReader {

    record Parsed(Map<String, String> variables, List<String> legs, String application) {
    }

    private DialStringReader() {
    }

    static Parsed read(String argument) {
        Map<String, String> variables = new LinkedHashMap<>();
        int pos = 0;
        if (argument.startsWith("{")) {
            int end = closingBrace(argument);
            for (String item : splitUnquoted(argument.substring(1, end), ',')) {
                int eq = item.indexOf('=');
                if (eq <= 0) {
                    throw new IllegalArgumentException("variable item without name=: " + item);
                }
                variables.put(item.substring(0, eq), unquote(item.substring(eq + 1)));
            }
            pos = end + 1;
        }
        String rest = argument.substring(pos);
        int space = rest.indexOf(' ');
        String dial = space < 0 ? rest : rest.substring(0, space);
        String application = space < 0 ? "" : rest.substring(space + 1);
        List<String> legs = new ArrayList<>();
        for (String sequential : splitUnquoted(dial, '|')) {
            legs.addAll(splitUnquoted(sequential, ','));
        }
        return new Parsed(variables, legs, application);
    }

    /** Like FreeSWITCH's end-of-paren search: braces are counted whether quoted or escaped or not. */
    private static int closingBrace(String s) {
        int depth = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return i;
            }
        }
        throw new IllegalArgumentException("no closing '}' in " + s);
    }

    private static List<String> splitUnquoted(String s, char separator) {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                current.append(c).append(s.charAt(++i));
            } else if (c == '\'') {
                quoted = !quoted;
                current.append(c);
            } else if (c == separator && !quoted) {
                parts.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("unterminated quote in " + s);
        }
        parts.add(current.toString());
        return parts;
    }

    private static String unquote(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' && i + 1 < value.length()) {
                out.append(value.charAt(++i));
            } else if (c != '\'') {
                out.append(c);
            }
        }
        return out.toString();
    }
}
