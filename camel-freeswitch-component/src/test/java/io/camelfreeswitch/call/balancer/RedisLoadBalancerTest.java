package io.camelfreeswitch.call.balancer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.output.StatusOutput;
import io.lettuce.core.protocol.CommandArgs;
import io.lettuce.core.protocol.CommandType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Against a real Redis server (see {@link TestRedis}). The contract tests run with two balancers that have a client
 * each and share one server, as two application instances would.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES) // a hang is a failure, never a stuck build
class RedisLoadBalancerTest extends LoadBalancerContract {

    private static final Duration SHORT_TTL = Duration.ofSeconds(2);
    private static final Duration FAST_RENEWAL = Duration.ofMillis(250);

    private final String prefix = "test-" + UUID.randomUUID();
    private final List<AutoCloseable> toClose = new ArrayList<>();
    private RedisClient inspectorClient;
    private StatefulRedisConnection<String, String> inspectorConnection;
    private RedisCommands<String, String> inspector;
    private RedisLoadBalancer balancer;
    private RedisLoadBalancer peer;

    @BeforeEach
    void connect() {
        inspectorClient = RedisClient.create(TestRedis.uri());
        inspectorConnection = inspectorClient.connect();
        inspector = inspectorConnection.sync();
        // generous timeouts: the bursts of the contract tests run on a small, busy machine with debug logging
        balancer = closeLater(RedisLoadBalancer.builder().redisUri(TestRedis.uri()).keyPrefix(prefix)
                .commandTimeout(Duration.ofSeconds(15)).build());
        peer = closeLater(RedisLoadBalancer.builder().redisUri(TestRedis.uri()).keyPrefix(prefix)
                .commandTimeout(Duration.ofSeconds(15)).build());
    }

    @AfterEach
    void disconnect() throws Exception {
        for (AutoCloseable closeable : toClose) {
            closeable.close();
        }
        inspectorConnection.close();
        inspectorClient.shutdown();
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
    void allKeysShareTheHashTagAndAnIdleDestinationLeavesNoKey() {
        Lease lease = acquire(balancer, List.of("user/1001"));
        String key = "{" + prefix + "}:lease:user/1001";
        assertThat(balancer.key("user/1001")).isEqualTo(key);
        assertThat(inspector.zcard(key)).isEqualTo(1);
        // the key itself expires too, so a destination nobody rings again cannot linger
        assertThat(inspector.pttl(key)).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(30).toMillis());

        resultOf(lease.release());

        assertThat(inspector.exists(key)).isZero();
    }

    @Test
    void aHeldLeaseIsRenewedAndKeepsCountingPastItsTtl() {
        RedisLoadBalancer renewing = closeLater(shortLived(TestRedis.uri()));
        Lease lease = acquire(renewing, List.of("user/1001"));

        await().during(SHORT_TTL.multipliedBy(2)).atMost(SHORT_TTL.multipliedBy(4))
                .until(() -> resultOf(peer.load("user/1001")) == 1);

        resultOf(lease.release());
        assertThat(resultOf(peer.load("user/1001"))).isZero();
    }

    @Test
    void theLeasesOfACrashedInstanceExpireWithinTheirTtl() {
        RedisLoadBalancer crashing = shortLived(TestRedis.uri());
        Lease orphan = acquire(crashing, List.of("user/1001", "user/1002"));
        assertThat(orphan.destination()).isEqualTo("user/1001");
        assertThat(resultOf(peer.load("user/1001"))).isEqualTo(1);

        // the instance dies: its client goes away and nobody releases or renews its lease
        crashing.close();
        long crashedAtServerMillis = serverMillis();

        // its lease's expiry can no longer move: at most one TTL after the crash (server clock) it stops counting
        Double expiry = inspector.zscore(peer.key("user/1001"), ((RedisLease) orphan).id());
        assertThat(expiry).isNotNull().isLessThanOrEqualTo((double) crashedAtServerMillis + SHORT_TTL.toMillis());
        await().atMost(SHORT_TTL.plusSeconds(5)).until(() -> resultOf(peer.load("user/1001")) == 0);
        Lease successor = acquire(peer, List.of("user/1001", "user/1002"));
        assertThat(successor.destination()).isEqualTo("user/1001");
        assertThat(inspector.zcard(peer.key("user/1001"))).isEqualTo(1);
        resultOf(successor.release());
    }

    @Test
    void renewalRecordsAHeldLeaseAgainAfterRedisLostIt() {
        RedisLoadBalancer renewing = closeLater(shortLived(TestRedis.uri()));
        Lease lease = acquire(renewing, List.of("user/1001"));

        inspector.del(renewing.key("user/1001")); // as after a Redis restart without persistence
        assertThat(resultOf(peer.load("user/1001"))).isZero();

        await().atMost(Duration.ofSeconds(5)).until(() -> resultOf(peer.load("user/1001")) == 1);
        resultOf(lease.release());
        assertThat(resultOf(peer.load("user/1001"))).isZero();
    }

    @Test
    void scriptsUnknownToTheServerAreSentInFull() {
        RedisLoadBalancer renewing = closeLater(shortLived(TestRedis.uri()));
        Lease held = acquire(renewing, List.of("user/1001"));

        inspector.scriptFlush(); // as after a restart or failover: EVALSHA now answers NOSCRIPT

        Lease next = acquire(renewing, List.of("user/1001", "user/1002"));
        assertThat(next.destination()).isEqualTo("user/1002");
        assertThat(resultOf(renewing.load("user/1002"))).isEqualTo(1);
        inspector.scriptFlush();
        // renewal survives the flush too: the lease is still counted well past its TTL
        await().during(SHORT_TTL.multipliedBy(2)).atMost(SHORT_TTL.multipliedBy(4))
                .until(() -> resultOf(peer.load("user/1001")) == 1);
        releaseAll(List.of(held, next));
    }

    @Test
    void aSuppliedConnectionIsUsedButNotClosed() {
        RedisClient client = RedisClient.create(TestRedis.uri());
        StatefulRedisConnection<String, String> connection = client.connect();
        try {
            RedisLoadBalancer shared = RedisLoadBalancer.builder().connection(connection).keyPrefix(prefix).build();
            Lease lease = acquire(shared, AGENTS);
            assertThat(resultOf(peer.load(lease.destination()))).isEqualTo(1);
            resultOf(lease.release());
            shared.close();

            assertThat(connection.isOpen()).isTrue();
            assertThat(connection.sync().ping()).isEqualTo("PONG");
        } finally {
            connection.close();
            client.shutdown();
        }
    }

    @Test
    void redisKilledMidTestFailsPromptlyWithAClearError() {
        try (KillableRedis redis = KillableRedis.start()) {
            // the healthy acquisition before the kill must not time out on a loaded machine: 2 s, not 500 ms
            RedisLoadBalancer victim = closeLater(RedisLoadBalancer.builder().redisUri(redis.uri()).keyPrefix(prefix)
                    .commandTimeout(Duration.ofSeconds(2)).build());
            Lease before = acquire(victim, AGENTS);

            redis.kill();

            CompletableFuture<Optional<Lease>> acquisition = victim.acquire(AGENTS);
            await().atMost(Duration.ofSeconds(5)).until(acquisition::isDone);
            assertUnavailable(acquisition, redis);
            assertUnavailable(victim.load("user/1001"), redis);
            CompletableFuture<Void> release = before.release();
            await().atMost(Duration.ofSeconds(5)).until(release::isDone);
            assertUnavailable(release, redis);
            assertThat(before.release()).isSameAs(release);
        }
    }

    @Test
    void anUnreachableRedisGivesAClearError() {
        String nobodyListens = "redis://127.0.0.1:" + TestRedis.freePort();
        RedisLoadBalancer lonely = closeLater(RedisLoadBalancer.builder().redisUri(nobodyListens)
                .commandTimeout(Duration.ofMillis(500)).build());

        CompletableFuture<Optional<Lease>> acquisition = lonely.acquire(AGENTS);
        await().atMost(Duration.ofSeconds(5)).until(acquisition::isDone);

        assertThatThrownBy(acquisition::get).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(BalancerUnavailableException.class)
                .hasMessageContaining("Redis at " + nobodyListens + " is unavailable for load balancing");
    }

    @Test
    void aHungRedisTimesOutInsteadOfHanging() {
        try (KillableRedis redis = KillableRedis.start()) {
            // well under the 8 s pause, yet long enough for the healthy acquisition first on a loaded machine
            RedisLoadBalancer patient = closeLater(RedisLoadBalancer.builder().redisUri(redis.uri()).keyPrefix(prefix)
                    .commandTimeout(Duration.ofSeconds(2)).build());
            resultOf(acquire(patient, AGENTS).release());
            RedisClient pauserClient = RedisClient.create(redis.uri());
            try (StatefulRedisConnection<String, String> pauser = pauserClient.connect()) {
                pauser.sync().clientPause(8000); // every client's commands now wait 8 s
                try {
                    CompletableFuture<Optional<Lease>> acquisition = patient.acquire(AGENTS);
                    await().atMost(Duration.ofSeconds(6)).until(acquisition::isDone);

                    assertUnavailable(acquisition, redis);
                } finally {
                    pauser.sync().dispatch(CommandType.CLIENT, new StatusOutput<>(StringCodec.UTF8),
                            new CommandArgs<>(StringCodec.UTF8).add("UNPAUSE"));
                }
            } finally {
                pauserClient.shutdown();
            }
        }
    }

    @Test
    void anAcquireWhoseReplyIsLostLeavesNoLeaseCounted() {
        try (KillableRedis redis = KillableRedis.start()) {
            RedisLoadBalancer impatient = closeLater(RedisLoadBalancer.builder().redisUri(redis.uri())
                    .keyPrefix(prefix).commandTimeout(Duration.ofSeconds(1)).build());
            resultOf(acquire(impatient, AGENTS).release()); // connected, scripts known to the server
            RedisClient pauserClient = RedisClient.create(redis.uri());
            try (StatefulRedisConnection<String, String> pauser = pauserClient.connect()) {
                pauser.sync().clientPause(4000); // the acquire waits on the server, and runs once the pause ends
                CompletableFuture<Optional<Lease>> acquisition;
                try {
                    acquisition = impatient.acquire(AGENTS);
                    await().atMost(Duration.ofSeconds(3)).until(acquisition::isDone);
                } finally {
                    pauser.sync().dispatch(CommandType.CLIENT, new StatusOutput<>(StringCodec.UTF8),
                            new CommandArgs<>(StringCodec.UTF8).add("UNPAUSE"));
                }
                assertUnavailable(acquisition, redis);

                // the script ran after its caller had given up: its lease is taken back, not left for the 30 s TTL
                await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(AGENTS)
                        .allSatisfy(agent -> assertThat(resultOf(impatient.load(agent))).isZero()));
            } finally {
                pauserClient.shutdown();
            }
        }
    }

    @Test
    void fallbackToGroupOrderHandsOutTheFirstCandidateWhileRedisIsDown() {
        try (KillableRedis redis = KillableRedis.start()) {
            RedisLoadBalancer tolerant = closeLater(RedisLoadBalancer.builder().redisUri(redis.uri())
                    .keyPrefix(prefix).commandTimeout(Duration.ofMillis(500)).fallbackToGroupOrder(true).build());
            assertThat(acquire(tolerant, AGENTS).destination()).isEqualTo("user/1001");
            assertThat(acquire(tolerant, AGENTS).destination()).isEqualTo("user/1002");

            redis.kill();

            // no balancing any more: always the first in group order, counted nowhere, release a no-op
            Lease first = acquire(tolerant, List.of("user/1003", "user/1001"));
            Lease second = acquire(tolerant, List.of("user/1003", "user/1001"));
            assertThat(first.destination()).isEqualTo("user/1003");
            assertThat(second.destination()).isEqualTo("user/1003");
            resultOf(first.release());
            resultOf(first.release());
            // load cannot be answered without Redis, fallback or not
            assertUnavailable(tolerant.load("user/1003"), redis);
            assertThat(resultOf(tolerant.acquire(List.of()))).isEmpty();
        }
    }

    @Test
    void balancingResumesWhenRedisComesBack() {
        try (KillableRedis redis = KillableRedis.start()) {
            RedisLoadBalancer tolerant = closeLater(RedisLoadBalancer.builder().redisUri(redis.uri()).keyPrefix(prefix)
                    .commandTimeout(Duration.ofMillis(500)).leaseTtl(SHORT_TTL).renewalPeriod(FAST_RENEWAL)
                    .fallbackToGroupOrder(true).build());
            Lease first = acquire(tolerant, AGENTS);
            Lease second = acquire(tolerant, AGENTS);

            redis.kill();
            assertThat(acquire(tolerant, AGENTS).destination()).isEqualTo("user/1001");
            redis.revive();

            // the client reconnects by itself and renewal records the leases still held again, even on a server
            // that came back empty; balancing then takes the held destinations into account again
            await().atMost(Duration.ofSeconds(20)).ignoreExceptions()
                    .until(() -> resultOf(tolerant.load("user/1001")) == 1 && resultOf(tolerant.load("user/1002")) == 1);
            Lease third = acquire(tolerant, AGENTS);
            assertThat(third.destination()).isEqualTo("user/1003");
            releaseAll(List.of(first, second, third));
            assertThat(resultOf(tolerant.load("user/1001"))).isZero();
        }
    }

    @Test
    void optionsAreValidated() {
        assertThatThrownBy(() -> RedisLoadBalancer.builder().redisUri(TestRedis.uri())
                .leaseTtl(Duration.ofSeconds(5)).renewalPeriod(Duration.ofSeconds(5)).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("renewalPeriod");
        assertThatThrownBy(() -> RedisLoadBalancer.builder().build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("exactly one");
        assertThatThrownBy(() -> RedisLoadBalancer.builder().keyPrefix("a{b}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("braces");
        assertThatThrownBy(() -> RedisLoadBalancer.builder().leaseTtl(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("leaseTtl");
    }

    @Test
    void aClosedBalancerRefusesNewLeases() {
        RedisLoadBalancer closing = shortLived(TestRedis.uri());
        closing.close();
        closing.close();

        assertThatThrownBy(() -> closing.acquire(AGENTS).get(5, TimeUnit.SECONDS))
                .cause().isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    }

    @Test
    void aClosedBalancerRefusesEveryCommandSayingItIsClosedNotThatRedisIsDown() throws Exception {
        RedisLoadBalancer closing = closeLater(RedisLoadBalancer.builder().redisUri(TestRedis.uri()).keyPrefix(prefix)
                .commandTimeout(Duration.ofSeconds(15)).fallbackToGroupOrder(true).build());
        Lease held = acquire(closing, AGENTS);
        closing.close();

        for (CompletableFuture<?> refused : List.of(closing.acquire(AGENTS), closing.load(AGENTS.get(0)),
                closing.lastAnswered("sales"), closing.answered("sales", AGENTS.get(0)), held.release())) {
            assertThatThrownBy(() -> refused.get(5, TimeUnit.SECONDS)).cause()
                    .isInstanceOf(IllegalStateException.class).hasMessage("this RedisLoadBalancer is closed");
        }
    }

    private long serverMillis() {
        List<String> time = inspector.time();
        return Long.parseLong(time.get(0)) * 1000 + Long.parseLong(time.get(1)) / 1000;
    }

    private RedisLoadBalancer shortLived(String uri) {
        return RedisLoadBalancer.builder().redisUri(uri).keyPrefix(prefix).commandTimeout(Duration.ofSeconds(15))
                .leaseTtl(SHORT_TTL).renewalPeriod(FAST_RENEWAL).build();
    }

    private <T extends AutoCloseable> T closeLater(T closeable) {
        toClose.add(closeable);
        return closeable;
    }

    private static void assertUnavailable(CompletableFuture<?> future, KillableRedis redis) {
        assertThatThrownBy(() -> future.get(5, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(BalancerUnavailableException.class)
                .hasMessageContaining("Redis at " + redis.safeUri() + " is unavailable for load balancing")
                .hasMessageNotContaining(KillableRedis.PASSWORD);
    }
}
