package io.camelfreeswitch.esl;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiFunction;

/**
 * A tiny FreeSWITCH stand-in on a real TCP socket (plain blocking java.net, one thread per connection): greets with
 * {@code auth/request}, checks the password, and answers each command through a script the test supplies. Every
 * command received is recorded, per connection, exactly as written on the wire.
 */
final class ScriptedEslServer implements AutoCloseable {
    /** Answers a command: returns what to write (may be empty), or null to write nothing for now. */
    interface Script extends BiFunction<Connection, String, String> {
    }

    private final ServerSocket serverSocket;
    private final String password;
    private final List<Connection> connections = new CopyOnWriteArrayList<>();
    private final Thread acceptor;
    private volatile Script script = (connection, command) -> defaultAnswer(command);
    private volatile boolean refuseAll;

    ScriptedEslServer(String password) throws IOException {
        this.password = password;
        this.serverSocket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.acceptor = new Thread(this::acceptLoop, "scripted-esl-acceptor");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return serverSocket.getLocalPort();
    }

    void script(Script script) {
        this.script = script;
    }

    List<Connection> connections() {
        return connections;
    }

    Connection connection(int index) {
        return connections.get(index);
    }

    Connection lastConnection() {
        return connections.get(connections.size() - 1);
    }

    void dropAll() {
        connections.forEach(Connection::close);
    }

    /** The usual FreeSWITCH answers, enough for a client to get going. */
    static String defaultAnswer(String command) {
        String line = command.lines().findFirst().orElse("");
        if (line.startsWith("event ")) {
            return EslFrames.reply("+OK event listener enabled " + line.split(" ")[1]);
        }
        if (line.startsWith("nixevent")) {
            return EslFrames.reply("+OK events removed");
        }
        if (line.startsWith("filter delete")) {
            return EslFrames.reply("+OK filter deleted.");
        }
        if (line.startsWith("filter ")) {
            return EslFrames.reply("+OK filter added.");
        }
        if (line.startsWith("api ")) {
            return EslFrames.apiResponse("+OK " + line.substring(4) + "\n");
        }
        if (line.startsWith("bgapi ")) {
            String job = command.lines().filter(l -> l.startsWith("Job-UUID: ")).map(l -> l.substring(10))
                    .findFirst().orElse("server-job");
            return EslFrames.reply("+OK Job-UUID: " + job) .replace("\n\n", "\nJob-UUID: " + job + "\n\n");
        }
        if (line.startsWith("sendmsg") || line.startsWith("sendevent")) {
            return EslFrames.reply("+OK");
        }
        if (line.equals("exit")) {
            return EslFrames.reply("+OK bye") + EslFrames.disconnectNotice();
        }
        return EslFrames.reply("-ERR command not found");
    }

    private void acceptLoop() {
        while (!serverSocket.isClosed()) {
            try {
                Socket socket = serverSocket.accept();
                Connection connection = new Connection(socket);
                connections.add(connection);
                connection.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    @Override
    public void close() throws IOException {
        serverSocket.close();
        dropAll();
    }

    final class Connection {
        private final Socket socket;
        private final OutputStream out;
        private final InputStream in;
        final List<String> commands = new CopyOnWriteArrayList<>();
        private volatile boolean authenticated;

        Connection(Socket socket) throws IOException {
            this.socket = socket;
            this.socket.setTcpNoDelay(true);
            this.out = socket.getOutputStream();
            this.in = socket.getInputStream();
        }

        void start() {
            Thread reader = new Thread(this::readLoop, "scripted-esl-conn-" + connections.size());
            reader.setDaemon(true);
            reader.start();
        }

        /** Commands' first lines, in order. */
        List<String> commandLines() {
            return commands.stream().map(c -> c.lines().findFirst().orElse("")).toList();
        }

        synchronized void send(String text) {
            sendBytes(text.getBytes(StandardCharsets.UTF_8));
        }

        synchronized void sendBytes(byte[] bytes) {
            try {
                out.write(bytes);
                out.flush();
            } catch (IOException e) {
                // the client went away; the test will notice through its own assertions
            }
        }

        boolean isClosed() {
            return socket.isClosed();
        }

        void close() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }

        private void readLoop() {
            send(EslFrames.authRequest());
            try {
                String command;
                while ((command = readCommand()) != null) {
                    commands.add(command);
                    if (!authenticated) {
                        if (command.equals("auth " + password) || command.matches("userauth [^:]+:" + java.util.regex.Pattern.quote(password))) {
                            authenticated = true;
                            send(EslFrames.reply("+OK accepted"));
                        } else {
                            send(EslFrames.reply("-ERR invalid") + EslFrames.disconnectNotice());
                            close();
                            return;
                        }
                        continue;
                    }
                    String answer = script.apply(this, command);
                    if (answer != null && !answer.isEmpty()) {
                        send(answer);
                    }
                    if (command.equals("exit")) {
                        close();
                        return;
                    }
                }
            } catch (SocketException e) {
                // dropped by the test or by the client
            } catch (IOException e) {
                // same
            } finally {
                close();
            }
        }

        /** One command: lines up to an empty line, plus a Content-Length body if announced; no trailing "\n\n". */
        private String readCommand() throws IOException {
            ByteArrayOutputStream buffer = new ByteArrayOutputStream();
            int previous = -1;
            int b;
            while ((b = in.read()) >= 0) {
                if (b == '\n' && previous == '\n') {
                    String head = buffer.toString(StandardCharsets.UTF_8);
                    head = head.substring(0, head.length() - 1);
                    int length = head.lines().filter(l -> l.startsWith("Content-Length: "))
                            .mapToInt(l -> Integer.parseInt(l.substring(16).trim())).findFirst().orElse(0);
                    if (length > 0) {
                        byte[] body = in.readNBytes(length);
                        return head + "\n\n" + new String(body, StandardCharsets.UTF_8);
                    }
                    return head;
                }
                buffer.write(b);
                previous = b;
            }
            return null;
        }
    }
}
