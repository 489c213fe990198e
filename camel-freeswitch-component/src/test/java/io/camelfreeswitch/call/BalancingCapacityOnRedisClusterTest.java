package io.camelfreeswitch.call;

import io.camelfreeswitch.call.balancer.LoadBalancer;
import io.camelfreeswitch.call.balancer.RedisLoadBalancer;
import io.camelfreeswitch.call.balancer.SharedRedisCluster;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The BALANCING capacity scenarios with two application instances sharing a real three-master Redis Cluster, each
 * with its own balancer created from a {@code redis-cluster://} URI.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class BalancingCapacityOnRedisClusterTest extends BalancingCapacityScenarios {

    @RegisterExtension
    static final SharedRedisCluster CLUSTER = new SharedRedisCluster();

    private final String prefix = "ring-" + UUID.randomUUID();
    private RedisLoadBalancer shared;
    private RedisLoadBalancer otherInstance;

    @BeforeEach
    void connectBalancers() {
        shared = CLUSTER.balancer(prefix);
        otherInstance = CLUSTER.balancer(prefix);
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
