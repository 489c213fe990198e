package io.camelfreeswitch.reliability;

import io.camelfreeswitch.call.LeaseScope;
import io.camelfreeswitch.call.RingGroup;
import io.camelfreeswitch.call.RingGroupOutcome;
import io.camelfreeswitch.call.RingGroupRequest;
import io.camelfreeswitch.call.RingGroupResult;
import io.camelfreeswitch.call.RingMode;
import io.camelfreeswitch.call.balancer.BalancerUnavailableException;
import io.camelfreeswitch.call.balancer.RedisLoadBalancer;
import io.camelfreeswitch.esl.EslClient;
import io.camelfreeswitch.esl.EslClientOptions;
import io.camelfreeswitch.esl.NettyLeakDetection;
import io.camelfreeswitch.simulator.Behaviour;
import io.camelfreeswitch.simulator.FreeSwitchSimulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * BALANCING ring groups while their Redis dies and comes back (a server of the test's own, restarted empty as after
 * a crash without persistence), and while an application instance holding a lease dies.
 */
@ExtendWith(NettyLeakDetection.class)
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class RingGroupRedisOutageTest {

    private static final Duration WELL_WITHIN = Duration.ofSeconds(30);
    private static final Duration TTL = Duration.ofSeconds(2);

    private final String prefix = "outage-" + UUID.randomUUID();
    private final List<AutoCloseable> toClose = new ArrayList<>();
    private ReliabilityRedis redis;
    private FreeSwitchSimulator sim;
    private EslClient client;

    @BeforeEach
    void start() throws Exception {
        redis = ReliabilityRedis.start();
        sim = FreeSwitchSimulator.builder().port(0).build().start();
        client = EslClient.connect(EslClientOptions.builder().host("127.0.0.1").port(sim.port())
                .password(sim.password()).reconnectInitialDelay(Duration.ofMillis(50))
                .reconnectMaxDelay(Duration.ofMillis(500)).build()).get(30, TimeUnit.SECONDS);
    }

    @AfterEach
    void stop() throws Exception {
        try {
            sim.ledger().awaitNoLiveChannels(WELL_WITHIN);
        } finally {
            for (AutoCloseable closeable : toClose) {
                closeable.close();
            }
            client.closeAsync().get(30, TimeUnit.SECONDS);
            sim.close();
            redis.close();
        }
    }

    @Test
    void redisDyingMidRingFailsTheGroupClearlyAndLoadIsRightOnceRedisIsBack() throws Exception {
        sim.destination("user/slow-agent", Behaviour.noAnswer());
        sim.destination("user/quick-agent", Behaviour.answerNow());
        RedisLoadBalancer balancer = balancer(false);
        RedisLoadBalancer peer = balancer(false);
        List<String> group = List.of("user/slow-agent", "user/quick-agent");

        CompletableFuture<RingGroupResult> ringing = RingGroup.ring(client, RingGroupRequest.builder(group)
                .mode(RingMode.BALANCING).timeout(Duration.ofSeconds(2)).balancer(balancer).build());
        await().atMost(WELL_WITHIN).until(() -> sim.ledger().liveChannels() == 1);
        assertThat(peer.load("user/slow-agent").get(10, TimeUnit.SECONDS)).isEqualTo(1);
        redis.stop(); // while the first agent rings: the next step cannot ask Redis who is least loaded

        RingGroupResult result = ringing.get(WELL_WITHIN.toSeconds(), TimeUnit.SECONDS);
        assertThat(result.outcome()).isEqualTo(RingGroupOutcome.FAILED);
        assertThat(result.failure()).isInstanceOf(BalancerUnavailableException.class)
                .hasMessageContaining("127.0.0.1:");
        sim.ledger().awaitNoLiveChannels(WELL_WITHIN);

        redis.startAgain();
        await().atMost(WELL_WITHIN).ignoreExceptions().until(() ->
                peer.load("user/slow-agent").get(5, TimeUnit.SECONDS) == 0
                        && peer.load("user/quick-agent").get(5, TimeUnit.SECONDS) == 0);

        // the same balancer works again once Redis is back, and counts the answered call until it ends
        RingGroupResult next = await().atMost(WELL_WITHIN).ignoreExceptions().until(() ->
                RingGroup.ring(client, RingGroupRequest.builder(List.of("user/quick-agent", "user/slow-agent"))
                        .mode(RingMode.BALANCING).timeout(Duration.ofSeconds(2)).balancer(balancer)
                        .leaseScope(LeaseScope.CALL).build()).get(30, TimeUnit.SECONDS),
                r -> r.outcome() == RingGroupOutcome.ANSWERED);
        assertThat(next.winner().destination()).isEqualTo("user/quick-agent");
        assertThat(peer.load("user/quick-agent").get(10, TimeUnit.SECONDS)).isEqualTo(1);
        next.winner().hangup("NORMAL_CLEARING").get(30, TimeUnit.SECONDS);
        await().atMost(WELL_WITHIN).until(() -> peer.load("user/quick-agent").get(5, TimeUnit.SECONDS) == 0);
    }

    @Test
    void withTheDocumentedFallbackAGroupRingsInGroupOrderWhileRedisIsDown() throws Exception {
        sim.destination("user/busy-agent", Behaviour.busy());
        sim.destination("user/free-agent", Behaviour.answerAfter(Duration.ofMillis(100)));
        RedisLoadBalancer balancer = balancer(true);
        redis.stop();

        RingGroupResult result = RingGroup.ring(client,
                RingGroupRequest.builder(List.of("user/busy-agent", "user/free-agent")).mode(RingMode.BALANCING)
                        .timeout(Duration.ofSeconds(5)).balancer(balancer).build())
                .get(WELL_WITHIN.toSeconds(), TimeUnit.SECONDS);
        assertThat(result.outcome()).isEqualTo(RingGroupOutcome.ANSWERED);
        assertThat(result.winner().destination()).isEqualTo("user/free-agent");

        redis.startAgain();
        RedisLoadBalancer peer = balancer(false);
        result.winner().hangup("NORMAL_CLEARING").get(30, TimeUnit.SECONDS);
        sim.ledger().awaitNoLiveChannels(WELL_WITHIN);
        await().atMost(WELL_WITHIN).ignoreExceptions().until(() ->
                peer.load("user/busy-agent").get(5, TimeUnit.SECONDS) == 0
                        && peer.load("user/free-agent").get(5, TimeUnit.SECONDS) == 0);
    }

    @Test
    void theLeaseOfAnInstanceThatDiesExpiresWithinItsTtlAndTheAgentIsOfferedAgain() throws Exception {
        sim.destination("user/agent-a", Behaviour.answerNow());
        sim.destination("user/agent-b", Behaviour.answerNow());
        RedisLoadBalancer dying = balancer(false);
        RedisLoadBalancer survivor = balancer(false);
        List<String> agents = List.of("user/agent-a", "user/agent-b");

        RingGroupResult first = RingGroup.ring(client, RingGroupRequest.builder(agents).mode(RingMode.BALANCING)
                .timeout(Duration.ofSeconds(5)).balancer(dying).leaseScope(LeaseScope.CALL).build())
                .get(WELL_WITHIN.toSeconds(), TimeUnit.SECONDS);
        assertThat(first.winner().destination()).isEqualTo("user/agent-a");
        assertThat(survivor.load("user/agent-a").get(10, TimeUnit.SECONDS)).isEqualTo(1);

        // while its call goes on, the instance holding the lease dies: nobody renews or releases it
        dying.close();
        await().atMost(TTL.plus(WELL_WITHIN)).until(() -> survivor.load("user/agent-a").get(5, TimeUnit.SECONDS) == 0);

        RingGroupResult second = RingGroup.ring(client, RingGroupRequest.builder(agents).mode(RingMode.BALANCING)
                .timeout(Duration.ofSeconds(5)).balancer(survivor).leaseScope(LeaseScope.CALL).build())
                .get(WELL_WITHIN.toSeconds(), TimeUnit.SECONDS);
        assertThat(second.winner().destination()).as("the expired lease no longer counts").isEqualTo("user/agent-a");

        first.winner().hangup("NORMAL_CLEARING").get(30, TimeUnit.SECONDS);
        second.winner().hangup("NORMAL_CLEARING").get(30, TimeUnit.SECONDS);
        await().atMost(WELL_WITHIN).until(() -> survivor.load("user/agent-a").get(5, TimeUnit.SECONDS) == 0);
    }

    private RedisLoadBalancer balancer(boolean fallback) {
        RedisLoadBalancer balancer = RedisLoadBalancer.builder().redisUri(redis.uri()).keyPrefix(prefix)
                .leaseTtl(TTL).renewalPeriod(Duration.ofMillis(500)).commandTimeout(Duration.ofSeconds(2))
                .fallbackToGroupOrder(fallback).build();
        toClose.add(balancer);
        return balancer;
    }
}
