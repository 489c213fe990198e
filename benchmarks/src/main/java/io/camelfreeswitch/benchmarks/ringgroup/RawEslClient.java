package io.camelfreeswitch.benchmarks.ringgroup;

import io.camelfreeswitch.benchmarks.harness.Simulators;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The ceiling: the same PARALLEL ring-group protocol with no framework at all. One blocking socket, one reader thread
 * that cuts frames and finds the few headers it needs with {@code indexOf}, replies correlated FIFO. Per group: three
 * {@code bgapi originate} with client-chosen uuids; on the first CHANNEL_ANSWER, {@code bgapi uuid_kill <loser>
 * LOSE_RACE} for the others; the group completes once the winner answered and its originate job said {@code +OK}
 * (as the component does), then the winner is hung up with {@code sendmsg} and its reply awaited. No validation, no
 * reconnect, no timeouts, no leak protection: not something to run a product on.
 */
final class RawEslClient implements AutoCloseable {
    private static final boolean DEBUG = Boolean.getBoolean("raw.debug");
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final Queue<CompletableFuture<String>> replies = new ArrayDeque<>();
    private final ConcurrentMap<String, Group> byLeg = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Group> byJob = new ConcurrentHashMap<>();
    private final Thread reader;
    private volatile boolean closing;

    /** The least a PARALLEL group needs to hear. */
    static final String MINIMAL_EVENTS = "CHANNEL_ANSWER BACKGROUND_JOB";

    RawEslClient(String host, int port, String password, String events) throws IOException {
        socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.connect(new InetSocketAddress(host, port));
        in = new BufferedInputStream(socket.getInputStream(), 65536);
        out = new BufferedOutputStream(socket.getOutputStream(), 8192);
        readFrame(); // auth/request
        write("auth " + password + "\n\n");
        expectOk(readFrame());
        write("event plain " + events + "\n\n");
        expectOk(readFrame());
        reader = new Thread(this::readLoop, "raw-esl-reader");
        reader.setDaemon(true);
        reader.start();
    }

    /** Rings {@code destinations} in parallel; completes with the latency (µs) from the winner's CHANNEL_ANSWER. */
    CompletableFuture<Long> ringParallel(List<String> destinations) {
        Group group = new Group(destinations.size());
        StringBuilder commands = new StringBuilder(256 * destinations.size());
        for (int i = 0; i < destinations.size(); i++) {
            String leg = UUID.randomUUID().toString();
            String job = UUID.randomUUID().toString();
            group.legs[i] = leg;
            group.jobs[i] = job;
            byLeg.put(leg, group);
            byJob.put(job, group);
            commands.append("bgapi originate {origination_uuid=").append(leg).append(",originate_timeout=30}")
                    .append(destinations.get(i)).append(" &park()\nJob-UUID: ").append(job).append("\n\n");
        }
        long t0 = System.nanoTime();
        send(commands.toString(), destinations.size());
        return group.done.thenCompose(latency -> {
            long t1 = System.nanoTime();
            CompletableFuture<String> hungUp = send("sendmsg " + group.legs[group.winner]
                    + "\ncall-command: hangup\nhangup-cause: NORMAL_CLEARING\n\n", 1);
            return hungUp.thenApply(reply -> {
                if (DEBUG) {
                    System.out.printf("raw group: start->done %.2f ms, hangup %.2f ms%n", (t1 - t0) / 1e6,
                            (System.nanoTime() - t1) / 1e6);
                }
                return latency;
            });
        });
    }

    private final class Group {
        final String[] legs;
        final String[] jobs;
        final CompletableFuture<Long> done = new CompletableFuture<>();
        int winner = -1;
        long answeredMicros;
        boolean winnerJobOk;
        int jobsDone;

        Group(int size) {
            legs = new String[size];
            jobs = new String[size];
        }

        synchronized void answered(String leg, long micros) {
            if (winner >= 0) {
                return;
            }
            for (int i = 0; i < legs.length; i++) {
                if (legs[i].equals(leg)) {
                    winner = i;
                }
            }
            answeredMicros = micros;
            StringBuilder kills = new StringBuilder();
            int count = 0;
            for (int i = 0; i < legs.length; i++) {
                if (i != winner) {
                    kills.append("bgapi uuid_kill ").append(legs[i]).append(" LOSE_RACE\n\n");
                    count++;
                }
            }
            if (count > 0) {
                send(kills.toString(), count);
            }
            completeIfReady();
        }

        synchronized void jobDone(String job, boolean ok) {
            jobsDone++;
            if (ok && winner >= 0 && jobs[winner].equals(job)) {
                winnerJobOk = true;
            } else if (ok && winner < 0) {
                // +OK before the answer event was read: remember which leg's job it was
                for (int i = 0; i < jobs.length; i++) {
                    if (jobs[i].equals(job)) {
                        okBeforeAnswer = i;
                    }
                }
            }
            byJob.remove(job);
            completeIfReady();
            if (jobsDone == jobs.length) {
                for (String leg : legs) {
                    byLeg.remove(leg);
                }
            }
        }

        int okBeforeAnswer = -1;

        private void completeIfReady() {
            if (winner >= 0 && (winnerJobOk || okBeforeAnswer == winner) && !done.isDone()) {
                done.complete(Simulators.nowMicros() - answeredMicros);
            }
        }
    }

    private CompletableFuture<String> send(String commands, int replyCount) {
        CompletableFuture<String> last = null;
        synchronized (replies) {
            for (int i = 0; i < replyCount; i++) {
                last = new CompletableFuture<>();
                replies.add(last);
            }
            try {
                write(commands);
            } catch (IOException e) {
                last.completeExceptionally(e);
            }
        }
        return last;
    }

    private void write(String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private void readLoop() {
        try {
            while (!closing) {
                String[] frame = readFrame();
                String head = frame[0];
                if (head.contains("Content-Type: command/reply")) {
                    CompletableFuture<String> reply;
                    synchronized (replies) {
                        reply = replies.poll();
                    }
                    if (reply != null) {
                        reply.complete(head);
                    }
                } else if (head.contains("Content-Type: text/event-plain")) {
                    onEvent(frame[1]);
                }
            }
        } catch (IOException e) {
            if (!closing) {
                e.printStackTrace();
            }
        }
    }

    private void onEvent(String body) {
        String name = value(body, "Event-Name: ");
        if ("CHANNEL_ANSWER".equals(name)) {
            Group group = byLeg.get(value(body, "Unique-ID: "));
            if (group != null) {
                group.answered(value(body, "Unique-ID: "), Long.parseLong(value(body, "Event-Date-Timestamp: ")));
            }
        } else if ("BACKGROUND_JOB".equals(name)) {
            String job = value(body, "Job-UUID: ");
            Group group = byJob.get(job);
            if (group != null) {
                int blank = body.indexOf("\n\n");
                group.jobDone(job, blank >= 0 && body.startsWith("+OK", blank + 2));
            }
        }
    }

    private static String value(String body, String prefix) {
        int at = body.startsWith(prefix) ? 0 : body.indexOf("\n" + prefix);
        if (at < 0) {
            return null;
        }
        int from = at + (at == 0 ? 0 : 1) + prefix.length();
        int to = body.indexOf('\n', from);
        return body.substring(from, to < 0 ? body.length() : to);
    }

    /** {header block, body}, both ISO-8859-1 strings (every byte one char: cheap, and enough to find ASCII). */
    private String[] readFrame() throws IOException {
        StringBuilder head = new StringBuilder(128);
        int contentLength = 0;
        int lineStart = 0;
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("connection closed");
            }
            if (b == '\n') {
                if (head.length() == lineStart) {
                    if (lineStart == 0) {
                        continue;
                    }
                    break;
                }
                if (head.indexOf("Content-Length: ", lineStart) == lineStart) {
                    contentLength = Integer.parseInt(head.substring(lineStart + 16).trim());
                }
                head.append('\n');
                lineStart = head.length();
            } else {
                head.append((char) b);
            }
        }
        byte[] body = in.readNBytes(contentLength);
        return new String[] {head.toString(), new String(body, StandardCharsets.ISO_8859_1)};
    }

    private static void expectOk(String[] reply) {
        if (!reply[0].contains("Reply-Text: +OK")) {
            throw new IllegalStateException("ESL refused: " + reply[0]);
        }
    }

    @Override
    public void close() throws IOException {
        closing = true;
        socket.close();
    }
}
