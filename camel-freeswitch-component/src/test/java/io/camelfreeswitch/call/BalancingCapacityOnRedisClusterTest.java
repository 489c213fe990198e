package io.camelfreeswitch.call;

import io.camelfreeswitch.call.balancer.LoadBalancer;
import io.camelfreeswitch.call.balancer.RedisLoadBalancer;
import io.camelfreeswitch.call.balancer.TestRedisCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The BALANCING capacity scenarios with two application instances sharing a real three-master Redis Cluster, each
 * with its own balancer created from a {@code redis-cluster://} URI.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class BalancingCapacityOnRedisClusterTest extends BalancingCapacityScenarios {

    private static TestRedisCluster cluster;

    private final String prefix = "ring-" + UUID.randomUUID();
    private RedisLoadBalancer shared;
    private RedisLoadBalancer otherInstance;

    @BeforeAll
    static void startCluster() {
        cluster = TestRedisCluster.start();
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @BeforeEach
    void connectBalancers() {
        shared = RedisLoadBalancer.builder().redisUri(cluster.uri()).keyPrefix(prefix)
                .commandTimeout(Duration.ofSeconds(15)).build();
        otherInstance = RedisLoadBalancer.builder().redisUri(cluster.uri()).keyPrefix(prefix)
                .commandTimeout(Duration.ofSeconds(15)).build();
    }

    @Override
    void closeBalancers() {
        shared.close();
        otherInstance.close();
    }

    @Override
    LoadBalancer shared() {
        return shared;
    }

    @Override
    LoadBalancer otherInstance() {
        return otherInstance;
    }
}
