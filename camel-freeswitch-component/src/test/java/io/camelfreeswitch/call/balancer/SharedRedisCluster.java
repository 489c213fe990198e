package io.camelfreeswitch.call.balancer;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.time.Duration;

/**
 * One three-master Redis Cluster shared by every test class that only reads and writes keys on it, started the first
 * time one needs it and stopped when the JVM exits; a class that kills a master starts a {@link TestRedisCluster}
 * of its own. Tests keep apart by key prefix.
 */
public final class SharedRedisCluster implements BeforeAllCallback {

    /** Lettuce's first command on a cold JVM includes reading the cluster's topology. */
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(15);

    /**
     * One per JVM rather than per JUnit run: PIT runs every test method as a JUnit run of its own, and starting a
     * cluster takes seconds.
     */
    private static TestRedisCluster shared;

    private TestRedisCluster cluster;

    @Override
    public void beforeAll(ExtensionContext context) {
        cluster = shared();
    }

    private static synchronized TestRedisCluster shared() {
        if (shared == null) {
            TestRedisCluster started = TestRedisCluster.start();
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "redis-cluster-stop"));
            shared = started;
        }
        return shared;
    }

    /** A balancer on the cluster, created from its {@code redis-cluster://} URI as an application instance would. */
    public RedisLoadBalancer balancer(String keyPrefix) {
        return RedisLoadBalancer.builder().redisUri(cluster.uri()).keyPrefix(keyPrefix)
                .commandTimeout(COMMAND_TIMEOUT).build();
    }
}
