package io.camelfreeswitch.benchmarks.decoder;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The decoder benchmark's input: the CHANNEL_* and BACKGROUND_JOB event frames of real FreeSWITCH 1.10.12 sessions
 * (copied from the project's ESL captures), exactly as they came off the wire, outer headers included. The frames
 * are cut here with a deliberately naive splitter that is independent of every decoder under test.
 */
public final class CapturedEvents {

    /** Events per benchmark stream: a constant, so JMH can report per event ({@code @OperationsPerInvocation}). */
    public static final int EVENTS_PER_STREAM = 100;

    private static final String[] PLAIN_CAPTURES = {"captures/session-plain.raw.txt", "captures/extra-plain.raw.txt"};
    private static final String[] JSON_CAPTURES = {"captures/session-json.raw.txt"};

    private CapturedEvents() {
    }

    public enum Format {
        PLAIN("text/event-plain", PLAIN_CAPTURES),
        JSON("text/event-json", JSON_CAPTURES);

        final String contentType;
        final String[] captures;

        Format(String contentType, String[] captures) {
            this.contentType = contentType;
            this.captures = captures;
        }
    }

    /** Every CHANNEL_* and BACKGROUND_JOB event frame of the captures of that format, in capture order. */
    public static List<byte[]> frames(Format format) {
        List<byte[]> frames = new ArrayList<>();
        for (String capture : format.captures) {
            byte[] bytes = read(capture);
            int pos = 0;
            while (pos < bytes.length) {
                int blank = indexOf(bytes, "\n\n", pos);
                if (blank < 0) {
                    break;
                }
                String head = new String(bytes, pos, blank - pos, StandardCharsets.US_ASCII);
                int bodyLength = contentLength(head);
                int frameEnd = blank + 2 + bodyLength;
                if (head.contains("Content-Type: " + format.contentType)) {
                    String body = new String(bytes, blank + 2, bodyLength, StandardCharsets.UTF_8);
                    String name = eventName(body, format);
                    if (name.startsWith("CHANNEL_") || name.equals("BACKGROUND_JOB")) {
                        byte[] frame = new byte[frameEnd - pos];
                        System.arraycopy(bytes, pos, frame, 0, frame.length);
                        frames.add(frame);
                    }
                }
                pos = frameEnd;
            }
        }
        return frames;
    }

    /** {@link #EVENTS_PER_STREAM} frames, cycling through {@link #frames(Format)}, back to back. */
    public static byte[] stream(Format format) {
        List<byte[]> frames = frames(format);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < EVENTS_PER_STREAM; i++) {
            out.writeBytes(frames.get(i % frames.size()));
        }
        return out.toByteArray();
    }

    static String eventName(String body, Format format) {
        String marker = format == Format.PLAIN ? "Event-Name: " : "\"Event-Name\":\"";
        int at = body.indexOf(marker);
        if (at < 0) {
            return "";
        }
        int from = at + marker.length();
        int to = from;
        while (to < body.length() && Character.isLetterOrDigit(body.charAt(to)) || to < body.length()
                && body.charAt(to) == '_') {
            to++;
        }
        return body.substring(from, to);
    }

    private static int contentLength(String head) {
        for (String line : head.split("\n")) {
            if (line.startsWith("Content-Length: ")) {
                return Integer.parseInt(line.substring("Content-Length: ".length()).trim());
            }
        }
        return 0;
    }

    private static int indexOf(byte[] bytes, String what, int from) {
        byte[] needle = what.getBytes(StandardCharsets.US_ASCII);
        outer:
        for (int i = from; i <= bytes.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (bytes[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static byte[] read(String resource) {
        try (InputStream in = CapturedEvents.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing benchmark resource " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
