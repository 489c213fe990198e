package io.camelfreeswitch.reliability;

import io.camelfreeswitch.call.RingGroup;
import io.camelfreeswitch.call.RingGroupOutcome;
import io.camelfreeswitch.call.RingGroupRequest;
import io.camelfreeswitch.call.RingGroupResult;
import io.camelfreeswitch.call.RingMode;
import io.camelfreeswitch.call.balancer.InMemoryLoadBalancer;
import io.camelfreeswitch.esl.ConnectionLostException;
import io.camelfreeswitch.esl.ConnectionState;
import io.camelfreeswitch.esl.EslClient;
import io.camelfreeswitch.esl.EslClientOptions;
import io.camelfreeswitch.esl.EslEvent;
import io.camelfreeswitch.esl.NettyLeakDetection;
import io.camelfreeswitch.simulator.ChannelRecord;
import io.camelfreeswitch.simulator.FreeSwitchSimulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * FreeSWITCH restarts its event socket while ring groups ring: they end at once with a connection-lost failure, the
 * client comes back with back-off, its subscriptions and filters are back, the legs that survived on the server are
 * hung up, and the next ring group works.
 */
@ExtendWith(NettyLeakDetection.class)
class FreeSwitchRestartMidRingTest {

    private static final Duration RING_TIMEOUT = Duration.ofSeconds(60);
    /** Well under the ring timeout, yet generous for a loaded machine. */
    private static final Duration PROMPTLY = Duration.ofSeconds(20);
    private static final Duration WELL_WITHIN = Duration.ofSeconds(30);

    private FreeSwitchSimulator sim;
    private EslClient ringer;
    private EslClient watcher;
    private final InMemoryLoadBalancer balancer = new InMemoryLoadBalancer();

    @BeforeEach
    void start() throws Exception {
        sim = FreeSwitchSimulator.builder().port(0).build().start();
        ringer = EslClient.connect(options().build()).get(30, TimeUnit.SECONDS);
        watcher = EslClient.connect(options().build()).get(30, TimeUnit.SECONDS);
    }

    @AfterEach
    void stop() {
        ringer.closeAsync().orTimeout(30, TimeUnit.SECONDS).join();
        watcher.closeAsync().orTimeout(30, TimeUnit.SECONDS).join();
        sim.close();
    }

    @Test
    void pendingGroupsFailAtOnceAndEverythingComesBackAfterTheRestart() throws Exception {
        // a watcher that only wants CHANNEL_CREATE, by subscription to two events and a filter on one
        List<EslEvent> watched = new CopyOnWriteArrayList<>();
        watcher.addEventListener("ALL", watched::add);
        watcher.subscribe(List.of("CHANNEL_CREATE", "CHANNEL_ANSWER")).get(30, TimeUnit.SECONDS);
        watcher.filter("Event-Name", "CHANNEL_CREATE").get(30, TimeUnit.SECONDS);

        List<CompletableFuture<RingGroupResult>> groups = new ArrayList<>();
        for (RingMode mode : RingMode.values()) {
            groups.add(RingGroup.ring(ringer, RingGroupRequest.builder(List.of("sim/no-answer", "sim/no-answer"))
                    .mode(mode).timeout(RING_TIMEOUT).balancer(balancer).build()));
        }
        // PARALLEL, TIERED (one tier) and ENTERPRISE (no delays) ring both legs at once; the others one at a time
        int ringingLegs = Arrays.stream(RingMode.values())
                .mapToInt(mode -> EnumSet.of(RingMode.PARALLEL, RingMode.TIERED, RingMode.ENTERPRISE).contains(mode) ? 2 : 1)
                .sum();
        await().atMost(WELL_WITHIN).until(() -> sim.ledger().liveChannels() == ringingLegs);
        List<String> ringing = sim.ledger().live().stream().map(ChannelRecord::uuid).toList();

        AtomicInteger failedAttempts = new AtomicInteger();
        ringer.addStateListener((state, cause) -> {
            if (state == ConnectionState.DOWN && cause != null && cause.getMessage().contains("cannot connect")) {
                failedAttempts.incrementAndGet();
            }
        });
        sim.stop(); // the event socket goes away; the channels stay, as in a FreeSWITCH whose ESL module restarted

        for (CompletableFuture<RingGroupResult> group : groups) {
            RingGroupResult result = group.get(PROMPTLY.toSeconds(), TimeUnit.SECONDS);
            assertThat(result.outcome()).isEqualTo(RingGroupOutcome.FAILED);
            assertThat(result.failure()).isInstanceOf(ConnectionLostException.class).hasMessageContaining("lost");
        }
        // reconnecting with back-off (50 ms doubling to 500 ms): a handful of attempts in 3 s, not a tight loop
        await().pollDelay(Duration.ofSeconds(3)).atMost(WELL_WITHIN).until(() -> true);
        assertThat(failedAttempts.get()).isBetween(2, 40);
        assertThat(ringer.state()).isIn(ConnectionState.CONNECTING, ConnectionState.DOWN);

        sim.start();
        await().atMost(WELL_WITHIN).until(() -> ringer.state() == ConnectionState.UP
                && watcher.state() == ConnectionState.UP);

        // the legs that outlived the connection are hung up by the client once it is back, not by a timeout
        sim.ledger().awaitNoLiveChannels(WELL_WITHIN);
        for (String uuid : ringing) {
            ChannelRecord leg = sim.ledger().channel(uuid).orElseThrow();
            assertThat(leg.killedBy()).as(leg.toString()).isIn("uuid_kill", "sendmsg hangup");
        }
        assertThat(balancer.loads().values()).allMatch(load -> load == 0);

        // the next group works, and the watcher's subscription and filter were restored
        watched.clear();
        RingGroupResult next = RingGroup.ring(ringer, RingGroupRequest.builder(List.of("sim/busy", "sim/answer"))
                .mode(RingMode.SEQUENTIAL).timeout(Duration.ofSeconds(20)).build()).get(30, TimeUnit.SECONDS);
        assertThat(next.outcome()).isEqualTo(RingGroupOutcome.ANSWERED);
        next.winner().hangup("NORMAL_CLEARING").get(30, TimeUnit.SECONDS);
        sim.ledger().awaitNoLiveChannels(WELL_WITHIN);
        await().atMost(WELL_WITHIN).until(() -> watched.size() >= 2);
        assertThat(watched).extracting(EslEvent::eventName).containsOnly("CHANNEL_CREATE");
    }

    @Test
    void aDroppedConnectionMidRingIsTheSameStoryWithoutTheListenerGoingAway() throws Exception {
        // the early-media leg must still be ringing when the connection drops: it answers only after the ring
        // timeout (an early medium of 100 ms answered before the drop on a loaded machine, and the group won)
        CompletableFuture<RingGroupResult> group = RingGroup.ring(ringer,
                RingGroupRequest.builder(List.of("sim/no-answer", "sim/early-" + RING_TIMEOUT.plusSeconds(1).toMillis(),
                                "sim/no-answer"))
                        .mode(RingMode.PARALLEL).timeout(RING_TIMEOUT).build());
        await().atMost(WELL_WITHIN).until(() -> sim.ledger().liveChannels() == 3);
        sim.faults().dropAllConnections();
        RingGroupResult result = group.get(PROMPTLY.toSeconds(), TimeUnit.SECONDS);
        assertThat(result.outcome()).isEqualTo(RingGroupOutcome.FAILED);
        assertThat(result.failure()).isInstanceOf(ConnectionLostException.class);
        sim.ledger().awaitNoLiveChannels(WELL_WITHIN);
        assertThat(sim.ledger().channels()).allMatch(leg -> !"timeout".equals(leg.killedBy()));
    }

    private EslClientOptions.Builder options() {
        return EslClientOptions.builder().host("127.0.0.1").port(sim.port()).password(sim.password())
                .reconnectInitialDelay(Duration.ofMillis(50)).reconnectMaxDelay(Duration.ofMillis(500))
                .connectTimeout(Duration.ofSeconds(10)).requestTimeout(Duration.ofSeconds(20));
    }
}
