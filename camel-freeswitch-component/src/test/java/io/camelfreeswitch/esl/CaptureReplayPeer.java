package io.camelfreeswitch.esl;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Plays FreeSWITCH's side of a recorded session on a real socket: the exact captured bytes, in order. On each
 * command received it writes the next reply frame plus the events that followed it in the capture (events are
 * sent eagerly so a client waiting for one, e.g. CHANNEL_EXECUTE_COMPLETE, does not have to send something first).
 * Execute correlation ids are the client's own, so the n-th {@code Event-UUID} we receive replaces the n-th
 * {@code Application-UUID} of the capture in everything sent afterwards (same length, Content-Length unchanged).
 */
final class CaptureReplayPeer {
    private static final Pattern APPLICATION_UUID = Pattern.compile("Application-UUID(?:: |\":\")([0-9a-f-]{36})");

    private final List<EslFrames.RawFrame> frames;
    private final List<String> captureApplicationUuids;
    private final Map<String, String> replacements = new LinkedHashMap<>();
    final List<String> commands = new CopyOnWriteArrayList<>();
    final CompletableFuture<Void> finished = new CompletableFuture<>();
    private int next;
    private int executes;

    CaptureReplayPeer(byte[] capture) {
        this.frames = EslFrames.split(capture);
        List<String> uuids = new ArrayList<>();
        Matcher m = APPLICATION_UUID.matcher(new String(capture, StandardCharsets.UTF_8));
        while (m.find()) {
            if (!uuids.contains(m.group(1))) {
                uuids.add(m.group(1));
            }
        }
        this.captureApplicationUuids = uuids;
    }

    /** Runs the replay on its own thread over an already connected socket. */
    void runOn(Socket socket) {
        Thread thread = new Thread(() -> {
            try (socket) {
                OutputStream out = socket.getOutputStream();
                InputStream in = socket.getInputStream();
                out.write(chunkBeforeFirstReply());
                out.flush();
                String command;
                while (next < frames.size() && (command = readCommand(in)) != null) {
                    commands.add(command);
                    noteExecute(command);
                    out.write(nextChunk());
                    out.flush();
                }
                finished.complete(null);
            } catch (IOException e) {
                finished.completeExceptionally(e);
            }
        }, "capture-replay");
        thread.setDaemon(true);
        thread.start();
    }

    private void noteExecute(String command) {
        if (command.startsWith("sendmsg") && command.contains("call-command: execute")) {
            String eventUuid = command.lines().filter(l -> l.startsWith("Event-UUID: ")).findFirst()
                    .map(l -> l.substring(12)).orElse(null);
            if (eventUuid != null && executes < captureApplicationUuids.size()) {
                replacements.put(captureApplicationUuids.get(executes), eventUuid);
            }
            executes++;
        }
    }

    private byte[] chunkBeforeFirstReply() {
        ByteArrayOutputStream chunk = new ByteArrayOutputStream();
        while (next < frames.size() && !frames.get(next).isReply()) {
            chunk.writeBytes(frames.get(next++).bytes());
        }
        return chunk.toByteArray();
    }

    /** The next reply frame and the non-reply frames after it. */
    private byte[] nextChunk() {
        ByteArrayOutputStream chunk = new ByteArrayOutputStream();
        if (next < frames.size()) {
            chunk.writeBytes(frames.get(next++).bytes());
        }
        chunk.writeBytes(chunkBeforeFirstReply());
        String text = chunk.toString(StandardCharsets.UTF_8);
        for (Map.Entry<String, String> r : replacements.entrySet()) {
            text = text.replace(r.getKey(), r.getValue());
        }
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Commands recorded from the capture's *.sent.txt, without their terminating blank line. */
    static List<String> sentCommands(byte[] sent) {
        String text = new String(sent, StandardCharsets.UTF_8);
        List<String> commands = new ArrayList<>();
        for (String command : text.split("\n\n")) {
            if (!command.isBlank()) {
                commands.add(command);
            }
        }
        return commands;
    }

    /** One command as mod_event_socket reads it: everything up to the blank line; {@code null} at end of stream. */
    static String readCommand(InputStream in) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        int previous = -1;
        int b;
        while ((b = in.read()) >= 0) {
            if (b == '\n' && previous == '\n') {
                String head = buffer.toString(StandardCharsets.UTF_8);
                return head.substring(0, head.length() - 1);
            }
            buffer.write(b);
            previous = b;
        }
        return null;
    }
}
