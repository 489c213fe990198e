package io.camelfreeswitch.call.balancer;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;

/** Capacity rules on a real three-master Redis Cluster: every key of one acquire in one slot, one round trip. */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class RedisClusterCapacityTest extends LoadBalancerCapacityContract {

    private static TestRedisCluster cluster;

    private final String prefix = "cluster-capacity-" + UUID.randomUUID();
    private RedisLoadBalancer balancer;
    private RedisLoadBalancer peer;

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
    void connect() {
        balancer = RedisLoadBalancer.builder().redisUri(cluster.uri()).keyPrefix(prefix)
                .commandTimeout(Duration.ofSeconds(15)).build();
        peer = RedisLoadBalancer.builder().redisUri(cluster.uri()).keyPrefix(prefix)
                .commandTimeout(Duration.ofSeconds(15)).build();
    }

    @AfterEach
    void disconnect() {
        balancer.close();
        peer.close();
    }

    @Override
    LoadBalancer balancer() {
        return balancer;
    }

    @Override
    LoadBalancer peer() {
        return peer;
    }
}
