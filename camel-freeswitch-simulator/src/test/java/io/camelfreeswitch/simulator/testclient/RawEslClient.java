package io.camelfreeswitch.simulator.testclient;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A deliberately tiny ESL client over a plain socket, independent of the component's codec: writes commands,
 * and a reader thread splits what comes back into frames and keeps the exact bytes.
 */
public final class RawEslClient implements AutoCloseable {

    private static final Frame CLOSED = new Frame(List.of(), "", "<closed>");

    private final Socket socket;
    private final OutputStream out;
    private final BlockingQueue<Frame> frames = new LinkedBlockingQueue<>();
    private final ByteArrayOutputStream received = new ByteArrayOutputStream();
    private final List<Frame> seen = new ArrayList<>();
    private volatile boolean closedByPeer;

    private RawEslClient(Socket socket) throws IOException {
        this.socket = socket;
        this.out = socket.getOutputStream();
        Thread reader = new Thread(this::readLoop, "raw-esl-client-reader");
        reader.setDaemon(true);
        reader.start();
    }

    public static RawEslClient connect(int port) throws IOException {
        Socket s = new Socket();
        s.connect(new InetSocketAddress("127.0.0.1", port), 5000);
        return new RawEslClient(s);
    }

    /** Accepts one connection on a listening socket (outbound mode: the simulator calls us). */
    public static RawEslClient accept(ServerSocket server, Duration timeout) throws IOException {
        server.setSoTimeout((int) timeout.toMillis());
        return new RawEslClient(server.accept());
    }

    /** Connects and authenticates; consumes auth/request and the +OK accepted reply. */
    public static RawEslClient authenticated(int port, String password) throws IOException {
        RawEslClient c = connect(port);
        c.expect("auth/request");
        c.send("auth " + password);
        Frame reply = c.expect("command/reply");
        if (!"+OK accepted".equals(reply.replyText())) {
            throw new IllegalStateException("auth failed: " + reply.raw());
        }
        return c;
    }

    public void send(String command) {
        sendRaw(command + "\n\n");
    }

    public void sendRaw(String bytes) {
        try {
            out.write(bytes.getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException e) {
            throw new IllegalStateException("send failed", e);
        }
    }

    public Frame next(Duration timeout) {
        try {
            Frame f = frames.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (f == null) {
                throw new AssertionError("no frame within " + timeout + "; seen so far: " + seen);
            }
            if (f == CLOSED) {
                frames.add(CLOSED);
                throw new AssertionError("connection closed; seen so far: " + seen);
            }
            seen.add(f);
            return f;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    public Frame next() {
        return next(Duration.ofSeconds(10));
    }

    /** The next frame of this Content-Type; events are skipped but kept in {@link #seen()}. */
    public Frame expect(String contentType) {
        return nextMatching(f -> contentType.equals(f.contentType()), Duration.ofSeconds(10));
    }

    public Frame nextMatching(Predicate<Frame> p, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("no matching frame within " + timeout + "; seen: " + seen);
            }
            Frame f = next(Duration.ofNanos(left));
            if (p.test(f)) {
                return f;
            }
        }
    }

    public Frame nextEvent(String name, Duration timeout) {
        return nextMatching(f -> f.isEvent() && name.equals(f.eventName()), timeout);
    }

    /** Reads frames until the peer closes; returns them. */
    public List<Frame> readUntilClosed(Duration timeout) {
        List<Frame> out = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                Frame f = frames.poll(Math.max(1, (deadline - System.nanoTime()) / 1_000_000), TimeUnit.MILLISECONDS);
                if (f == CLOSED) {
                    frames.add(CLOSED);
                    return out;
                }
                if (f == null) {
                    throw new AssertionError("peer did not close within " + timeout + "; got " + out);
                }
                seen.add(f);
                out.add(f);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    public boolean closedByPeer() {
        return closedByPeer;
    }

    public List<Frame> seen() {
        return seen;
    }

    /** Every byte received so far, exactly. */
    public synchronized String receivedBytes() {
        return received.toString(StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    private void readLoop() {
        try (InputStream in = socket.getInputStream()) {
            FrameReader reader = new FrameReader(in, b -> {
                synchronized (this) {
                    received.write(b, 0, b.length);
                }
            });
            Frame f;
            while ((f = reader.read()) != null) {
                frames.add(f);
            }
        } catch (IOException | RuntimeException unreadable) {
            // closed, or bytes that are not ESL (the garbage fault): like a real client, give up the connection
            try {
                socket.close();
            } catch (IOException ignored) {
                // already closed
            }
        } finally {
            closedByPeer = true;
            frames.add(CLOSED);
        }
    }

    /** Reads "headers\n\n[body of Content-Length]" frames from a stream. */
    static final class FrameReader {
        private final InputStream in;
        private final java.util.function.Consumer<byte[]> tap;

        FrameReader(InputStream in, java.util.function.Consumer<byte[]> tap) {
            this.in = in;
            this.tap = tap;
        }

        Frame read() throws IOException {
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            int prev = -1;
            while (true) {
                int b = in.read();
                if (b < 0) {
                    return null;
                }
                head.write(b);
                if (b == '\n' && prev == '\n') {
                    break;
                }
                prev = b;
            }
            byte[] headBytes = head.toByteArray();
            tap.accept(headBytes);
            String text = new String(headBytes, StandardCharsets.UTF_8);
            List<Map.Entry<String, String>> headers = new ArrayList<>();
            for (String line : text.split("\n")) {
                if (line.isEmpty()) {
                    continue;
                }
                int c = line.indexOf(": ");
                headers.add(c < 0 ? Map.entry(line.replace(":", ""), "") : Map.entry(line.substring(0, c), line.substring(c + 2)));
            }
            String body = "";
            for (Map.Entry<String, String> h : headers) {
                if (h.getKey().equals("Content-Length")) {
                    int n = Integer.parseInt(h.getValue().trim());
                    byte[] b = in.readNBytes(n);
                    tap.accept(b);
                    body = new String(b, StandardCharsets.UTF_8);
                    break;
                }
            }
            return new Frame(headers, body, text + body);
        }
    }
}
