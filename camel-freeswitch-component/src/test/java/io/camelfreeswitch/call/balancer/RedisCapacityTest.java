package io.camelfreeswitch.call.balancer;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Capacity rules decided by the acquire script of a real Redis, shared by two balancers as by two instances. */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class RedisCapacityTest extends LoadBalancerCapacityContract {

    private final String prefix = "capacity-" + UUID.randomUUID();
    private RedisLoadBalancer balancer;
    private RedisLoadBalancer peer;

    @BeforeEach
    void connect() {
        balancer = RedisLoadBalancer.builder().redisUri(TestRedis.uri()).keyPrefix(prefix)
                .commandTimeout(Duration.ofSeconds(15)).build();
        peer = RedisLoadBalancer.builder().redisUri(TestRedis.uri()).keyPrefix(prefix)
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

    @Test
    void aRestIsAKeyInTheSameSlotThatExpiresByItselfOnTheServersClock() {
        CapacityRules wrapUp = CapacityRules.of(new DestinationCapacity(0, Duration.ofSeconds(60), Duration.ZERO));
        Lease call = acquire(balancer, List.of("user/1001"), wrapUp).orElseThrow();
        LoadBalancerContract.resultOf(call.release(LeaseEnd.CALL_ENDED));

        RedisClient client = RedisClient.create(TestRedis.uri());
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            RedisCommands<String, String> inspector = connection.sync();
            String restKey = balancer.restKey("user/1001");
            assertThat(restKey).startsWith("{" + prefix + "}:");
            assertThat(inspector.pttl(restKey)).isPositive().isLessThanOrEqualTo(60_000);
            assertThat(inspector.exists(balancer.key("user/1001"))).as("no lease left").isZero();
            inspector.del(restKey); // let the next test run on a clean prefix
        } finally {
            client.shutdown();
        }
    }
}
