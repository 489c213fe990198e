package io.camelfreeswitch.call.balancer;

import io.lettuce.core.AbstractRedisClient;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.cluster.ClusterClientOptions;
import io.lettuce.core.cluster.ClusterTopologyRefreshOptions;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.lettuce.core.codec.StringCodec;
import io.netty.util.concurrent.FastThreadLocalThread;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Where {@link RedisLoadBalancer} sends its commands: either a connection the application supplied (left open on
 * close), or a client this balancer created from a URI (connected lazily, closed on close): a standalone client, or a
 * cluster client for a {@link RedisClusterUri} form.
 */
abstract sealed class RedisConnector implements AutoCloseable {

    private volatile boolean closed;

    /**
     * Commands ready to be sent; fails when no connection can be made, or with {@link BalancerClosedException} once
     * closed.
     */
    final CompletableFuture<RedisClusterAsyncCommands<String, String>> commands() {
        return closed ? CompletableFuture.failedFuture(new BalancerClosedException()) : connection();
    }

    abstract CompletableFuture<RedisClusterAsyncCommands<String, String>> connection();

    /** Names the server in error messages, never showing a password. */
    abstract String description();

    /** Refuses every command from now on, and lets go of what this connector owns. */
    @Override
    public final void close() {
        closed = true;
        release();
    }

    abstract void release();

    static RedisConnector supplied(RedisClusterAsyncCommands<String, String> commands, String description) {
        return new Supplied(commands, description);
    }

    static RedisConnector owned(RedisURI uri, Duration commandTimeout) {
        return Standalone.create(uri, commandTimeout);
    }

    static RedisConnector ownedCluster(List<RedisURI> seeds, Duration commandTimeout) {
        return Cluster.create(seeds, commandTimeout);
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
        CompletableFuture<RedisClusterAsyncCommands<String, String>> connection() {
            return commands;
        }

        @Override
        String description() {
            return description;
        }

        @Override
        void release() {
            // the application owns this connection
        }
    }

    /**
     * A client this balancer created, connected on first use and closed with the balancer. Connecting and closing are
     * written once here; the standalone and cluster clients only say how to connect.
     */
    private abstract static sealed class Owned<C extends StatefulConnection<String, String>> extends RedisConnector
            permits Standalone, Cluster {
        private static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(2);
        private final AtomicReference<CompletableFuture<C>> connection = new AtomicReference<>();
        private final AbstractRedisClient client;

        Owned(AbstractRedisClient client) {
            this.client = client;
        }

        /** Starts connecting, without blocking. */
        abstract CompletableFuture<C> connectAsync();

        abstract RedisClusterAsyncCommands<String, String> async(C connected);

        @Override
        final CompletableFuture<RedisClusterAsyncCommands<String, String>> connection() {
            while (true) {
                CompletableFuture<C> current = connection.get();
                // once connected, Lettuce reconnects by itself; only a first connection that failed is tried again
                if (current != null && !current.isCompletedExceptionally()) {
                    return current.thenApply(this::async);
                }
                CompletableFuture<C> attempt = new CompletableFuture<>();
                if (connection.compareAndSet(current, attempt)) {
                    connectAsync().whenComplete((connected, failure) -> {
                        if (failure != null) {
                            attempt.completeExceptionally(failure);
                        } else {
                            attempt.complete(connected);
                        }
                    });
                    return attempt.thenApply(this::async);
                }
            }
        }

        /**
         * Closes the connection, then shuts the client down: never before, or Lettuce's per-channel buffer is never
         * released (the channel is never unregistered). Waits for that, at most {@code 2 × SHUTDOWN_TIMEOUT}, except
         * on a Netty thread (a Lettuce I/O thread completing a connection, an event loop): that must never block.
         */
        @Override
        final void release() {
            CompletableFuture<C> current = connection.get();
            CompletableFuture<Void> closing = current == null ? CompletableFuture.completedFuture(null)
                    : current.handle((made, failure) -> made == null
                                    ? CompletableFuture.<Void>completedFuture(null)
                                    : made.closeAsync())
                            .thenCompose(c -> c);
            CompletableFuture<Void> shutdown = closing
                    .orTimeout(SHUTDOWN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                    .handle((ignored, e) -> client.shutdownAsync(0, SHUTDOWN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS))
                    .thenCompose(c -> c);
            if (!(Thread.currentThread() instanceof FastThreadLocalThread)) {
                try {
                    shutdown.get(2 * SHUTDOWN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (ExecutionException | TimeoutException e) {
                    // closing is best effort: a client that does not shut down in time finishes on its own
                }
            }
        }
    }

    private static final class Standalone extends Owned<StatefulRedisConnection<String, String>> {
        private final RedisURI uri;
        private final RedisClient client;

        private Standalone(RedisURI uri, RedisClient client) {
            super(client);
            this.uri = uri;
            this.client = client;
        }

        static Standalone create(RedisURI given, Duration commandTimeout) {
            RedisURI uri = RedisURI.builder(given).withTimeout(commandTimeout).build();
            RedisClient client = RedisClient.create(uri);
            // Fail fast rather than hang: commands time out, and while the connection is down they are rejected at
            // once instead of being queued until Redis comes back (the ring group must decide now, not later).
            client.setOptions(ClientOptions.builder()
                    .autoReconnect(true)
                    .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                    .timeoutOptions(TimeoutOptions.enabled(commandTimeout))
                    .socketOptions(SocketOptions.builder().connectTimeout(commandTimeout).build())
                    .build());
            return new Standalone(uri, client);
        }

        @Override
        CompletableFuture<StatefulRedisConnection<String, String>> connectAsync() {
            return client.connectAsync(StringCodec.UTF8, uri).toCompletableFuture();
        }

        @Override
        RedisClusterAsyncCommands<String, String> async(StatefulRedisConnection<String, String> connected) {
            return connected.async();
        }

        @Override
        String description() {
            return describe(uri);
        }
    }

    /**
     * A Redis Cluster client: commands go to the master of their slot (all of a balancer's keys share one slot).
     * The topology is refreshed when a node reports MOVED/ASK or cannot be reached, and periodically, so a failover is
     * followed without a restart; while the slot's master is down, commands fail after at most commandTimeout.
     */
    private static final class Cluster extends Owned<StatefulRedisClusterConnection<String, String>> {
        private static final Duration TOPOLOGY_REFRESH = Duration.ofSeconds(30);
        private final List<RedisURI> seeds;
        private final RedisClusterClient client;

        private Cluster(List<RedisURI> seeds, RedisClusterClient client) {
            super(client);
            this.seeds = seeds;
            this.client = client;
        }

        static Cluster create(List<RedisURI> given, Duration commandTimeout) {
            List<RedisURI> seeds = given.stream()
                    .map(seed -> RedisURI.builder(seed).withTimeout(commandTimeout).build())
                    .toList();
            RedisClusterClient client = RedisClusterClient.create(seeds);
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
            return new Cluster(seeds, client);
        }

        @Override
        CompletableFuture<StatefulRedisClusterConnection<String, String>> connectAsync() {
            // the asynchronous connect needs the topology first, and reading it must not block either
            return client.refreshPartitionsAsync().toCompletableFuture()
                    .thenCompose(topology -> client.connectAsync(StringCodec.UTF8));
        }

        @Override
        RedisClusterAsyncCommands<String, String> async(StatefulRedisClusterConnection<String, String> connected) {
            return connected.async();
        }

        @Override
        String description() {
            return RedisClusterUri.describe(seeds);
        }
    }
}
