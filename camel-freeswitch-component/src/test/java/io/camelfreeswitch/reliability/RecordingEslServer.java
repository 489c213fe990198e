package io.camelfreeswitch.reliability;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A bare-socket stand-in for FreeSWITCH's event socket that records exactly which commands the client's bytes
 * amount to, split the way mod_event_socket splits them: a command is the lines up to an empty line, and a
 * {@code Content-Length} header announces a body. Every command gets {@code +OK}; {@code auth} is accepted unless
 * the server was built to refuse it. Blocking I/O on its own threads, so nothing of the client under test is reused.
 */
final class RecordingEslServer implements AutoCloseable {

    /** One command as FreeSWITCH would read it. */
    record Command(String line, List<String[]> headers, String body) {
        String header(String name) {
            return headers.stream().filter(h -> h[0].equalsIgnoreCase(name)).map(h -> h[1]).findFirst().orElse(null);
        }
    }

    private final ServerSocket listener;
    private final boolean acceptAuth;
    private final List<Command> commands = new CopyOnWriteArrayList<>();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final AtomicInteger connections = new AtomicInteger();

    RecordingEslServer(boolean acceptAuth) throws IOException {
        this.acceptAuth = acceptAuth;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::acceptLoop, "recording-esl-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return listener.getLocalPort();
    }

    /** Every command received so far, on every connection, in arrival order. */
    List<Command> commands() {
        return List.copyOf(commands);
    }

    int connections() {
        return connections.get();
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            try {
                Socket socket = listener.accept();
                connections.incrementAndGet();
                sockets.add(socket);
                Thread reader = new Thread(() -> serve(socket), "recording-esl-conn");
                reader.setDaemon(true);
                reader.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket; InputStream in = socket.getInputStream(); OutputStream out = socket.getOutputStream()) {
            out.write("Content-Type: auth/request\n\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            while (true) {
                Command command = read(in);
                if (command == null) {
                    return;
                }
                commands.add(command);
                String line = command.line();
                if (line.startsWith("auth ") || line.startsWith("userauth ")) {
                    out.write(("Content-Type: command/reply\nReply-Text: " + (acceptAuth ? "+OK accepted" : "-ERR invalid")
                            + "\n\n").getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    if (!acceptAuth) {
                        out.write("Content-Type: text/disconnect-notice\nContent-Length: 0\n\n"
                                .getBytes(StandardCharsets.US_ASCII));
                        return;
                    }
                } else if (line.startsWith("api ")) {
                    out.write("Content-Type: api/response\nContent-Length: 3\n\n+OK".getBytes(StandardCharsets.US_ASCII));
                } else if (line.equals("exit")) {
                    out.write("Content-Type: command/reply\nReply-Text: +OK bye\n\n".getBytes(StandardCharsets.US_ASCII));
                    return;
                } else {
                    out.write("Content-Type: command/reply\nReply-Text: +OK\n\n".getBytes(StandardCharsets.US_ASCII));
                }
                out.flush();
            }
        } catch (IOException gone) {
            // the client went away
        }
    }

    /** Reads one command: header lines up to an empty line, then Content-Length bytes. Null at end of stream. */
    static Command read(InputStream in) throws IOException {
        List<String> lines = new ArrayList<>();
        while (true) {
            String line = readLine(in);
            if (line == null) {
                return null;
            }
            if (line.isEmpty()) {
                if (lines.isEmpty()) {
                    continue;
                }
                break;
            }
            lines.add(line);
        }
        List<String[]> headers = new ArrayList<>();
        int length = 0;
        for (String header : lines.subList(1, lines.size())) {
            int colon = header.indexOf(':');
            String name = colon < 0 ? header : header.substring(0, colon);
            String value = colon < 0 ? "" : header.substring(colon + 1);
            while (value.startsWith(" ")) {
                value = value.substring(1); // as mod_event_socket does: the spaces after the colon go
            }
            headers.add(new String[] {name, value});
            if (name.equalsIgnoreCase("Content-Length")) {
                length = Integer.parseInt(value.strip());
            }
        }
        String body = null;
        if (length > 0) {
            byte[] bytes = in.readNBytes(length);
            body = new String(bytes, StandardCharsets.UTF_8);
        }
        return new Command(lines.get(0), headers, body);
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        while (true) {
            int b = in.read();
            if (b < 0) {
                return null;
            }
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                int end = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, end, StandardCharsets.UTF_8);
            }
            line.write(b);
        }
    }

    /** Cuts every connection (the listener stays). */
    void dropConnections() {
        sockets.forEach(s -> {
            try {
                s.close();
            } catch (IOException ignored) {
                // already closed
            }
        });
        sockets.clear();
    }

    @Override
    public void close() throws IOException {
        listener.close();
        dropConnections();
    }
}
