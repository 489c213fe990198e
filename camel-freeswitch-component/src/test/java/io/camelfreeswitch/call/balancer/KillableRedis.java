package io.camelfreeswitch.call.balancer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A Redis the test can kill mid-test. Normally a redis-server process of its own, stopped for real. When the tests are
 * pointed at an external server ({@value TestRedis#URI_VARIABLE}), which must not be killed, it is reached through a
 * TCP relay instead, and killing cuts every connection and refuses new ones: what a client sees when the server dies.
 */
abstract sealed class KillableRedis implements AutoCloseable {

    static final String PASSWORD = "s3cret-pass";

    static KillableRedis start() {
        return TestRedis.external() ? new Relayed(TestRedis.uri()) : new OwnProcess();
    }

    /** The URI to connect to; carries {@link #PASSWORD} for a server of its own. */
    abstract String uri();

    /** The same URI as error messages may show it: no password. */
    abstract String safeUri();

    abstract void kill();

    /** Brings it back on the same port; an own process comes back empty, as after a restart without persistence. */
    abstract void revive();

    @Override
    public void close() {
        kill();
    }

    private static final class OwnProcess extends KillableRedis {
        private final TestRedis.Embedded server = TestRedis.startEmbedded(PASSWORD);

        @Override
        String uri() {
            return server.uri;
        }

        @Override
        String safeUri() {
            return server.uri.replace(":" + PASSWORD + "@", "");
        }

        @Override
        void kill() {
            server.stop();
        }

        @Override
        void revive() {
            server.start();
        }
    }

    private static final class Relayed extends KillableRedis {
        private final URI target;
        private volatile ServerSocket listener;
        private final List<Socket> sockets = new CopyOnWriteArrayList<>();

        Relayed(String targetUri) {
            this.target = URI.create(targetUri);
            listen(0);
        }

        private void listen(int port) {
            try {
                ServerSocket socket = new ServerSocket();
                socket.setReuseAddress(true);
                socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
                this.listener = socket;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            ServerSocket listener = this.listener;
            Thread acceptor = new Thread(() -> accept(listener), "killable-redis-relay");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        private void accept(ServerSocket listener) {
            while (!listener.isClosed()) {
                try {
                    Socket client = listener.accept();
                    Socket server = new Socket(target.getHost(), target.getPort() == -1 ? 6379 : target.getPort());
                    sockets.add(client);
                    sockets.add(server);
                    pump(client, server);
                    pump(server, client);
                } catch (IOException e) {
                    // listener closed by kill()
                }
            }
        }

        private void pump(Socket from, Socket to) {
            Thread pump = new Thread(() -> {
                try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                    in.transferTo(out);
                } catch (IOException e) {
                    // connection cut
                } finally {
                    closeQuietly(from);
                    closeQuietly(to);
                }
            }, "killable-redis-pump");
            pump.setDaemon(true);
            pump.start();
        }

        @Override
        String uri() {
            String userInfo = target.getRawUserInfo() == null ? "" : target.getRawUserInfo() + "@";
            String path = target.getRawPath() == null ? "" : target.getRawPath();
            return target.getScheme() + "://" + userInfo + "127.0.0.1:" + listener.getLocalPort() + path;
        }

        @Override
        String safeUri() {
            return "redis://127.0.0.1:" + listener.getLocalPort();
        }

        @Override
        void kill() {
            closeQuietly(listener);
            sockets.forEach(KillableRedis::closeQuietly);
            sockets.clear();
        }

        @Override
        void revive() {
            listen(listener.getLocalPort());
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // already closed
        }
    }
}
