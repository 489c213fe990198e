package io.camelfreeswitch.call;

import java.util.Collection;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Builds the argument of {@code originate} so that FreeSWITCH reads exactly the destination and variables we mean.
 * Destinations are written as given, so they may not carry characters that would change the dial string's
 * structure; variable values are quoted and escaped instead, because users legitimately put commas and spaces in
 * them (caller names, SIP headers).
 */
public final class DialString {

    private DialString() {
    }

    /** Rejects destinations FreeSWITCH would read as more than one dial string, or as variables. */
    public static void validateDestinations(Collection<String> destinations) {
        for (String destination : destinations) {
            validateDestination(destination);
        }
    }

    public static void validateDestination(String destination) {
        if (destination == null || destination.isBlank()) {
            throw new IllegalArgumentException("A destination is empty");
        }
        for (int i = 0; i < destination.length(); i++) {
            char c = destination.charAt(i);
            if (Character.isISOControl(c)) {
                throw new IllegalArgumentException("Destination '" + printable(destination)
                        + "' contains a control character (CR, LF, NUL, ...) at index " + i);
            }
            if (c == '{' || c == '}' || c == '[' || c == ']' || c == '<' || c == '>' || c == ',' || c == '|'
                    || c == ':' && destination.startsWith("[")) {
                throw new IllegalArgumentException("Destination '" + destination + "' contains '" + c
                        + "', which would change the dial string; pass channel variables as variables instead");
            }
            if (Character.isWhitespace(c)) {
                throw new IllegalArgumentException("Destination '" + destination + "' contains white space");
            }
            if (c == '\'' || c == '"' || c == '\\') {
                // FreeSWITCH splits the originate arguments honouring quotes and backslash escapes: one of these
                // would glue the destination to the application, or to the next dial string
                throw new IllegalArgumentException("Destination '" + destination + "' contains " + c
                        + ", which FreeSWITCH would read as a quote or an escape");
            }
        }
    }

    /** Variable names must be plain identifiers; values may be anything but control characters. */
    public static void validateVariables(Map<String, String> variables) {
        variables.forEach((name, value) -> {
            if (name == null || !isVariableName(name)) {
                throw new IllegalArgumentException("Variable name '" + printable(String.valueOf(name))
                        + "' must contain only letters, digits, '_', '.' and '-'");
            }
            if (value == null) {
                throw new IllegalArgumentException("Variable '" + name + "' has no value");
            }
            int depth = 0;
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (Character.isISOControl(c)) {
                    throw new IllegalArgumentException("Variable '" + name
                            + "' contains a control character (CR, LF, NUL, ...) at index " + i);
                }
                depth += c == '{' ? 1 : c == '}' ? -1 : 0;
                if (depth < 0) {
                    break;
                }
            }
            if (depth != 0) {
                // FreeSWITCH finds the end of {...} by counting braces, quotes or not: an unbalanced one cuts it
                throw new IllegalArgumentException("Variable '" + name
                        + "' has unbalanced braces, which FreeSWITCH would read as the end of the variable block");
            }
        });
    }

    /**
     * The {@code {a=b,c=d}} block for one leg's variables, in the given iteration order. A value containing a
     * separator, quote, brace or space is wrapped in single quotes with {@code '} and {@code \} escaped by a
     * backslash, and commas inside it escaped as {@code \,}, which is how FreeSWITCH's own variable parser reads it.
     */
    public static String variableBlock(Map<String, String> variables) {
        if (variables.isEmpty()) {
            return "";
        }
        StringJoiner joiner = new StringJoiner(",", "{", "}");
        variables.forEach((name, value) -> joiner.add(name + "=" + quote(value)));
        return joiner.toString();
    }

    /** {@code {vars}destination &app(arg)} — a complete originate argument for one leg. */
    public static String originate(String destination, Map<String, String> variables, String application) {
        validateDestination(destination);
        validateVariables(variables);
        return variableBlock(variables) + destination + " " + application;
    }

    /** Letters, digits, '_', '.' and '-', at least one. */
    private static boolean isVariableName(String name) {
        if (name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '.'
                    || c == '-')) {
                return false;
            }
        }
        return true;
    }

    static String quote(String value) {
        boolean plain = !value.isEmpty();
        for (int i = 0; i < value.length() && plain; i++) {
            char c = value.charAt(i);
            plain = !(c == ',' || c == '\'' || c == '"' || c == '{' || c == '}' || c == '[' || c == ']'
                    || c == '\\' || c == '|' || c == '=' || Character.isWhitespace(c));
        }
        if (plain) {
            return value;
        }
        StringBuilder sb = new StringBuilder(value.length() + 8).append('\'');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\'' || c == '\\' || c == ',') {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.append('\'').toString();
    }

    private static String printable(String s) {
        return s.replace("\r", "\\r").replace("\n", "\\n").replace("\0", "\\0");
    }
}
