package io.camelfreeswitch.simulator.internal;

import java.nio.charset.StandardCharsets;

/** The non-event frames mod_event_socket writes, byte for byte as in the captures. */
public final class Frames {

    public static final String GOODBYE = "Disconnected, goodbye.\nSee you at ClueCon! http://www.cluecon.com/\n";

    private Frames() {
    }

    public static String authRequest() {
        return "Content-Type: auth/request\n\n";
    }

    public static String commandReply(String replyText, String... extraHeaders) {
        StringBuilder sb = new StringBuilder("Content-Type: command/reply\nReply-Text: ").append(replyText).append('\n');
        for (int i = 0; i + 1 < extraHeaders.length; i += 2) {
            sb.append(extraHeaders[i]).append(": ").append(extraHeaders[i + 1]).append('\n');
        }
        return sb.append('\n').toString();
    }

    public static String apiResponse(String body) {
        return "Content-Type: api/response\nContent-Length: " + length(body) + "\n\n" + body;
    }

    public static String disconnectNotice() {
        return "Content-Type: text/disconnect-notice\nContent-Length: " + length(GOODBYE) + "\n\n" + GOODBYE;
    }

    /** Outbound mode's notice on exit / when not lingering. */
    public static String outboundDisconnectNotice(String uuid) {
        return "Content-Type: text/disconnect-notice\nControlled-Session-UUID: " + uuid
                + "\nContent-Disposition: disconnect\nContent-Length: " + length(GOODBYE) + "\n\n" + GOODBYE;
    }

    /** Outbound mode's notice when the channel hangs up and the session lingers (no time given = -1). */
    public static String lingerNotice(String uuid, String channelName, int lingerSeconds) {
        return "Content-Type: text/disconnect-notice\nControlled-Session-UUID: " + uuid
                + "\nContent-Disposition: linger\nChannel-Name: " + channelName + "\nLinger-Time: " + lingerSeconds
                + "\nContent-Length: 0\n\n";
    }

    public static String event(SimEvent e, String format) {
        String body;
        String type;
        switch (format) {
            case "json" -> {
                body = e.toJson();
                type = "text/event-json";
            }
            case "xml" -> {
                body = e.toXml();
                type = "text/event-xml";
            }
            default -> {
                body = e.toPlain();
                type = "text/event-plain";
            }
        }
        return "Content-Length: " + length(body) + "\nContent-Type: " + type + "\n\n" + body;
    }

    public static String logData(String line, int level, String file, String func, int lineNo) {
        return "Content-Type: log/data\nContent-Length: " + length(line) + "\nLog-Level: " + level
                + "\nText-Channel: 3\nLog-File: " + file + "\nLog-Func: " + func + "\nLog-Line: " + lineNo
                + "\nUser-Data: \n\n" + line;
    }

    public static int length(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }
}
