package io.camelfreeswitch.call.balancer;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * ROUND_ROBIN's memory of who last answered in a group: per group, shared by every instance of a Redis balancer in one
 * key under the balancer's hash tag, and unavailable like the rest of the balancer when Redis is.
 */
class AnswerMemoryTest {

    private static <T> T resultOf(java.util.concurrent.CompletableFuture<T> future) throws Exception {
        return future.get(10, TimeUnit.SECONDS);
    }

    @Test
    void the_in_memory_balancer_remembers_the_last_answer_per_group() throws Exception {
        InMemoryLoadBalancer balancer = new InMemoryLoadBalancer();

        assertThat(resultOf(balancer.lastAnswered("sales"))).isEmpty();
        resultOf(balancer.answered("sales", "user/1001"));
        resultOf(balancer.answered("sales", "user/1002"));
        resultOf(balancer.answered("support", "user/2001"));

        assertThat(resultOf(balancer.lastAnswered("sales"))).contains("user/1002");
        assertThat(resultOf(balancer.lastAnswered("support"))).contains("user/2001");
    }

    @Test
    void redis_balancers_with_the_same_prefix_share_one_key_per_group_under_the_hash_tag() throws Exception {
        String prefix = "memory-" + UUID.randomUUID();
        RedisClient inspectorClient = RedisClient.create(TestRedis.uri());
        try (RedisLoadBalancer one = RedisLoadBalancer.builder().redisUri(TestRedis.uri()).keyPrefix(prefix).build();
             RedisLoadBalancer other = RedisLoadBalancer.builder().redisUri(TestRedis.uri()).keyPrefix(prefix).build();
             StatefulRedisConnection<String, String> inspector = inspectorClient.connect()) {
            assertThat(resultOf(other.lastAnswered("user/1001,user/1002"))).isEmpty();

            resultOf(one.answered("user/1001,user/1002", "user/1002"));

            assertThat(resultOf(other.lastAnswered("user/1001,user/1002"))).contains("user/1002");
            assertThat(inspector.sync().get("{" + prefix + "}:last-answered:user/1001,user/1002"))
                    .isEqualTo("user/1002");
        } finally {
            inspectorClient.shutdown();
        }
    }

    @Test
    void without_Redis_the_memory_is_unavailable_or_with_fallbackToGroupOrder_empty() throws Exception {
        String nobodyListens = "redis://127.0.0.1:" + TestRedis.freePort();
        try (RedisLoadBalancer strict = RedisLoadBalancer.builder().redisUri(nobodyListens)
                     .commandTimeout(Duration.ofMillis(500)).build();
             RedisLoadBalancer tolerant = RedisLoadBalancer.builder().redisUri(nobodyListens)
                     .commandTimeout(Duration.ofMillis(500)).fallbackToGroupOrder(true).build()) {
            assertThatThrownBy(() -> resultOf(strict.lastAnswered("sales"))).isInstanceOf(ExecutionException.class)
                    .cause().isInstanceOf(BalancerUnavailableException.class)
                    .hasMessageContaining("could not read who last answered in sales");
            assertThatThrownBy(() -> resultOf(strict.answered("sales", "user/1001")))
                    .isInstanceOf(ExecutionException.class).cause()
                    .isInstanceOf(BalancerUnavailableException.class);

            assertThat(resultOf(tolerant.lastAnswered("sales"))).isEqualTo(Optional.empty());
        }
    }
}
