package io.camelfreeswitch.call.balancer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The whole balancer contract on a real three-master Redis Cluster, through Lettuce's cluster client: two balancers
 * created from a {@code redis-cluster://} URI, as two application instances would be.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class RedisClusterLoadBalancerTest extends LoadBalancerContract {

    @RegisterExtension
    static final SharedRedisCluster CLUSTER = new SharedRedisCluster();

    private final String prefix = "cluster-" + UUID.randomUUID();
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

    @Test
    void theClusterFormIsUsedAndNamedWithoutCredentials() {
        RedisLoadBalancer secured = RedisLoadBalancer.builder()
                .redisUri("redis-cluster://:not-shown@127.0.0.1:1,127.0.0.1:2").commandTimeout(Duration.ofMillis(300))
                .build();
        try {
            assertThat(secured.acquire(List.of("user/1001"))).failsWithin(Duration.ofSeconds(10))
                    .withThrowableOfType(java.util.concurrent.ExecutionException.class)
                    .havingCause().isInstanceOf(BalancerUnavailableException.class)
                    .withMessageContaining("redis-cluster://127.0.0.1:1,127.0.0.1:2")
                    .withMessageNotContaining("not-shown");
        } finally {
            secured.close();
        }
    }
}
