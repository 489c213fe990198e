package io.camelfreeswitch.esl;

/**
 * FreeSWITCH answered a command with {@code -ERR ...}. {@link #replyText()} is FreeSWITCH's text as sent;
 * {@link #hangupCause()} is the word after {@code -ERR} ({@code USER_BUSY}, {@code NO_ANSWER}, {@code invalid}).
 */
public class CommandRejectedException extends EslException {
    private final String command;
    private final String replyText;

    public CommandRejectedException(String command, String replyText) {
        super("FreeSWITCH rejected '" + command + "': " + replyText.strip());
        this.command = command;
        this.replyText = replyText;
    }

    public String command() {
        return command;
    }

    public String replyText() {
        return replyText;
    }

    /** The first word after {@code -ERR}, or the whole trimmed text when it has another shape. */
    public String hangupCause() {
        String text = replyText.strip();
        if (text.startsWith("-ERR")) {
            text = text.substring(4).strip();
        }
        int space = text.indexOf(' ');
        return space < 0 ? text : text.substring(0, space);
    }
}
