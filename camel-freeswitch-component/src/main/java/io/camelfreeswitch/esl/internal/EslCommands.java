package io.camelfreeswitch.esl.internal;

import io.camelfreeswitch.esl.EventFormat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Builds every ESL command the project sends, and every api command it sends through {@code api}/{@code bgapi}:
 * nothing else writes command text. Each command comes with how its reply is judged ({@link EslReplies}).
 * <p>
 * Refuses anything that could smuggle a second command onto the socket: a CR, LF or any other control character in
 * a command argument or header is an {@link IllegalArgumentException} naming the argument. Only a {@code sendevent}
 * body, which travels behind its own {@code Content-Length}, may hold newlines.
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

    /** Checks an argument that must also be non-blank (spaces allowed: see {@link #requireWord} for one word). */
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

    public static String requireHeaderName(String argumentName, String name) {
        requireToken(argumentName, name);
        if (name.indexOf(':') >= 0 || name.indexOf(' ') >= 0) {
            throw new IllegalArgumentException(argumentName + " must not contain ':' or spaces: " + name);
        }
        return name;
    }

    /** Checks an argument that is one word of a command line (a uuid, a cause): a token without spaces. */
    public static String requireWord(String argumentName, String value) {
        requireToken(argumentName, value);
        if (value.indexOf(' ') >= 0) {
            throw new IllegalArgumentException(argumentName + " must not contain spaces: " + value);
        }
        return value;
    }

    // ---- the socket ----

    /** {@code auth <password>}; reads as whether FreeSWITCH accepted it (only {@code +OK} does). */
    public static EslCommand<Boolean> auth(String password) {
        requireSafe("password", password);
        return new EslCommand<>("auth", line("auth " + password), EslReplies::isOk);
    }

    /** {@code userauth <user@domain>:<password>}; reads as whether FreeSWITCH accepted it. */
    public static EslCommand<Boolean> userauth(String userAtDomain, String password) {
        requireToken("user", userAtDomain);
        requireSafe("password", password);
        return new EslCommand<>("userauth " + userAtDomain, line("userauth " + userAtDomain + ":" + password),
                EslReplies::isOk);
    }

    /** {@code connect} on an outbound socket; its reply is the channel's CHANNEL_DATA. */
    public static EslCommand<EslMessage> connect() {
        return simple("connect", reply -> reply);
    }

    /** {@code exit}: FreeSWITCH says {@code +OK bye} and closes the socket. */
    public static EslCommand<Void> exit() {
        return simple("exit", reply -> null);
    }

    // ---- events ----

    /** {@code event <format> <names...>}: adds the names to the socket's subscription. */
    public static EslCommand<Void> event(EventFormat format, Collection<String> eventNames) {
        return simple("event " + format.keyword() + " " + words("eventNames", eventNames), reply -> null);
    }

    /** {@code nixevent <names...>}: removes the names from the socket's subscription. */
    public static EslCommand<Void> nixevent(Collection<String> eventNames) {
        return simple("nixevent " + words("eventNames", eventNames), reply -> null);
    }

    /** {@code myevents <format>}: an outbound socket receives every event of its own channel. */
    public static EslCommand<Void> myevents(EventFormat format) {
        return simple("myevents " + format.keyword(), reply -> null);
    }

    /** {@code filter <header> <value>}: only events with that header value get through (filters add up). */
    public static EslCommand<Void> filter(String header, String value) {
        return simple("filter " + requireHeaderName("header", header) + " " + requireToken("value", value),
                reply -> null);
    }

    /** {@code filter delete <header> <value>}. */
    public static EslCommand<Void> filterDelete(String header, String value) {
        return simple("filter delete " + requireHeaderName("header", header) + " " + requireToken("value", value),
                reply -> null);
    }

    /** {@code divert_events on|off}. */
    public static EslCommand<Void> divertEvents(boolean on) {
        return simple("divert_events " + (on ? "on" : "off"), reply -> null);
    }

    /** {@code linger}: the socket stays open after hang-up until {@code exit}. */
    public static EslCommand<Void> linger() {
        return simple("linger", reply -> null);
    }

    /** {@code linger <seconds>} (at least 1): as {@link #linger()}, closed by FreeSWITCH after that time. */
    public static EslCommand<Void> linger(Duration time) {
        return simple("linger " + Math.max(1, time.toSeconds()), reply -> null);
    }

    // ---- api ----

    /** {@code api <command>}; reads as the output, unjudged (a command/reply instead is judged: -ERR fails). */
    public static EslCommand<String> api(String command) {
        requireToken("command", command);
        String description = apiDescription(command);
        return new EslCommand<>(description, line(description), reply -> {
            if (!"api/response".equals(reply.contentType())) {
                EslReplies.requireOk(description, reply);
            }
            return reply.bodyAsString();
        });
    }

    /** The name {@code api <command>} goes by in logs and errors. */
    public static String apiDescription(String command) {
        return "api " + command;
    }

    /**
     * {@code bgapi <command>} with our {@code Job-UUID}; its reply only says the job started. The job's output, in
     * the BACKGROUND_JOB of that uuid, is judged by {@link EslReplies#result}.
     */
    public static EslCommand<Void> bgapi(String command, String jobUuid) {
        requireToken("command", command);
        requireWord("jobUuid", jobUuid);
        String description = "bgapi " + command;
        return new EslCommand<>(description, withHeaders(description, Map.of("Job-UUID", jobUuid), null),
                okThen(description, reply -> null));
    }

    // ---- sendmsg / sendevent ----

    /**
     * {@code sendmsg [uuid]} with {@code call-command: execute}, {@code event-lock: true} and our
     * {@code Event-UUID}, which FreeSWITCH echoes as Application-UUID in the CHANNEL_EXECUTE_COMPLETE. A {@code null}
     * uuid is the outbound socket's own channel.
     */
    public static EslCommand<Void> execute(String uuid, String application, String argument, String eventUuid) {
        String line = sendmsg(uuid);
        requireHeaderValue("application", requireToken("application", application));
        if (argument != null) {
            requireHeaderValue("argument", argument);
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("call-command", "execute");
        headers.put("execute-app-name", application);
        if (argument != null && !argument.isEmpty()) {
            headers.put("execute-app-arg", argument);
        }
        headers.put("event-lock", "true");
        headers.put("Event-UUID", requireWord("eventUuid", eventUuid));
        String description = line + " execute " + application;
        return new EslCommand<>(description, withHeaders(line, headers, null), okThen(description, reply -> null));
    }

    /**
     * {@code sendmsg [uuid]} with {@code call-command: hangup}; a {@code null} or blank cause is NORMAL_CLEARING.
     * FreeSWITCH rejects an unknown uuid with {@code -ERR invalid session id [uuid]}.
     */
    public static EslCommand<Void> hangup(String uuid, String cause) {
        String line = sendmsg(uuid);
        String hangupCause = cause == null || cause.isBlank() ? "NORMAL_CLEARING" : cause;
        requireHeaderValue("cause", requireToken("cause", hangupCause));
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("call-command", "hangup");
        headers.put("hangup-cause", hangupCause);
        String description = line + " hangup " + hangupCause;
        return new EslCommand<>(description, withHeaders(line, headers, null), okThen(description, reply -> null));
    }

    /** {@code sendevent <name>} with headers and an optional body; Content-Length is computed, never given. */
    public static EslCommand<Void> sendevent(String eventName, Map<String, String> headers, String body) {
        requireToken("eventName", eventName);
        Map<String, String> checked = new LinkedHashMap<>();
        if (headers != null) {
            for (Map.Entry<String, String> header : headers.entrySet()) {
                String name = requireHeaderName("header name", header.getKey());
                if (name.equalsIgnoreCase("Content-Length")) {
                    throw new IllegalArgumentException("header Content-Length is computed from the body");
                }
                checked.put(name, requireHeaderValue("header " + name, header.getValue()));
            }
        }
        String line = "sendevent " + eventName;
        return new EslCommand<>(line, withHeaders(line, checked, body), okThen(line, reply -> null));
    }

    // ---- api commands ----

    /**
     * {@code originate <arguments>} ({@code {vars}dial-string &app(arg)}, see the call package's DialString); its
     * output reads as the new channel's uuid. Over bgapi a failed call is {@code -ERR <HANGUP_CAUSE>}.
     */
    public static ApiCommand<String> originate(String arguments) {
        return new ApiCommand<>("originate " + requireToken("arguments", arguments), output -> output);
    }

    /** {@code uuid_kill <uuid> <cause>}; a channel FreeSWITCH does not know is {@code -ERR No such channel!}. */
    public static ApiCommand<Void> uuidKill(String uuid, String cause) {
        return new ApiCommand<>("uuid_kill " + requireWord("uuid", uuid) + " " + requireWord("cause", cause),
                output -> null);
    }

    /** {@code uuid_bridge <uuid> <other uuid>}: both channels must be up on this FreeSWITCH. */
    public static ApiCommand<Void> uuidBridge(String uuid, String otherUuid) {
        return new ApiCommand<>("uuid_bridge " + requireWord("uuid", uuid) + " " + requireWord("otherUuid",
                otherUuid), output -> null);
    }

    /** {@code uuid_exists <uuid>}: reads as false only when FreeSWITCH says {@code false}. */
    public static ApiCommand<Boolean> uuidExists(String uuid) {
        return new ApiCommand<>("uuid_exists " + requireWord("uuid", uuid),
                output -> !"false".equals(output.strip()));
    }

    /** {@code uuid_pre_answer <uuid>}: early media for a channel not yet answered; a no-op for one that is. */
    public static ApiCommand<Void> uuidPreAnswer(String uuid) {
        return new ApiCommand<>("uuid_pre_answer " + requireWord("uuid", uuid), output -> null);
    }

    /**
     * {@code uuid_broadcast <uuid> playback::<media> aleg}: plays {@code media} to that channel only, until it ends or
     * is broken. FreeSWITCH splits the arguments on spaces, so {@code media} is one word.
     */
    public static ApiCommand<Void> uuidBroadcastPlayback(String uuid, String media) {
        return new ApiCommand<>("uuid_broadcast " + requireWord("uuid", uuid) + " playback::"
                + requireWord("media", media) + " aleg", output -> null);
    }

    /** {@code uuid_break <uuid> all}: stops what the channel hears and drops what is queued behind it. */
    public static ApiCommand<Void> uuidBreakAll(String uuid) {
        return new ApiCommand<>("uuid_break " + requireWord("uuid", uuid) + " all", output -> null);
    }

    // ---- framing ----

    private static <T> EslCommand<T> simple(String commandLine, Function<EslMessage, T> reading) {
        return new EslCommand<>(commandLine, line(commandLine), okThen(commandLine, reading));
    }

    private static <T> Function<EslMessage, T> okThen(String description, Function<EslMessage, T> reading) {
        return reply -> reading.apply(EslReplies.requireOk(description, reply));
    }

    private static String sendmsg(String uuid) {
        return uuid == null ? "sendmsg" : "sendmsg " + requireToken("uuid", uuid);
    }

    private static String words(String argumentName, Collection<String> values) {
        if (values == null || values.isEmpty()) {
            throw new IllegalArgumentException(argumentName + " must not be empty");
        }
        StringBuilder joined = new StringBuilder();
        for (String value : values) {
            if (joined.length() > 0) {
                joined.append(' ');
            }
            joined.append(requireToken(argumentName, value));
        }
        return joined.toString();
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
