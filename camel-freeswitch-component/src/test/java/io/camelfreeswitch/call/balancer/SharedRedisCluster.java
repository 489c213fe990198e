package io.camelfreeswitch.call.balancer;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.time.Duration;

/**
 * One three-master Redis Cluster shared by every test class that only reads and writes keys on it, started the first
 * time one needs it and closed when the test run ends; a class that kills a master starts a {@link TestRedisCluster}
 * of its own. Tests keep apart by key prefix.
 */
public final class SharedRedisCluster implements BeforeAllCallback {

    /** Lettuce's first command on a cold JVM includes reading the cluster's topology. */
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(15);

    private TestRedisCluster cluster;

    @Override
    public void beforeAll(ExtensionContext context) {
        cluster = context.getRoot().getStore(ExtensionContext.Namespace.create(SharedRedisCluster.class))
                .computeIfAbsent(TestRedisCluster.class, key -> TestRedisCluster.start(), TestRedisCluster.class);
    }

    /** A balancer on the cluster, created from its {@code redis-cluster://} URI as an application instance would. */
    public RedisLoadBalancer balancer(String keyPrefix) {
        return RedisLoadBalancer.builder().redisUri(cluster.uri()).keyPrefix(keyPrefix)
                .commandTimeout(COMMAND_TIMEOUT).build();
    }
}
