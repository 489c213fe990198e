package io.camelfreeswitch.call.balancer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import redis.embedded.RedisServer;

/**
 * The Redis server the tests talk to: the one named by the environment variable {@value #URI_VARIABLE} if set,
 * otherwise a real redis-server started once for the whole test run from the binary shipped in embedded-redis.
 * Tests isolate themselves with a key prefix of their own, so an external server may be shared.
 */
public final class TestRedis {

    static final String URI_VARIABLE = "CAMEL_FREESWITCH_REDIS_URI";

    private static String uri;

    private TestRedis() {
    }

    public static synchronized String uri() {
        if (uri == null) {
            String external = System.getenv(URI_VARIABLE);
            uri = external != null && !external.isBlank() ? external : startEmbedded(null).uri;
        }
        return uri;
    }

    static boolean external() {
        String external = System.getenv(URI_VARIABLE);
        return external != null && !external.isBlank();
    }

    /** A server of its own, which the caller may stop at any moment. */
    static Embedded startEmbedded(String password) {
        int port = freePort();
        try {
            RedisServer server = RedisServer.newRedisServer()
                    .bind("127.0.0.1")
                    .port(port)
                    .setting("save \"\"")
                    .setting("appendonly no")
                    .settingIf(password != null, "requirepass " + password)
                    .build();
            server.start();
            Embedded embedded = new Embedded(server, (password == null ? "redis://" : "redis://:" + password + "@")
                    + "127.0.0.1:" + port);
            Runtime.getRuntime().addShutdownHook(new Thread(embedded::stop));
            return embedded;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded redis-server", e);
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static final class Embedded {
        private final RedisServer server;
        final String uri;

        Embedded(RedisServer server, String uri) {
            this.server = server;
            this.uri = uri;
        }

        synchronized void start() {
            try {
                if (!server.isActive()) {
                    server.start();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        synchronized void stop() {
            try {
                if (server.isActive()) {
                    server.stop();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
