package io.camelfreeswitch.call.balancer;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.cluster.ClusterClientOptions;
import io.lettuce.core.cluster.ClusterTopologyRefreshOptions;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.lettuce.core.codec.StringCodec;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Where {@link RedisLoadBalancer} sends its commands: either a connection the application supplied (left open on
 * close), or a client this balancer created from a URI (connected lazily, closed on close): a standalone client, or a
 * cluster client for a {@link RedisClusterUri} form.
 */
abstract sealed class RedisConnector implements AutoCloseable {

    /** Commands ready to be sent; fails when no connection can be made. */
    abstract CompletableFuture<RedisClusterAsyncCommands<String, String>> commands();

    /** Names the server in error messages, never showing a password. */
    abstract String description();

    @Override
    public abstract void close();

    static RedisConnector supplied(RedisClusterAsyncCommands<String, String> commands, String description) {
        return new Supplied(commands, description);
    }

    static RedisConnector owned(RedisURI uri, Duration commandTimeout) {
        return new Owned(uri, commandTimeout);
    }

    static RedisConnector ownedCluster(List<RedisURI> seeds, Duration commandTimeout) {
        return new OwnedCluster(seeds, commandTimeout);
    }

    static String describe(RedisURI uri) {
        if (uri.getHost() == null) {
            return uri.getSocket() != null ? "redis-socket://" + uri.getSocket() : "Redis (sentinel)";
        }
        String database = uri.getDatabase() == 0 ? "" : "/" + uri.getDatabase();
        return (uri.isSsl() ? "rediss://" : "redis://") + uri.getHost() + ":" + uri.getPort() + database;
    }

    private static final class Supplied extends RedisConnector {
        private final CompletableFuture<RedisClusterAsyncCommands<String, String>> commands;
        private final String description;

        Supplied(RedisClusterAsyncCommands<String, String> commands, String description) {
            this.commands = CompletableFuture.completedFuture(commands);
            this.description = description;
        }

        @Override
        CompletableFuture<RedisClusterAsyncCommands<String, String>> commands() {
            return commands;
        }

        @Override
        String description() {
            return description;
        }

        @Override
        public void close() {
            // the application owns this connection
        }
    }

    private static final class Owned extends RedisConnector {
        private static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(2);
        private final RedisURI uri;
        private final RedisClient client;
        private final AtomicReference<CompletableFuture<StatefulRedisConnection<String, String>>> connection =
                new AtomicReference<>();

        Owned(RedisURI uri, Duration commandTimeout) {
            this.uri = RedisURI.builder(uri).withTimeout(commandTimeout).build();
            this.client = RedisClient.create(this.uri);
            // Fail fast rather than hang: commands time out, and while the connection is down they are rejected at
            // once instead of being queued until Redis comes back (the ring group must decide now, not later).
            client.setOptions(ClientOptions.builder()
                    .autoReconnect(true)
                    .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                    .timeoutOptions(TimeoutOptions.enabled(commandTimeout))
                    .socketOptions(SocketOptions.builder().connectTimeout(commandTimeout).build())
                    .build());
        }

        @Override
        CompletableFuture<RedisClusterAsyncCommands<String, String>> commands() {
            return connect().thenApply(StatefulRedisConnection::async);
        }

        private CompletableFuture<StatefulRedisConnection<String, String>> connect() {
            while (true) {
                CompletableFuture<StatefulRedisConnection<String, String>> current = connection.get();
                // once connected, Lettuce reconnects by itself; only a first connection that failed is tried again
                if (current != null && !current.isCompletedExceptionally()) {
                    return current;
                }
                CompletableFuture<StatefulRedisConnection<String, String>> attempt = new CompletableFuture<>();
                if (connection.compareAndSet(current, attempt)) {
                    client.connectAsync(StringCodec.UTF8, uri).whenComplete((connected, failure) -> {
                        if (failure != null) {
                            attempt.completeExceptionally(failure);
                        } else {
                            attempt.complete(connected);
                        }
                    });
                    return attempt;
                }
            }
        }

        @Override
        String description() {
            return describe(uri);
        }

        @Override
        public void close() {
            CompletableFuture<StatefulRedisConnection<String, String>> current = connection.get();
            if (current == null || current.isDone()) {
                if (current != null && !current.isCompletedExceptionally()) {
                    current.join().close();
                }
                client.shutdown(Duration.ZERO, SHUTDOWN_TIMEOUT);
                return;
            }
            // a connection still being made completes on a Lettuce I/O thread, where close() must not block: shut
            // the client down once that connection is closed (or failed), never before, or Lettuce's per-channel
            // buffer is never released because the channel is never unregistered
            current.handle((made, failure) -> made == null
                            ? CompletableFuture.<Void>completedFuture(null)
                            : made.closeAsync())
                    .thenCompose(closing -> closing)
                    .orTimeout(SHUTDOWN_TIMEOUT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)
                    .whenComplete((ignored, e) -> client.shutdownAsync(0, SHUTDOWN_TIMEOUT.toMillis(),
                            java.util.concurrent.TimeUnit.MILLISECONDS));
        }
    }

    /**
     * A Redis Cluster client: commands go to the master of their slot (all of a balancer's keys share one slot).
     * The topology is refreshed when a node reports MOVED/ASK or cannot be reached, and periodically, so a failover is
     * followed without a restart; while the slot's master is down, commands fail after at most commandTimeout.
     */
    private static final class OwnedCluster extends RedisConnector {
        private static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(2);
        private static final Duration TOPOLOGY_REFRESH = Duration.ofSeconds(30);
        private final List<RedisURI> seeds;
        private final RedisClusterClient client;
        private final AtomicReference<CompletableFuture<StatefulRedisClusterConnection<String, String>>> connection =
                new AtomicReference<>();

        OwnedCluster(List<RedisURI> seeds, Duration commandTimeout) {
            this.seeds = seeds.stream()
                    .map(seed -> RedisURI.builder(seed).withTimeout(commandTimeout).build())
                    .toList();
            this.client = RedisClusterClient.create(this.seeds);
            client.setOptions(ClusterClientOptions.builder()
                    .autoReconnect(true)
                    // the connection to a slot's master is opened on its first command, so rejecting commands while
                    // disconnected would reject that first command too: they wait instead, at most commandTimeout
                    .disconnectedBehavior(ClientOptions.DisconnectedBehavior.ACCEPT_COMMANDS)
                    .timeoutOptions(TimeoutOptions.enabled(commandTimeout))
                    .socketOptions(SocketOptions.builder().connectTimeout(commandTimeout).build())
                    .topologyRefreshOptions(ClusterTopologyRefreshOptions.builder()
                            .enableAllAdaptiveRefreshTriggers()
                            .enablePeriodicRefresh(TOPOLOGY_REFRESH)
                            .build())
                    .build());
        }

        @Override
        CompletableFuture<RedisClusterAsyncCommands<String, String>> commands() {
            while (true) {
                CompletableFuture<StatefulRedisClusterConnection<String, String>> current = connection.get();
                if (current != null && !current.isCompletedExceptionally()) {
                    return current.thenApply(StatefulRedisClusterConnection::async);
                }
                CompletableFuture<StatefulRedisClusterConnection<String, String>> attempt = new CompletableFuture<>();
                if (connection.compareAndSet(current, attempt)) {
                    // the asynchronous connect needs the topology first, and reading it must not block either
                    client.refreshPartitionsAsync().toCompletableFuture()
                            .thenCompose(topology -> client.connectAsync(StringCodec.UTF8))
                            .whenComplete((connected, failure) -> {
                        if (failure != null) {
                            attempt.completeExceptionally(failure);
                        } else {
                            attempt.complete(connected);
                        }
                    });
                    return attempt.thenApply(StatefulRedisClusterConnection::async);
                }
            }
        }

        @Override
        String description() {
            return RedisClusterUri.describe(seeds);
        }

        @Override
        public void close() {
            CompletableFuture<StatefulRedisClusterConnection<String, String>> current = connection.get();
            // as for a standalone client: never block a Lettuce I/O thread, and shut the client down only once the
            // connection is closed
            CompletableFuture<Void> closing = current == null ? CompletableFuture.completedFuture(null)
                    : current.handle((made, failure) -> made == null
                                    ? CompletableFuture.<Void>completedFuture(null)
                                    : made.closeAsync())
                            .thenCompose(c -> c);
            closing.orTimeout(SHUTDOWN_TIMEOUT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)
                    .whenComplete((ignored, e) -> client.shutdownAsync(0, SHUTDOWN_TIMEOUT.toMillis(),
                            java.util.concurrent.TimeUnit.MILLISECONDS));
        }
    }
}
