package io.camelfreeswitch.call.balancer;

import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Capacity rules on a real three-master Redis Cluster: every key of one acquire in one slot, one round trip. */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class RedisClusterCapacityTest extends LoadBalancerCapacityContract {

    @RegisterExtension
    static final SharedRedisCluster CLUSTER = new SharedRedisCluster();

    private final String prefix = "cluster-capacity-" + UUID.randomUUID();
    private RedisLoadBalancer balancer;
    private RedisLoadBalancer peer;

    @BeforeEach
    void connect() {
        balancer = CLUSTER.balancer(prefix);
        peer = CLUSTER.balancer(prefix);
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
