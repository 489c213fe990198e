package io.camelfreeswitch.reliability;

import redis.embedded.RedisServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/**
 * A real redis-server of the test's own (the binary shipped in embedded-redis), which the test may stop and start
 * again on the same port: without persistence it comes back empty, as after a crash. Keys are prefixed per test, so
 * {@link #sharedUri()} honours {@code CAMEL_FREESWITCH_REDIS_URI} for runs against an external server.
 */
final class ReliabilityRedis implements AutoCloseable {

    private final RedisServer server;
    private final int port;

    private ReliabilityRedis(int port) {
        this.port = port;
        try {
            this.server = RedisServer.newRedisServer().bind("127.0.0.1").port(port).setting("save \"\"")
                    .setting("appendonly no").build();
        } catch (IOException e) {
            throw new UncheckedIOException("could not prepare the embedded redis-server", e);
        }
    }

    static ReliabilityRedis start() {
        ReliabilityRedis redis = new ReliabilityRedis(freePort());
        redis.startAgain();
        return redis;
    }

    /** An external server named by the environment, or null to use one of our own. */
    static String externalUri() {
        String external = System.getenv("CAMEL_FREESWITCH_REDIS_URI");
        return external == null || external.isBlank() ? null : external;
    }

    String uri() {
        return "redis://127.0.0.1:" + port;
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

    synchronized void startAgain() {
        try {
            if (!server.isActive()) {
                server.start();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        stop();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
