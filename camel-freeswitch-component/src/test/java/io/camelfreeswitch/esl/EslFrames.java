package io.camelfreeswitch.esl;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds and splits ESL wire frames for the scripted servers, independently of the production decoder (a bug there
 * must not hide itself here).
 */
final class EslFrames {
    private EslFrames() {
    }

    static String reply(String replyText) {
        return "Content-Type: command/reply\nReply-Text: " + replyText + "\n\n";
    }

    static String apiResponse(String body) {
        return "Content-Type: api/response\nContent-Length: " + utf8Length(body) + "\n\n" + body;
    }

    static String authRequest() {
        return "Content-Type: auth/request\n\n";
    }

    static String disconnectNotice() {
        String body = "Disconnected, goodbye.\nSee you at ClueCon! http://www.cluecon.com/\n";
        return "Content-Type: text/disconnect-notice\nContent-Length: " + utf8Length(body) + "\n\n" + body;
    }

    /** A text/event-plain frame; values URL-encoded as FreeSWITCH does, optional inner body. */
    static String plainEvent(Map<String, String> headers, String body) {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, String> h : headers.entrySet()) {
            sb.append(h.getKey()).append(": ")
                    .append(URLEncoder.encode(h.getValue(), StandardCharsets.UTF_8).replace("+", "%20"))
                    .append('\n');
        }
        if (body != null) {
            sb.append("Content-Length: ").append(utf8Length(body)).append("\n\n").append(body);
        } else {
            sb.append('\n');
        }
        String eventBody = sb.toString();
        return "Content-Length: " + utf8Length(eventBody) + "\nContent-Type: text/event-plain\n\n" + eventBody;
    }

    static Map<String, String> headers(String... namesAndValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            map.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return map;
    }

    static String backgroundJob(String jobUuid, String result) {
        return plainEvent(headers("Event-Name", "BACKGROUND_JOB", "Job-UUID", jobUuid, "Job-Command", "originate"),
                result);
    }

    static String channelEvent(String name, String uniqueId, long sequence) {
        return plainEvent(headers("Event-Name", name, "Unique-ID", uniqueId, "Event-Sequence",
                Long.toString(sequence)), null);
    }

    static int utf8Length(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    /** One raw frame of a capture: its bytes and its outer Content-Type. */
    record RawFrame(byte[] bytes, String contentType) {
        boolean isReply() {
            return "command/reply".equals(contentType) || "api/response".equals(contentType);
        }
    }

    /** Splits raw capture bytes into frames (LF-only captures: the header block ends at the first "\n\n"). */
    static List<RawFrame> split(byte[] data) {
        List<RawFrame> frames = new ArrayList<>();
        int pos = 0;
        while (pos < data.length) {
            int end = indexOf(data, pos);
            String headerBlock = new String(data, pos, end - pos, StandardCharsets.UTF_8);
            int length = 0;
            String type = null;
            for (String line : headerBlock.split("\n")) {
                if (line.startsWith("Content-Length: ")) {
                    length = Integer.parseInt(line.substring(16).trim());
                } else if (line.startsWith("Content-Type: ")) {
                    type = line.substring(14).trim();
                }
            }
            int frameEnd = end + 2 + length;
            byte[] bytes = new byte[frameEnd - pos];
            System.arraycopy(data, pos, bytes, 0, bytes.length);
            frames.add(new RawFrame(bytes, type));
            pos = frameEnd;
        }
        return frames;
    }

    private static int indexOf(byte[] data, int from) {
        for (int i = from; i + 1 < data.length; i++) {
            if (data[i] == '\n' && data[i + 1] == '\n') {
                return i;
            }
        }
        throw new IllegalArgumentException("no header block end after " + from);
    }
}
