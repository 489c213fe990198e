package io.camelfreeswitch.reliability;

import io.camelfreeswitch.call.Channel;
import io.camelfreeswitch.call.LeaseScope;
import io.camelfreeswitch.call.RingGroup;
import io.camelfreeswitch.call.RingGroupOutcome;
import io.camelfreeswitch.call.RingGroupRequest;
import io.camelfreeswitch.call.RingGroupResult;
import io.camelfreeswitch.call.RingMode;
import io.camelfreeswitch.call.balancer.InMemoryLoadBalancer;
import io.camelfreeswitch.call.balancer.LoadBalancer;
import io.camelfreeswitch.call.balancer.RedisLoadBalancer;
import io.camelfreeswitch.esl.ConnectionState;
import io.camelfreeswitch.esl.EslClient;
import io.camelfreeswitch.esl.EslClientOptions;
import io.camelfreeswitch.esl.NettyLeakDetection;
import io.camelfreeswitch.esl.Registration;
import io.camelfreeswitch.simulator.Behaviour;
import io.camelfreeswitch.simulator.ChannelRecord;
import io.camelfreeswitch.simulator.FreeSwitchSimulator;
import io.camelfreeswitch.testing.PendingWork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Ring groups in random modes over randomly scripted agents while the simulated FreeSWITCH misbehaves at random
 * (dropped sockets, late replies, slow events, event-socket restarts mid-ring, garbage bytes) and Redis restarts;
 * three "routes" (clients) share an in-memory balancer and two Redis balancer instances. At the end nothing may be
 * left: no live callee channel, no balancer load, no pending group, no leaked buffer, and every group must have
 * ended with an outcome (a FAILED one carrying a clear exception).
 * <p>
 * Size: {@code -Dchaos.groups} (500 by default; 100000 for the long run), {@code -Dchaos.concurrency} (24),
 * {@code -Dchaos.seed}. The seed fixes every random choice (modes, agents, timeouts, which fault and when); thread
 * timing still varies from run to run, so a replay reproduces the scenario, not the exact interleaving.
 */
@ExtendWith(NettyLeakDetection.class)
class ChaosSoakTest {

    private static final Duration WELL_WITHIN = Duration.ofSeconds(90);
    private static final Duration LEASE_TTL = Duration.ofSeconds(3);

    enum Fault { DROP_CONNECTIONS, DELAY_REPLIES, SLOW_EVENTS, RESTART_MID_RING, GARBAGE, REDIS_RESTART }

    private final Map<String, LongAdder> faults = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> outcomes = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> failures = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> legOutcomes = new ConcurrentHashMap<>();
    private final Set<String> destinationsUsed = ConcurrentHashMap.newKeySet();
    private final List<String> violations = new java.util.concurrent.CopyOnWriteArrayList<>();

    @Test
    @Timeout(value = 6, unit = TimeUnit.HOURS)
    void nothingLeaksWhateverGoesWrong() throws Exception {
        int groupCount = Integer.getInteger("chaos.groups", 500);
        int concurrency = Integer.getInteger("chaos.concurrency", 24);
        long seed = Long.getLong("chaos.seed", System.nanoTime());
        System.out.println("[chaos] seed=" + seed + " groups=" + groupCount + " concurrency=" + concurrency
                + " (replay with -Dchaos.seed=" + seed + ")");
        Random random = new Random(seed);
        Random faultRandom = new Random(seed * 31 + 7);

        String externalRedis = ReliabilityRedis.externalUri();
        ReliabilityRedis ownRedis = externalRedis == null ? ReliabilityRedis.start() : null;
        String redisUri = externalRedis != null ? externalRedis : ownRedis.uri();
        String prefix = "chaos-" + UUID.randomUUID();
        FreeSwitchSimulator sim = FreeSwitchSimulator.builder().port(0).reorderEvents(seed).build().start();
        List<String> agents = declareAgents(sim, random);
        List<EslClient> routes = new ArrayList<>();
        InMemoryLoadBalancer inMemory = new InMemoryLoadBalancer();
        RedisLoadBalancer redisA = redisBalancer(redisUri, prefix);
        RedisLoadBalancer redisB = redisBalancer(redisUri, prefix);
        List<LoadBalancer> balancers = List.of(inMemory, redisA, redisB);
        ScheduledExecutorService timers = Executors.newScheduledThreadPool(2);
        List<CompletableFuture<?>> groups = new ArrayList<>();
        AtomicInteger winnersHungUp = new AtomicInteger();
        try {
            for (int i = 0; i < 3; i++) {
                routes.add(EslClient.connect(EslClientOptions.builder().host("127.0.0.1").port(sim.port())
                        .password(sim.password()).reconnectInitialDelay(Duration.ofMillis(20))
                        .reconnectMaxDelay(Duration.ofMillis(300)).connectTimeout(Duration.ofSeconds(10))
                        .requestTimeout(Duration.ofSeconds(10)).build()).get(30, TimeUnit.SECONDS));
            }
            FaultInjector injector = new FaultInjector(sim, ownRedis, timers, faultRandom);
            injector.start();

            Semaphore inFlight = new Semaphore(concurrency);
            for (int g = 0; g < groupCount; g++) {
                inFlight.acquire();
                RingGroupRequest request = randomRequest(random, agents, balancers);
                EslClient route = routes.get(random.nextInt(routes.size()));
                long hangupDelay = random.nextInt(150);
                request.destinations().forEach(destinationsUsed::add);
                // like the Camel producer, a group waits for its route's connection to be up before it starts
                CompletableFuture<?> group = whenUp(route).thenCompose(up -> RingGroup.ring(up, request))
                        .whenComplete((result, error) -> {
                            record(request, result, error);
                            if (result != null && result.winner() != null) {
                                hangUpUntilGone(sim, result.winner(), hangupDelay, timers, winnersHungUp);
                            }
                        })
                        .handle((r, e) -> null)
                        .whenComplete((r, e) -> inFlight.release());
                groups.add(group);
                if (groups.size() > 2000) {
                    groups.removeIf(CompletableFuture::isDone);
                }
            }
            // every group must end by itself, bounded by its own timeouts: none may stay pending
            CompletableFuture.allOf(groups.toArray(new CompletableFuture[0])).get(WELL_WITHIN.toSeconds(),
                    TimeUnit.SECONDS);
            injector.stopAndHeal();

            await().atMost(WELL_WITHIN).until(() -> routes.stream().allMatch(r -> r.state() == ConnectionState.UP));
            await().atMost(WELL_WITHIN).until(() -> winnersHungUp.get() == count("ANSWERED"));
            try {
                sim.ledger().awaitNoLiveChannels(WELL_WITHIN);
            } catch (AssertionError e) {
                throw new AssertionError("seed " + seed + ": " + e.getMessage(), e);
            }
            await().atMost(WELL_WITHIN).untilAsserted(() ->
                    assertThat(inMemory.loads().values()).as("in-memory load").allMatch(load -> load == 0));
            // Redis: leases released, or (when a release was lost in a Redis restart) expired within their TTL
            await().atMost(WELL_WITHIN).untilAsserted(() -> {
                for (String destination : destinationsUsed) {
                    assertThat(redisA.load(destination).get(10, TimeUnit.SECONDS)).as("Redis load of " + destination)
                            .isZero();
                }
            });
            // no bgapi job, execution or channel listener left behind in any client
            try {
                await().atMost(WELL_WITHIN).until(() -> routes.stream().allMatch(PendingWork::none));
            } catch (org.awaitility.core.ConditionTimeoutException e) {
                throw new AssertionError("seed " + seed + ": pending work left in the clients: "
                        + routes.stream().map(PendingWork::of).toList(), e);
            }
            assertThat(violations).as("groups that ended without an outcome or a clear exception").isEmpty();
            new NettyLeakDetection().afterEach(null); // throws if Netty reported a leaked buffer
            long faultTotal = faults.values().stream().mapToLong(LongAdder::sum).sum();
            assertThat(outcomes.values().stream().mapToLong(LongAdder::sum).sum()).isEqualTo(groupCount);
            System.out.println("[chaos] seed=" + seed + " groups=" + groupCount + " faults=" + faultTotal + " "
                    + sorted(faults) + " outcomes=" + sorted(outcomes) + " failures=" + sorted(failures) + " legs=" + sorted(legOutcomes)
                    + " channels=" + sim.ledger().channels().size() + " liveChannels=0 inMemoryLoad=0 redisLoad=0"
                    + " pendingGroups=0 pendingJobsAndListeners=0 leaks=0");
        } finally {
            timers.shutdownNow();
            for (EslClient route : routes) {
                route.closeAsync().orTimeout(30, TimeUnit.SECONDS).exceptionally(e -> null).join();
            }
            redisA.close();
            redisB.close();
            sim.close();
            if (ownRedis != null) {
                ownRedis.close();
            }
        }
    }

    private static CompletableFuture<EslClient> whenUp(EslClient route) {
        if (route.state() == ConnectionState.UP) {
            return CompletableFuture.completedFuture(route);
        }
        CompletableFuture<EslClient> up = new CompletableFuture<>();
        Registration registration = route.addStateListener((state, cause) -> {
            if (state == ConnectionState.UP) {
                up.complete(route);
            }
        });
        up.whenComplete((r, e) -> registration.close());
        return up.orTimeout(60, TimeUnit.SECONDS);
    }

    /** Ten agents with fixed behaviours, shared by all groups so that BALANCING has something to balance. */
    private static List<String> declareAgents(FreeSwitchSimulator sim, Random random) {
        List<String> agents = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            String agent = "user/agent-" + i;
            sim.destination(agent, randomBehaviour(random));
            agents.add(agent);
        }
        return agents;
    }

    private static Behaviour randomBehaviour(Random random) {
        return switch (random.nextInt(7)) {
            case 0, 1 -> Behaviour.answerAfter(Duration.ofMillis(random.nextInt(300)));
            case 2 -> Behaviour.busy();
            case 3 -> Behaviour.reject("CALL_REJECTED");
            case 4 -> Behaviour.noAnswer();
            case 5 -> Behaviour.answerThenHangup(Duration.ofMillis(random.nextInt(200)),
                    Duration.ofMillis(20 + random.nextInt(300)));
            default -> Behaviour.earlyMediaThenAnswer(Duration.ofMillis(random.nextInt(250)));
        };
    }

    /** A destination: a shared agent, or a one-off scripted behaviour by name. */
    private static String randomDestination(Random random, List<String> agents) {
        if (random.nextBoolean()) {
            return agents.get(random.nextInt(agents.size()));
        }
        return switch (random.nextInt(9)) {
            case 0 -> "sim/answer";
            case 1, 2 -> "sim/answer-after-" + random.nextInt(400);
            case 3 -> "sim/busy";
            case 4 -> "sim/no-answer";
            case 5 -> "sim/reject-CALL_REJECTED";
            case 6 -> "sim/early-" + (20 + random.nextInt(300));
            case 7 -> "sim/hangup-after-" + (20 + random.nextInt(300));
            default -> random.nextBoolean() ? "sim/unregistered" : "user/nobody-" + random.nextInt(5);
        };
    }

    private static RingGroupRequest randomRequest(Random random, List<String> agents, List<LoadBalancer> balancers) {
        RingMode mode = RingMode.values()[random.nextInt(RingMode.values().length)];
        List<String> destinations = new ArrayList<>();
        int size = 1 + random.nextInt(4);
        Set<String> seen = new HashSet<>();
        while (destinations.size() < size) {
            String destination = randomDestination(random, agents);
            if (mode != RingMode.BALANCING || seen.add(destination)) {
                destinations.add(destination);
            }
        }
        RingGroupRequest.Builder builder = RingGroupRequest.builder(destinations).mode(mode)
                .timeout(Duration.ofMillis(150 + random.nextInt(550)))
                .balancer(balancers.get(random.nextInt(balancers.size())))
                .leaseScope(random.nextBoolean() ? LeaseScope.CALL : LeaseScope.RINGING)
                .variable("chaos_group", Integer.toString(random.nextInt(1_000_000)));
        if (random.nextInt(4) == 0) {
            builder.totalTimeout(Duration.ofMillis(300 + random.nextInt(900)));
        }
        return builder.build();
    }

    private void record(RingGroupRequest request, RingGroupResult result, Throwable error) {
        if (error != null) {
            // the detailed form completes normally even on failure: an exception here is itself a violation
            count(outcomes, "EXCEPTION");
            violations.add(request.mode() + " " + request.destinations() + " completed exceptionally: " + error);
            return;
        }
        count(outcomes, result.outcome().name());
        result.legs().forEach(leg -> count(legOutcomes, String.valueOf(leg.outcome())));
        if (result.outcome() == RingGroupOutcome.FAILED) {
            Throwable failure = result.failure();
            if (failure == null || failure.getMessage() == null || failure.getMessage().isBlank()) {
                violations.add(request.mode() + " " + request.destinations() + " FAILED without a clear cause: "
                        + failure);
            } else {
                count(failures, failure.getClass().getSimpleName());
            }
        }
        if (result.outcome() == RingGroupOutcome.ANSWERED && result.winner() == null) {
            violations.add(request.mode() + " " + request.destinations() + " ANSWERED without a winner");
        }
    }

    /** The test owns answered winners: it hangs each up, retrying through reconnects until the switch has no trace. */
    private static void hangUpUntilGone(FreeSwitchSimulator sim, Channel winner, long delayMillis,
            ScheduledExecutorService timers, AtomicInteger done) {
        timers.schedule(() -> winner.hangup("NORMAL_CLEARING").whenComplete((ok, e) -> {
            boolean gone = sim.ledger().channel(winner.uuid()).map(record -> !record.live()).orElse(true);
            if (e == null || gone) {
                done.incrementAndGet();
            } else {
                hangUpUntilGone(sim, winner, 100, timers, done);
            }
        }), delayMillis, TimeUnit.MILLISECONDS);
    }

    private long count(String outcome) {
        LongAdder adder = outcomes.get(outcome);
        return adder == null ? 0 : adder.sum();
    }

    private static void count(Map<String, LongAdder> counts, String key) {
        counts.computeIfAbsent(key, k -> new LongAdder()).increment();
    }

    private static Map<String, Long> sorted(Map<?, LongAdder> counts) {
        Map<String, Long> sorted = new TreeMap<>();
        counts.forEach((k, v) -> sorted.put(k.toString(), v.sum()));
        return sorted;
    }

    private static RedisLoadBalancer redisBalancer(String uri, String prefix) {
        return RedisLoadBalancer.builder().redisUri(uri).keyPrefix(prefix).leaseTtl(LEASE_TTL)
                .renewalPeriod(Duration.ofMillis(750)).commandTimeout(Duration.ofSeconds(5)).build();
    }

    /** Injects one random fault every 300-1000 ms, each undone after a while (a stopped server starts again). */
    private final class FaultInjector {
        private final FreeSwitchSimulator sim;
        private final ReliabilityRedis redis;
        private final ScheduledExecutorService timers;
        private final Random random;
        private volatile boolean running = true;
        private int injected;
        private final Object lock = new Object();

        FaultInjector(FreeSwitchSimulator sim, ReliabilityRedis redis, ScheduledExecutorService timers,
                Random random) {
            this.sim = sim;
            this.redis = redis;
            this.timers = timers;
            this.random = random;
        }

        void start() {
            scheduleNext();
        }

        private void scheduleNext() {
            long delay;
            synchronized (lock) {
                delay = 300 + random.nextInt(700);
            }
            timers.schedule(this::injectOne, delay, TimeUnit.MILLISECONDS);
        }

        private void injectOne() {
            synchronized (lock) {
                if (!running) {
                    return;
                }
                // every kind once first, so that even a short run meets each of them; then at random
                Fault fault = injected < Fault.values().length ? Fault.values()[injected]
                        : Fault.values()[random.nextInt(Fault.values().length)];
                injected++;
                if (fault == Fault.REDIS_RESTART && (redis == null || injected > Fault.values().length
                        && random.nextInt(3) != 0)) {
                    fault = Fault.GARBAGE; // Redis restarts are rarer: each costs a process start
                }
                long undoAfter = 50 + random.nextInt(250);
                switch (fault) {
                    case DROP_CONNECTIONS -> sim.faults().dropAllConnections();
                    case DELAY_REPLIES -> {
                        sim.faults().delayReplies(Duration.ofMillis(5 + random.nextInt(45)));
                        timers.schedule(() -> sim.faults().delayReplies(Duration.ZERO), undoAfter,
                                TimeUnit.MILLISECONDS);
                    }
                    case SLOW_EVENTS -> {
                        sim.faults().slowEvents(Duration.ofMillis(2 + random.nextInt(18)));
                        timers.schedule(() -> sim.faults().slowEvents(Duration.ZERO), undoAfter,
                                TimeUnit.MILLISECONDS);
                    }
                    case RESTART_MID_RING -> {
                        sim.stop();
                        timers.schedule(this::startSim, undoAfter, TimeUnit.MILLISECONDS);
                    }
                    case GARBAGE -> sim.faults().sendGarbage();
                    case REDIS_RESTART -> {
                        redis.stop();
                        timers.schedule(redis::startAgain, undoAfter, TimeUnit.MILLISECONDS);
                    }
                }
                count(faults, fault.name());
            }
            scheduleNext();
        }

        private void startSim() {
            synchronized (lock) {
                sim.start();
            }
        }

        /** No more faults; everything healthy again. */
        void stopAndHeal() {
            synchronized (lock) {
                running = false;
            }
            // pending undo tasks may still run; healing after them is idempotent
            await().pollDelay(Duration.ofMillis(500)).atMost(WELL_WITHIN).until(() -> true);
            synchronized (lock) {
                sim.faults().clear();
                sim.start();
                if (redis != null) {
                    redis.startAgain();
                }
            }
        }
    }

}
