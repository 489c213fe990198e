package io.camelfreeswitch.benchmarks.ringgroup;

import io.camelfreeswitch.benchmarks.harness.AsyncLoad;
import io.camelfreeswitch.benchmarks.harness.LatencyReport;
import io.camelfreeswitch.benchmarks.harness.Simulators;
import io.camelfreeswitch.call.Channel;
import io.camelfreeswitch.call.RingGroup;
import io.camelfreeswitch.call.RingGroupRequest;
import io.camelfreeswitch.call.RingMode;
import io.camelfreeswitch.call.balancer.InMemoryLoadBalancer;
import io.camelfreeswitch.call.balancer.LoadBalancer;
import io.camelfreeswitch.call.balancer.RedisLoadBalancer;
import io.camelfreeswitch.esl.EslClient;
import io.camelfreeswitch.esl.EslClientOptions;
import io.camelfreeswitch.esl.EslConnection;
import redis.embedded.RedisServer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Ring-group capacity: {@code --concurrency} ring groups kept in flight against the simulator for {@code --seconds},
 * each group's answered leg hung up before the next group starts. Latency runs from the simulator's
 * {@code Event-Date-Timestamp} on the winner's CHANNEL_ANSWER to the moment the ring-group future completes in the
 * caller. Scenarios:
 * <ul>
 * <li>{@code raw}: {@link RawEslClient}, PARALLEL protocol with no framework, the ceiling;</li>
 * <li>{@code raw-same-events}: the same, subscribed to the events the component follows (it must see every leg end);</li>
 * <li>{@code parallel}: {@code sim/no-answer, sim/answer, sim/no-answer} — one answers at once, two lose the race;</li>
 * <li>{@code sequential}: {@code sim/busy, sim/busy, sim/answer} — three legs, one after another;</li>
 * <li>{@code balancing-memory}, {@code balancing-redis}: three destinations that all answer at once, least loaded
 * first, through an {@link InMemoryLoadBalancer} / a {@link RedisLoadBalancer} on a real redis-server.</li>
 * </ul>
 * <pre>java -cp benchmarks/target/benchmarks.jar io.camelfreeswitch.benchmarks.ringgroup.RingGroupCapacity
 *      [--seconds 60] [--warmup 10] [--concurrency 16] [--scenarios raw,parallel,sequential,balancing-memory,balancing-redis]
 *      [--simulator-process]</pre>
 */
public final class RingGroupCapacity {

    /** What {@code RingEngine} subscribes to. */
    static final List<String> RING_GROUP_EVENTS = List.of("CHANNEL_CREATE", "CHANNEL_PROGRESS",
            "CHANNEL_PROGRESS_MEDIA", "CHANNEL_ANSWER", "CHANNEL_HANGUP_COMPLETE", "BACKGROUND_JOB");
    static final List<String> PARALLEL_GROUP = List.of("sim/no-answer", "sim/answer", "sim/no-answer");
    static final List<String> SEQUENTIAL_GROUP = List.of("sim/busy", "sim/busy", "sim/answer");
    static final List<String> BALANCING_GROUP = List.of("sim/answer", "sim/1005", "sim/answer-after-0");

    private RingGroupCapacity() {
    }

    public static void main(String[] args) throws Exception {
        double seconds = 60;
        double warmup = 10;
        int concurrency = 16;
        boolean childProcess = false;
        List<String> scenarios = List.of("raw", "raw-same-events", "parallel", "sequential", "balancing-memory",
                "balancing-redis");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--seconds" -> seconds = Double.parseDouble(args[++i]);
                case "--warmup" -> warmup = Double.parseDouble(args[++i]);
                case "--concurrency" -> concurrency = Integer.parseInt(args[++i]);
                case "--scenarios" -> scenarios = Arrays.asList(args[++i].split(","));
                case "--simulator-process" -> childProcess = true;
                default -> throw new IllegalArgumentException("unknown option " + args[i] + "; usage: [--seconds 60]"
                        + " [--warmup 10] [--concurrency 16] [--scenarios raw,parallel,...] [--simulator-process]");
            }
        }
        System.out.printf(Locale.ROOT, "ring-group capacity: %d in flight, %.0f s (+%.0f s warm-up) per scenario, "
                + "simulator %s%n", concurrency, seconds, warmup, childProcess ? "in a child JVM" : "in this JVM");
        List<LatencyReport> reports = new ArrayList<>();
        try (Simulators.Handle sim = Simulators.start(childProcess)) {
            for (String scenario : scenarios) {
                long cpuBefore = processCpuNanos();
                LatencyReport report = run(scenario, sim, concurrency, warmup, seconds);
                long cpu = processCpuNanos() - cpuBefore;
                System.out.println(report.line());
                // CPU per group does not depend on how busy the rest of the machine is, unlike groups/s
                System.out.printf(Locale.ROOT, "  %s: %.0f µs of this JVM's CPU per group (warm-up included)%n",
                        scenario, cpu / 1000.0 / report.operations() / ((warmup + seconds) / seconds));
                reports.add(report);
            }
        }
        System.out.println();
        System.out.println("summary");
        LatencyReport raw = reports.stream().filter(r -> r.name().startsWith("raw groups")).findFirst().orElse(null);
        for (LatencyReport report : reports) {
            System.out.println(report.line() + (raw != null && report != raw
                    ? String.format(Locale.ROOT, "  = %.0f%% of raw", 100 * report.perSecond() / raw.perSecond())
                    : ""));
        }
        System.exit(0);
    }

    private static LatencyReport run(String scenario, Simulators.Handle sim, int concurrency, double warmup,
            double seconds) throws Exception {
        String name = scenario + " groups c=" + concurrency;
        if (scenario.startsWith("raw")) {
            // raw-same-events: also hears what the component subscribes to (CREATE, PROGRESS, HANGUP_COMPLETE...),
            // to tell the cost of the events a leak-proof client must follow from the cost of the framework
            String events = scenario.equals("raw-same-events") ? String.join(" ", RING_GROUP_EVENTS)
                    : RawEslClient.MINIMAL_EVENTS;
            try (RawEslClient raw = new RawEslClient(sim.port(), events)) {
                LatencyReport report = AsyncLoad.runTimed(name, concurrency, warmup, seconds,
                        () -> raw.ringParallel(PARALLEL_GROUP));
                if (sim.inProcess() != null) {
                    System.out.println("  live channels right after the raw run: " + sim.inProcess().ledger().liveChannels());
                    sim.inProcess().ledger().awaitNoLiveChannels(Duration.ofSeconds(60));
                }
                return report;
            }
        }
        RedisServer redis = null;
        RedisLoadBalancer redisBalancer = null;
        EslClient client = EslClient.connect(EslClientOptions.builder().host("127.0.0.1").port(sim.port())
                .password(Simulators.PASSWORD).build()).get(30, TimeUnit.SECONDS);
        try {
            AnswerTimes answers = new AnswerTimes(client);
            RingGroupRequest request = switch (scenario) {
                case "parallel" -> RingGroupRequest.builder(PARALLEL_GROUP).mode(RingMode.PARALLEL).build();
                case "sequential" -> RingGroupRequest.builder(SEQUENTIAL_GROUP).mode(RingMode.SEQUENTIAL).build();
                case "balancing-memory" -> RingGroupRequest.builder(BALANCING_GROUP).mode(RingMode.BALANCING)
                        .balancer(new InMemoryLoadBalancer()).build();
                case "balancing-redis" -> {
                    int port = Simulators.freePort();
                    redis = RedisServer.newRedisServer().bind("127.0.0.1").port(port).setting("save \"\"")
                            .setting("appendonly no").build();
                    redis.start();
                    redisBalancer = RedisLoadBalancer.builder().redisUri("redis://127.0.0.1:" + port)
                            .keyPrefix("bench-" + UUID.randomUUID()).build();
                    yield RingGroupRequest.builder(BALANCING_GROUP).mode(RingMode.BALANCING).balancer(redisBalancer)
                            .build();
                }
                default -> throw new IllegalArgumentException("unknown scenario " + scenario);
            };
            LatencyReport report = AsyncLoad.runTimed(name, concurrency, warmup, seconds,
                    () -> oneGroup(client, request, answers));
            awaitNoLiveChannels(sim, client);
            return report;
        } finally {
            client.closeAsync().get(30, TimeUnit.SECONDS);
            if (redisBalancer != null) {
                redisBalancer.close();
            }
            if (redis != null) {
                redis.stop();
            }
        }
    }

    /** One group: ring, note when the result arrived, hang the winner up; reports answer-to-result latency. */
    static CompletableFuture<Long> oneGroup(EslConnection connection, RingGroupRequest request, AnswerTimes answers) {
        return RingGroup.ring(connection, request).thenCompose(result -> {
            long receivedMicros = Simulators.nowMicros();
            Channel winner = result.answered().orElseThrow(() -> new IllegalStateException(
                    "nobody answered: " + result));
            CompletableFuture<Long> latency = answers.take(winner.uuid())
                    .thenApply(answeredMicros -> receivedMicros - answeredMicros);
            return winner.hangup("NORMAL_CLEARING").thenCombine(latency, (hungUp, micros) -> micros);
        });
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static void awaitNoLiveChannels(Simulators.Handle sim, EslConnection connection) throws Exception {
        if (sim.inProcess() != null) {
            System.out.println("  live channels right after the run: " + sim.inProcess().ledger().liveChannels());
            sim.inProcess().ledger().awaitNoLiveChannels(Duration.ofSeconds(30));
            return;
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            String show = connection.api("show channels").get(30, TimeUnit.SECONDS);
            if (show.trim().startsWith("0 total")) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("channels still live 30 s after the run");
    }
}
