package io.camelfreeswitch.esl;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Builds the text of ESL commands, refusing anything that could smuggle a second command onto the socket: a CR, LF
 * or any other control character in a command argument or header is an {@link IllegalArgumentException} naming the
 * argument. Only a {@code sendevent} body, which travels behind its own {@code Content-Length}, may hold newlines.
 */
public final class EslCommands {
    private EslCommands() {
    }

    /** Checks one argument; returns it for chaining. */
    public static String requireSafe(String argumentName, String value) {
        if (value == null) {
            throw new IllegalArgumentException(argumentName + " must not be null");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                throw new IllegalArgumentException(argumentName + " must not contain control characters (found "
                        + describe(c) + " at index " + i + ")");
            }
        }
        return value;
    }

    /** Checks an argument that must also be non-blank and free of spaces (a uuid, an event name word, a header). */
    public static String requireToken(String argumentName, String value) {
        requireSafe(argumentName, value);
        if (value.isBlank()) {
            throw new IllegalArgumentException(argumentName + " must not be blank");
        }
        return value;
    }

    /**
     * Checks a value sent as a header ({@code Name: value}): FreeSWITCH drops the spaces after the colon, so a value
     * starting with one would not arrive as given.
     */
    public static String requireHeaderValue(String argumentName, String value) {
        requireSafe(argumentName, value);
        if (value.startsWith(" ")) {
            throw new IllegalArgumentException(argumentName + " must not start with a space (FreeSWITCH strips the"
                    + " spaces that begin a header value)");
        }
        return value;
    }

    static String requireHeaderName(String argumentName, String name) {
        requireToken(argumentName, name);
        if (name.indexOf(':') >= 0 || name.indexOf(' ') >= 0) {
            throw new IllegalArgumentException(argumentName + " must not contain ':' or spaces: " + name);
        }
        return name;
    }

    /** A single-line command ({@code api status}), terminated. */
    static String line(String commandLine) {
        return commandLine + "\n\n";
    }

    /** A command line followed by headers and an optional body (sendmsg, sendevent, bgapi with Job-UUID). */
    static String withHeaders(String commandLine, Map<String, String> headers, String body) {
        StringBuilder sb = new StringBuilder(commandLine.length() + 64 * (headers.size() + 1));
        sb.append(commandLine).append('\n');
        for (Map.Entry<String, String> header : headers.entrySet()) {
            sb.append(header.getKey()).append(": ").append(header.getValue()).append('\n');
        }
        if (body != null && !body.isEmpty()) {
            sb.append("Content-Length: ").append(body.getBytes(StandardCharsets.UTF_8).length).append("\n\n")
                    .append(body);
            return sb.toString();
        }
        return sb.append('\n').toString();
    }

    private static String describe(char c) {
        return switch (c) {
            case '\r' -> "CR";
            case '\n' -> "LF";
            case '\t' -> "TAB";
            default -> String.format("U+%04X", (int) c);
        };
    }
}
