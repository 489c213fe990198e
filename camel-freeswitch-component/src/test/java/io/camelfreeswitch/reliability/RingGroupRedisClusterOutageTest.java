package io.camelfreeswitch.reliability;

import io.camelfreeswitch.call.RingGroup;
import io.camelfreeswitch.call.RingGroupOutcome;
import io.camelfreeswitch.call.RingGroupRequest;
import io.camelfreeswitch.call.RingGroupResult;
import io.camelfreeswitch.call.RingMode;
import io.camelfreeswitch.call.balancer.BalancerUnavailableException;
import io.camelfreeswitch.call.balancer.CapacityRules;
import io.camelfreeswitch.call.balancer.DestinationCapacity;
import io.camelfreeswitch.call.balancer.RedisLoadBalancer;
import io.camelfreeswitch.call.balancer.TestRedisCluster;
import io.camelfreeswitch.esl.EslClient;
import io.camelfreeswitch.esl.EslClientOptions;
import io.camelfreeswitch.esl.NettyLeakDetection;
import io.camelfreeswitch.simulator.Behaviour;
import io.camelfreeswitch.simulator.FreeSwitchSimulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * BALANCING ring groups on a real three-master Redis Cluster while the master serving the balancer's slot dies: the
 * group fails clearly (or rings in group order with the fallback), balancers whose keys live on the other masters go
 * on, and once the master is back (empty) nothing is counted.
 */
@ExtendWith(NettyLeakDetection.class)
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class RingGroupRedisClusterOutageTest {

    private static final Logger LOG = LoggerFactory.getLogger(RingGroupRedisClusterOutageTest.class);
    private static final Duration WELL_WITHIN = Duration.ofSeconds(30);
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(1);
    private static final int DOOMED = 1;
    private static final int SURVIVING = 0;
    private static final CapacityRules ONE_CALL_EACH =
            CapacityRules.of(new DestinationCapacity(1, Duration.ZERO, Duration.ZERO));

    private static TestRedisCluster cluster;
    private final List<AutoCloseable> toClose = new ArrayList<>();
    private FreeSwitchSimulator sim;
    private EslClient client;

    @BeforeAll
    static void startCluster() {
        long start = System.nanoTime();
        cluster = TestRedisCluster.start();
        LOG.info("Redis Cluster of {} masters ready in {} ms", TestRedisCluster.MASTERS,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @BeforeEach
    void start() throws Exception {
        sim = FreeSwitchSimulator.builder().port(0).build().start();
        client = EslClient.connect(EslClientOptions.builder().host("127.0.0.1").port(sim.port())
                .password(sim.password()).build()).get(30, TimeUnit.SECONDS);
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
        }
    }

    @Test
    void theMasterOfTheBalancersSlotDyingMidRingFailsTheGroupClearlyAndNothingStaysCounted() throws Exception {
        sim.destination("user/slow-agent", Behaviour.noAnswer());
        sim.destination("user/quick-agent", Behaviour.answerNow());
        String doomedPrefix = TestRedisCluster.prefixOn(DOOMED, "doomed");
        String survivingPrefix = TestRedisCluster.prefixOn(SURVIVING, "surviving");
        RedisLoadBalancer balancer = balancer(doomedPrefix, false);
        RedisLoadBalancer peer = balancer(doomedPrefix, false);
        RedisLoadBalancer fallback = balancer(doomedPrefix, true);
        RedisLoadBalancer elsewhere = balancer(survivingPrefix, false);
        List<String> group = List.of("user/slow-agent", "user/quick-agent");

        CompletableFuture<RingGroupResult> ringing = ring(group, balancer, Duration.ofSeconds(1));
        await().atMost(WELL_WITHIN).until(() -> sim.ledger().liveChannels() == 1);
        assertThat(peer.load("user/slow-agent").get(10, TimeUnit.SECONDS)).isEqualTo(1);
        long killed = System.nanoTime();
        cluster.kill(DOOMED); // while the first agent rings: the next step cannot ask who is free

        RingGroupResult result = ringing.get(WELL_WITHIN.toSeconds(), TimeUnit.SECONDS);
        LOG.info("Group failed {} ms after the master was killed (leg timeout 1 s, command timeout {})",
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killed), COMMAND_TIMEOUT);
        assertThat(result.outcome()).isEqualTo(RingGroupOutcome.FAILED);
        assertThat(result.failure()).isInstanceOf(BalancerUnavailableException.class)
                .hasMessageContaining("redis-cluster://127.0.0.1:");
        sim.ledger().awaitNoLiveChannels(WELL_WITHIN);

        // the configured fallback rings in group order instead of failing
        RingGroupResult degraded = ring(List.of("user/quick-agent", "user/slow-agent"), fallback,
                Duration.ofSeconds(5)).get(WELL_WITHIN.toSeconds(), TimeUnit.SECONDS);
        assertThat(degraded.winner().destination()).isEqualTo("user/quick-agent");
        degraded.winner().hangup("NORMAL_CLEARING").get(30, TimeUnit.SECONDS);

        // keys on the other masters are still served: that balancer goes on counting and releasing
        RingGroupResult unaffected = await().atMost(WELL_WITHIN).ignoreExceptions().until(() ->
                ring(List.of("user/quick-agent"), elsewhere, Duration.ofSeconds(5)).get(30, TimeUnit.SECONDS),
                r -> r.outcome() == RingGroupOutcome.ANSWERED);
        assertThat(elsewhere.load("user/quick-agent").get(10, TimeUnit.SECONDS)).isEqualTo(1);
        unaffected.winner().hangup("NORMAL_CLEARING").get(30, TimeUnit.SECONDS);
        await().atMost(WELL_WITHIN).until(() -> elsewhere.load("user/quick-agent").get(5, TimeUnit.SECONDS) == 0);

        long revivedFrom = System.nanoTime();
        cluster.revive(DOOMED); // back empty, as after a crash without persistence
        await().atMost(WELL_WITHIN).ignoreExceptions().until(() ->
                peer.load("user/slow-agent").get(5, TimeUnit.SECONDS) == 0
                        && peer.load("user/quick-agent").get(5, TimeUnit.SECONDS) == 0);
        LOG.info("Master back and answering {} ms after it was restarted",
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - revivedFrom));

        // the same balancer works again, and counts the answered call until it ends
        RingGroupResult next = await().atMost(WELL_WITHIN).ignoreExceptions().until(() ->
                ring(List.of("user/quick-agent", "user/slow-agent"), balancer, Duration.ofSeconds(2))
                        .get(30, TimeUnit.SECONDS),
                r -> r.outcome() == RingGroupOutcome.ANSWERED);
        assertThat(peer.load("user/quick-agent").get(10, TimeUnit.SECONDS)).isEqualTo(1);
        next.winner().hangup("NORMAL_CLEARING").get(30, TimeUnit.SECONDS);
        await().atMost(WELL_WITHIN).until(() -> peer.load("user/quick-agent").get(5, TimeUnit.SECONDS) == 0);
    }

    private CompletableFuture<RingGroupResult> ring(List<String> group, RedisLoadBalancer balancer, Duration timeout) {
        return RingGroup.ring(client, RingGroupRequest.builder(group).mode(RingMode.BALANCING).timeout(timeout)
                .capacity(ONE_CALL_EACH).balancer(balancer).build());
    }

    private RedisLoadBalancer balancer(String prefix, boolean fallback) {
        RedisLoadBalancer balancer = RedisLoadBalancer.builder().redisUri(cluster.uri()).keyPrefix(prefix)
                .leaseTtl(Duration.ofSeconds(2)).renewalPeriod(Duration.ofMillis(500)).commandTimeout(COMMAND_TIMEOUT)
                .fallbackToGroupOrder(fallback).build();
        toClose.add(balancer);
        return balancer;
    }
}
