package io.camelfreeswitch.call.balancer;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

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
    void the_in_memory_balancer_forgets_a_group_without_an_answer_for_a_week_as_redis_does() throws Exception {
        AtomicLong clock = new AtomicLong();
        InMemoryLoadBalancer balancer = new InMemoryLoadBalancer(clock::get);
        resultOf(balancer.answered("sales", "user/1001"));

        clock.addAndGet(LoadBalancer.FORGET_ANSWERS_AFTER.minusSeconds(1).toNanos());
        assertThat(resultOf(balancer.lastAnswered("sales"))).contains("user/1001");
        clock.addAndGet(Duration.ofSeconds(1).toNanos());
        assertThat(resultOf(balancer.lastAnswered("sales"))).isEmpty();
    }

    @Test
    void groups_rung_once_do_not_stay_in_memory_for_ever() throws Exception {
        AtomicLong clock = new AtomicLong();
        InMemoryLoadBalancer balancer = new InMemoryLoadBalancer(clock::get);
        for (int i = 0; i < 1000; i++) {
            resultOf(balancer.answered("list-" + i, "user/1001"));
        }
        clock.addAndGet(LoadBalancer.FORGET_ANSWERS_AFTER.toNanos());
        for (int i = 0; i < 1024; i++) {
            resultOf(balancer.answered("busy", "user/" + i));
        }

        assertThat(balancer.rememberedGroups()).isEqualTo(1);
        assertThat(resultOf(balancer.lastAnswered("busy"))).contains("user/1023");
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
