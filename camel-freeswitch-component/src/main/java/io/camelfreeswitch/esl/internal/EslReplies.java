package io.camelfreeswitch.esl.internal;

import io.camelfreeswitch.esl.CommandRejectedException;

/**
 * The one place FreeSWITCH's verdicts are read: {@code +OK} and {@code -ERR} at the start of a {@code command/reply}'s
 * Reply-Text, or of an api command's output (the body of an {@code api/response} or of a {@code BACKGROUND_JOB}).
 */
public final class EslReplies {
    private static final String OK = "+OK";
    private static final String ERR = "-ERR";

    private EslReplies() {
    }

    /** Reply-Text, URL-decoded when FreeSWITCH encoded it (the outbound connect reply does); may be null. */
    public static String replyText(EslMessage reply) {
        String text = reply.header("Reply-Text");
        return text != null && text.indexOf('%') >= 0 ? UrlDecoding.decode(text) : text;
    }

    /** Whether a command/reply says {@code +OK}: the only answer that accepts credentials. */
    public static boolean isOk(EslMessage reply) {
        String text = replyText(reply);
        return text != null && text.startsWith(OK);
    }

    /** A command/reply: {@code -ERR} fails with {@link CommandRejectedException}; anything else passes. */
    public static EslMessage requireOk(String command, EslMessage reply) {
        String text = replyText(reply);
        if (text != null && text.startsWith(ERR)) {
            throw new CommandRejectedException(command, text);
        }
        return reply;
    }

    /** The rejection an api command's output stands for, or {@code null} when it does not start with -ERR. */
    public static CommandRejectedException rejection(String command, String output) {
        return output != null && output.strip().startsWith(ERR) ? new CommandRejectedException(command, output) : null;
    }

    /**
     * An api command's output judged: the text after {@code +OK}, trimmed; {@code -ERR} fails with
     * {@link CommandRejectedException} carrying the output as sent; any other output is the result as sent.
     */
    public static String result(String command, String output) {
        String trimmed = output.strip();
        if (trimmed.startsWith(OK)) {
            return trimmed.substring(OK.length()).strip();
        }
        CommandRejectedException rejected = rejection(command, output);
        if (rejected != null) {
            throw rejected;
        }
        return output;
    }
}
