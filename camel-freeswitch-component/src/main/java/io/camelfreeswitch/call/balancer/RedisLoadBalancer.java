package io.camelfreeswitch.call.balancer;

import io.camelfreeswitch.esl.internal.Failures;
import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shares load between ring groups of several application instances through Redis (Lettuce, asynchronous API only).
 *
 * <h2>Data model</h2>
 * Each destination has one sorted set {@code {prefix}:lease:<destination>} whose members are lease ids scored by the
 * lease's expiry (milliseconds of the Redis server's clock), and, while it rests after a call or after not answering
 * ({@link CapacityRules}), a key {@code {prefix}:rest:<destination>} that expires when the rest ends. The load of a
 * destination is the number of its leases whose expiry is still in the future. Every key starts with the hash tag
 * {@code {prefix}}, so all keys live in one slot and every script works on Redis Cluster ({@code redis-cluster://}).
 * <ul>
 *   <li>{@link #acquire} is one round trip: a Lua script (EVALSHA; EVAL once after a NOSCRIPT) prunes the candidates'
 *       expired leases, skips those resting or at their {@code maxCalls}, picks the least loaded (ties: group order)
 *       and records the new lease on it.</li>
 *   <li>While a lease is held, a background task renews every held lease of this instance in one script call each
 *       {@code renewalPeriod}, pushing its expiry to now + {@code leaseTtl}. If this instance crashes or loses Redis,
 *       its leases stop counting within {@code leaseTtl} without anyone cleaning up.</li>
 *   <li>{@link Lease#release()} stops the renewal and removes the lease (one ZREM; with a rest, one script that also
 *       sets the rest key). If Redis cannot be reached then, the release fails with
 *       {@link BalancerUnavailableException} and the lease expires within its TTL.</li>
 * </ul>
 *
 * <h2>When Redis is unavailable</h2>
 * By default {@link #acquire} and {@link #load} fail with {@link BalancerUnavailableException}, naming the server
 * (never its password). With {@link Builder#fallbackToGroupOrder(boolean) fallbackToGroupOrder(true)}, {@code acquire}
 * instead hands out a local lease on the <em>first candidate in group order</em>: calls still go out, but without
 * balancing, and that lease is counted nowhere (not in Redis, not by {@code load}); its release does nothing.
 * {@code load} keeps failing while Redis is down. A client created by this balancer (from a URI) times out commands
 * after {@code commandTimeout} and rejects them at once while disconnected, so callers get an answer promptly; with a
 * connection you supply, its own timeouts apply.
 *
 * <p>The futures complete on Lettuce's I/O threads: callbacks attached to them must not block.
 *
 * <p>{@link #close()} stops the renewal task (held leases then expire within their TTL unless released) and closes the
 * client only if this balancer created it.
 */
public final class RedisLoadBalancer implements LoadBalancer, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RedisLoadBalancer.class);

    private final RedisConnector redis;
    private final String keyPrefix;
    private final Duration leaseTtl;
    private final Duration renewalPeriod;
    private final boolean fallbackToGroupOrder;
    private final RedisAnswerMemory answerMemory;
    private final RedisHeldLeases held;
    private volatile boolean closed;
    private volatile boolean degraded;

    private RedisLoadBalancer(Builder builder) {
        this.redis = builder.connector();
        this.keyPrefix = builder.keyPrefix;
        this.leaseTtl = builder.leaseTtl;
        this.renewalPeriod = builder.renewalPeriod;
        this.fallbackToGroupOrder = builder.fallbackToGroupOrder;
        this.answerMemory = new RedisAnswerMemory(redis, "{" + keyPrefix + "}:last-answered:");
        this.held = new RedisHeldLeases(redis, leaseTtl, renewalPeriod,
                failure -> unavailable("could not renew the leases held by this instance", failure));
        redis.commands(); // connect now rather than on the first call; a failure here is retried by that call
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public CompletableFuture<Optional<Lease>> acquire(List<String> candidates) {
        return acquire(candidates, CapacityRules.UNLIMITED);
    }

    @Override
    public CompletableFuture<Optional<Lease>> acquire(List<String> candidates, CapacityRules rules) {
        Objects.requireNonNull(rules, "rules");
        if (LoadBalancer.requireCandidates(candidates).isEmpty()) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        if (closed) {
            return CompletableFuture.failedFuture(new BalancerClosedException()); // not even the fallback
        }
        List<String> snapshot = List.copyOf(candidates);
        String[] keys = RedisLeaseScripts.acquireKeys(snapshot, this::key, this::restKey);
        String leaseId = UUID.randomUUID().toString();
        String[] args = RedisLeaseScripts.acquireArgs(snapshot, rules, leaseId, leaseTtl);
        CompletableFuture<Long> chosen = redis.commands().thenCompose(commands ->
                RedisLeaseScripts.ACQUIRE.run(commands, keys, args));
        return chosen.handle((position, failure) -> {
            if (failure == null) {
                recovered();
                if (position == 0) {
                    return CompletableFuture.completedFuture(Optional.<Lease>empty()); // every candidate unavailable
                }
                int index = position.intValue() - 1;
                String destination = snapshot.get(index);
                RedisLease lease = new RedisLease(this, destination, keys[index], leaseId, rules.of(destination));
                held.hold(lease);
                return CompletableFuture.completedFuture(Optional.<Lease>of(lease));
            }
            if (Failures.unwrap(failure) instanceof RedisCommandTimeoutException) {
                forget(Arrays.copyOf(keys, snapshot.size()), leaseId); // the script may have run all the same
            }
            if (closed) {
                return CompletableFuture.<Optional<Lease>>failedFuture(new BalancerClosedException());
            }
            BalancerUnavailableException unavailable =
                    unavailable("could not acquire a lease on one of " + snapshot, failure);
            if (!fallbackToGroupOrder) {
                return CompletableFuture.<Optional<Lease>>failedFuture(unavailable);
            }
            if (!degraded) {
                degraded = true;
                LOG.warn("{}; falling back to group order without load balancing until Redis answers again",
                        unavailable.getMessage());
            }
            return CompletableFuture.completedFuture(Optional.<Lease>of(new GroupOrderLease(snapshot.get(0))));
        }).thenCompose(Function.identity());
    }

    /**
     * The script may have run although its reply never came (a timeout): take its lease back at once rather than
     * leave it counted for {@code leaseTtl}. Sent in full (EVAL): it runs even if this reply times out as well, where
     * an EVALSHA answered NOSCRIPT after the timeout would never be followed by the script. Best effort; if Redis
     * cannot be reached either, the TTL ends it.
     */
    private void forget(String[] leaseKeys, String leaseId) {
        redis.commands().thenCompose(commands -> RedisLeaseScripts.FORGET.<Long>runInFull(commands, leaseKeys, leaseId))
                .whenComplete((removed, failure) -> {
                    if (failure != null) {
                        LOG.debug("Could not take back lease {} after a failed acquire; it expires by itself",
                                leaseId, failure);
                    } else if (removed > 0) {
                        LOG.info("Took back lease {}: its acquire ran on Redis but its reply was lost", leaseId);
                    }
                });
    }

    @Override
    public CompletableFuture<Long> load(String destination) {
        Objects.requireNonNull(destination, "destination");
        CompletableFuture<Long> load = redis.commands().thenCompose(commands ->
                RedisLeaseScripts.LOAD.run(commands, new String[] {key(destination)}));
        return load.handle((count, failure) -> failure == null
                        ? CompletableFuture.completedFuture(count)
                        : CompletableFuture.<Long>failedFuture(
                                failed("could not read the load of " + destination, failure)))
                .thenCompose(Function.identity());
    }

    /** One GET of {@code {prefix}:last-answered:<group>}; with fallbackToGroupOrder, empty while Redis is down. */
    @Override
    public CompletableFuture<Optional<String>> lastAnswered(String group) {
        return answerMemory.lastAnswered(group).exceptionallyCompose(failure -> fallbackToGroupOrder && !closed
                ? CompletableFuture.completedFuture(Optional.empty())
                : CompletableFuture.failedFuture(failed("could not read who last answered in " + group, failure)));
    }

    /** One SET of {@code {prefix}:last-answered:<group>}. */
    @Override
    public CompletableFuture<Void> answered(String group, String destination) {
        return answerMemory.answered(group, destination).exceptionallyCompose(failure -> CompletableFuture
                .failedFuture(failed("could not record who answered in " + group, failure)));
    }

    /** The Redis key holding the leases of {@code destination}. */
    public String key(String destination) {
        return "{" + keyPrefix + "}:lease:" + destination;
    }

    /** The Redis key that exists (and expires by itself) while {@code destination} rests after a call or no answer. */
    public String restKey(String destination) {
        return "{" + keyPrefix + "}:rest:" + destination;
    }

    /** Stops renewing; closes the Redis client only if this balancer created it. Idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        held.close();
        redis.close();
    }

    CompletableFuture<Void> release(RedisLease lease, Duration rest) {
        CompletableFuture<Long> removed = held.release(lease, () -> redis.commands().thenCompose(commands ->
                rest.toMillis() == 0
                        ? commands.zrem(lease.key(), lease.id()).toCompletableFuture()
                        : RedisLeaseScripts.RELEASE_AND_REST.run(commands,
                                new String[] {lease.key(), restKey(lease.destination())},
                                lease.id(), Long.toString(rest.toMillis()))));
        return removed.handle((count, failure) -> failure == null
                        ? CompletableFuture.<Void>completedFuture(null)
                        : CompletableFuture.<Void>failedFuture(failed("could not release " + lease
                                + " (it will expire within " + leaseTtl + ")", failure)))
                .thenCompose(Function.identity());
    }

    private void recovered() {
        if (degraded) {
            degraded = false;
            LOG.info("Redis at {} answers again; load balancing resumes", redis.description());
        }
    }

    /** A failed command as its caller should see it: a closed balancer says so, anything else is Redis unavailable. */
    private RuntimeException failed(String what, Throwable failure) {
        Throwable cause = Failures.unwrap(failure);
        return cause instanceof BalancerClosedException closedBalancer ? closedBalancer
                : unavailable(what, failure);
    }

    private BalancerUnavailableException unavailable(String what, Throwable failure) {
        Throwable cause = Failures.unwrap(failure);
        return new BalancerUnavailableException(
                "Redis at " + redis.description() + " is unavailable for load balancing (" + what + "): " + cause,
                cause);
    }

    /** Options of a {@link RedisLoadBalancer}. Give exactly one of a Redis URI or a connection. */
    public static final class Builder {
        private RedisURI redisUri;
        private List<RedisURI> clusterSeeds;
        private RedisClusterAsyncCommands<String, String> commands;
        private String connectionDescription;
        private String keyPrefix = "camel-freeswitch";
        private Duration leaseTtl = Duration.ofSeconds(30);
        private Duration renewalPeriod = Duration.ofSeconds(10);
        private Duration commandTimeout = Duration.ofSeconds(2);
        private boolean fallbackToGroupOrder;

        private Builder() {
        }

        /**
         * The balancer creates (and on close shuts down) its own client for this URI: {@code redis://host:6379} for
         * one server; {@code redis-cluster://h1:6379,h2:6379} (seeds; {@code rediss-cluster://} with TLS) for Redis
         * Cluster.
         */
        public Builder redisUri(String uri) {
            Objects.requireNonNull(uri, "redisUri");
            if (RedisClusterUri.isCluster(uri)) {
                this.clusterSeeds = RedisClusterUri.seeds(uri);
                this.redisUri = null;
                return this;
            }
            return redisUri(RedisURI.create(uri));
        }

        public Builder redisUri(RedisURI uri) {
            this.redisUri = Objects.requireNonNull(uri, "redisUri");
            this.clusterSeeds = null;
            return this;
        }

        /** Uses a connection owned by the application (not closed by the balancer); its timeouts apply. */
        public Builder connection(StatefulRedisConnection<String, String> connection) {
            this.commands = Objects.requireNonNull(connection, "connection").async();
            this.connectionDescription = "the supplied Redis connection";
            return this;
        }

        /** Uses a Redis Cluster connection owned by the application; all keys share one hash slot. */
        public Builder connection(StatefulRedisClusterConnection<String, String> connection) {
            this.commands = Objects.requireNonNull(connection, "connection").async();
            this.connectionDescription = "the supplied Redis Cluster connection";
            return this;
        }

        /** Prefix (and hash tag) of every key. Default {@code camel-freeswitch}. */
        public Builder keyPrefix(String keyPrefix) {
            Objects.requireNonNull(keyPrefix, "keyPrefix");
            if (keyPrefix.isEmpty() || keyPrefix.chars().anyMatch(c -> c == '{' || c == '}' || c == '\r' || c == '\n')) {
                throw new IllegalArgumentException(
                        "keyPrefix must be non-empty and contain no braces or CR/LF: '" + keyPrefix + "'");
            }
            this.keyPrefix = keyPrefix;
            return this;
        }

        /** How long a lease counts after its last renewal. Default 30 s. */
        public Builder leaseTtl(Duration leaseTtl) {
            this.leaseTtl = positive(leaseTtl, "leaseTtl");
            return this;
        }

        /** How often held leases are renewed; must be shorter than the TTL. Default 10 s. */
        public Builder renewalPeriod(Duration renewalPeriod) {
            this.renewalPeriod = positive(renewalPeriod, "renewalPeriod");
            return this;
        }

        /** Command and connect timeout of a client created from {@link #redisUri}. Default 2 s. */
        public Builder commandTimeout(Duration commandTimeout) {
            this.commandTimeout = positive(commandTimeout, "commandTimeout");
            return this;
        }

        /** While Redis is unavailable, hand out an uncounted lease on the first candidate instead of failing. */
        public Builder fallbackToGroupOrder(boolean fallbackToGroupOrder) {
            this.fallbackToGroupOrder = fallbackToGroupOrder;
            return this;
        }

        public RedisLoadBalancer build() {
            if ((redisUri == null && clusterSeeds == null) == (commands == null)) {
                throw new IllegalStateException("give exactly one of redisUri(...) or connection(...)");
            }
            if (renewalPeriod.compareTo(leaseTtl) >= 0) {
                throw new IllegalStateException("renewalPeriod (" + renewalPeriod
                        + ") must be shorter than leaseTtl (" + leaseTtl + ") or held leases would expire");
            }
            return new RedisLoadBalancer(this);
        }

        private RedisConnector connector() {
            if (clusterSeeds != null) {
                return RedisConnector.ownedCluster(clusterSeeds, commandTimeout);
            }
            return redisUri != null
                    ? RedisConnector.owned(redisUri, commandTimeout)
                    : RedisConnector.supplied(commands, connectionDescription);
        }

        private static Duration positive(Duration duration, String name) {
            Objects.requireNonNull(duration, name);
            if (duration.isNegative() || duration.isZero() || duration.toMillis() == 0) {
                throw new IllegalArgumentException(name + " must be at least 1 ms: " + duration);
            }
            return duration;
        }
    }
}
