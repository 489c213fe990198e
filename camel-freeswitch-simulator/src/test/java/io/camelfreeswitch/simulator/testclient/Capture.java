package io.camelfreeswitch.simulator.testclient;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** A real FreeSWITCH session from src/test/resources/captures: the frames received and the commands sent. */
public final class Capture {

    public static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private final List<Frame> frames;
    private final List<String> commands;

    private Capture(List<Frame> frames, List<String> commands) {
        this.frames = frames;
        this.commands = commands;
    }

    public static Capture load(String name) {
        byte[] raw = resource("/captures/" + name + ".raw.txt");
        List<Frame> frames = parseFrames(raw);
        List<String> commands = new ArrayList<>();
        byte[] sent = resourceOrNull("/captures/" + name + ".sent.txt");
        if (sent != null) {
            for (String c : new String(sent, StandardCharsets.UTF_8).split("\n\n")) {
                if (!c.isBlank()) {
                    commands.add(c);
                }
            }
        }
        return new Capture(frames, commands);
    }

    public static byte[] resource(String path) {
        byte[] b = resourceOrNull(path);
        if (b == null) {
            throw new IllegalArgumentException("missing test resource " + path);
        }
        return b;
    }

    private static byte[] resourceOrNull(String path) {
        try (InputStream in = Capture.class.getResourceAsStream(path)) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<Frame> parseFrames(byte[] raw) {
        RawEslClient.FrameReader reader = new RawEslClient.FrameReader(new ByteArrayInputStream(raw), b -> { });
        List<Frame> out = new ArrayList<>();
        try {
            Frame f;
            while ((f = reader.read()) != null) {
                out.add(f);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    public List<Frame> frames() {
        return frames;
    }

    public List<String> commands() {
        return commands;
    }

    /** Event names of one channel, in delivery order. */
    public static List<String> eventNamesOf(List<Frame> frames, String uuid) {
        return frames.stream().filter(Frame::isEvent).filter(f -> uuid.equals(f.event().get("Unique-ID")))
                .map(Frame::eventName).toList();
    }

    /** The BACKGROUND_JOB bodies, uuids replaced by {@code <uuid>}. */
    public static List<String> backgroundJobBodies(List<Frame> frames) {
        return frames.stream().filter(Frame::isEvent).filter(f -> "BACKGROUND_JOB".equals(f.eventName()))
                .map(f -> normalise(f.event().get("_body"))).toList();
    }

    /** Non-event frames as "content-type | reply text or body", uuids normalised. */
    public static List<String> replies(List<Frame> frames) {
        return frames.stream().filter(f -> !f.isEvent()).map(f -> {
            String ct = f.contentType() == null ? "command/reply(channel data)" : f.contentType();
            String detail = "command/reply".equals(ct) ? f.replyText() : f.body();
            if ("api/response".equals(ct) && detail.startsWith("UP ")) {
                detail = "UP ...";
            }
            return ct + " | " + normalise(detail == null ? "" : detail);
        }).toList();
    }

    /** For each event name: the non-variable header names seen on the given channels' events (and BACKGROUND_JOB). */
    public static Map<String, Set<String>> headerNames(List<Frame> frames, Set<String> uuids, boolean variables) {
        Map<String, Set<String>> out = new LinkedHashMap<>();
        for (Frame f : frames) {
            if (!f.isEvent()) {
                continue;
            }
            Map<String, String> e = f.event();
            if (!"BACKGROUND_JOB".equals(e.get("Event-Name")) && !uuids.contains(e.get("Unique-ID"))) {
                continue;
            }
            Set<String> names = out.computeIfAbsent(e.get("Event-Name"), k -> new LinkedHashSet<>());
            for (Map.Entry<String, String> h : f.eventHeaderList()) {
                if (h.getKey().startsWith("variable_") == variables && !h.getKey().equals("_body")) {
                    names.add(h.getKey());
                }
            }
        }
        return out;
    }

    public static String normalise(String s) {
        return s == null ? null : UUID.matcher(s).replaceAll("<uuid>");
    }

    public static List<String> words(String s) {
        return Arrays.asList(s.trim().split("\\s+"));
    }
}
