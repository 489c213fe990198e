package io.camelfreeswitch.benchmarks.ringgroup;

import io.camelfreeswitch.benchmarks.harness.AsyncLoad;
import io.camelfreeswitch.benchmarks.harness.LatencyReport;
import io.camelfreeswitch.benchmarks.harness.ProcessCpu;
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
import io.camelfreeswitch.simulator.FreeSwitchSimulator;
import redis.embedded.RedisServer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Ring-group capacity: {@code --concurrency} ring groups kept in flight against the simulator, or against your
 * FreeSWITCH with {@code --freeswitch host:port[:password]}, for {@code --seconds}, each group's answered leg hung up
 * before the next group starts. Latency runs from FreeSWITCH's (or the simulator's)
 * {@code Event-Date-Timestamp} on the winner's CHANNEL_ANSWER to the moment the ring-group future completes in the
 * caller. Scenarios:
 * <ul>
 * <li>{@code raw}: {@link RawEslClient}, PARALLEL protocol with no framework, the ceiling;</li>
 * <li>{@code raw-same-events}: the same, subscribed to the events the component follows (it must see every leg end);</li>
 * <li>{@code parallel}: no-answer, answer, no-answer — one answers at once, two lose the race;</li>
 * <li>{@code sequential}: busy, busy, answer — three legs, one after another;</li>
 * <li>{@code balancing-memory}, {@code balancing-redis}: three destinations that all answer at once, least loaded
 * first, through an {@link InMemoryLoadBalancer} / a {@link RedisLoadBalancer} on a real redis-server.</li>
 * </ul>
 * <pre>java -cp benchmarks/target/benchmarks.jar io.camelfreeswitch.benchmarks.ringgroup.RingGroupCapacity
 *      [--seconds 60] [--warmup 10] [--concurrency 16] [--scenarios raw,parallel,sequential,balancing-memory,balancing-redis]
 *      [--simulator-process | --freeswitch host:port[:password]] [--destinations a,b,c]</pre>
 * Against a FreeSWITCH, each scenario rings the phones of camel_it_dialplan.xml (see {@link Groups}) unless
 * {@code --destinations} names the group every scenario rings.
 */
public final class RingGroupCapacity {

    /** What {@code RingEngine} subscribes to. */
    static final List<String> RING_GROUP_EVENTS = List.of("CHANNEL_CREATE", "CHANNEL_PROGRESS",
            "CHANNEL_PROGRESS_MEDIA", "CHANNEL_ANSWER", "CHANNEL_HANGUP_COMPLETE", "BACKGROUND_JOB");

    /** The FreeSWITCH measured; {@code inProcess} is the simulator when it runs in this JVM, else null. */
    private record Target(String host, int port, String password, FreeSwitchSimulator inProcess) {
    }

    private RingGroupCapacity() {
    }

    public static void main(String[] args) throws Exception {
        CapacityOptions options;
        try {
            options = CapacityOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        List<LatencyReport> reports = measure(options);
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

    /** Runs the scenarios the options name, printing each as it ends; the reports in scenario order. */
    static List<LatencyReport> measure(CapacityOptions options) throws Exception {
        Groups groups = options.groups();
        System.out.printf(Locale.ROOT, "ring-group capacity: %d in flight, %.0f s (+%.0f s warm-up) per scenario, "
                + "against %s%n", options.concurrency(), options.seconds(), options.warmup(),
                options.freeswitch().map(fs -> "the FreeSWITCH at " + fs + " (answer-to-result latency compares its"
                        + " clock with ours: keep both on NTP)").orElse(options.simulatorProcess()
                        ? "the simulator in a child JVM" : "the simulator in this JVM"));
        System.out.printf("  groups: parallel %s, sequential %s, balancing %s%n", groups.parallel(),
                groups.sequential(), groups.balancing());
        List<LatencyReport> reports = new ArrayList<>();
        Simulators.Handle sim = options.freeswitch().isPresent() ? null : Simulators.start(options.simulatorProcess());
        try {
            Target target = options.freeswitch()
                    .map(fs -> new Target(fs.host(), fs.port(), fs.password(), null))
                    .orElseGet(() -> new Target("127.0.0.1", sim.port(), Simulators.PASSWORD, sim.inProcess()));
            for (String scenario : options.scenarios()) {
                long cpuBefore = ProcessCpu.nanos();
                LatencyReport report = run(scenario, target, groups, options.concurrency(), options.warmup(),
                        options.seconds());
                long cpu = ProcessCpu.nanos() - cpuBefore;
                System.out.println(report.line());
                // CPU per group depends less on how busy the rest of the machine is than groups/s. The first
                // figure is the steady state; the second charges the warm-up (the JIT compiling) to the groups too,
                // the figure RESULTS.md quoted up to run 8
                System.out.printf(Locale.ROOT, "  %s: %.0f µs of this JVM's CPU per group (%.0f µs warm-up included)%n",
                        scenario, report.cpuMicrosPerOperation(), cpu / 1000.0 / report.operations()
                                / ((options.warmup() + options.seconds()) / options.seconds()));
                reports.add(report);
            }
        } finally {
            if (sim != null) {
                sim.close();
            }
        }
        return reports;
    }

    private static LatencyReport run(String scenario, Target target, Groups groups, int concurrency, double warmup,
            double seconds) throws Exception {
        String name = scenario + " groups c=" + concurrency;
        if (scenario.startsWith("raw")) {
            // raw-same-events: also hears what the component subscribes to (CREATE, PROGRESS, HANGUP_COMPLETE...),
            // to tell the cost of the events a leak-proof client must follow from the cost of the framework
            String events = scenario.equals("raw-same-events") ? String.join(" ", RING_GROUP_EVENTS)
                    : RawEslClient.MINIMAL_EVENTS;
            try (RawEslClient raw = new RawEslClient(target.host(), target.port(), target.password(), events)) {
                LatencyReport report = AsyncLoad.runTimed(name, concurrency, warmup, seconds,
                        () -> raw.ringParallel(groups.parallel()));
                if (target.inProcess() != null) {
                    System.out.println("  live channels right after the raw run: "
                            + target.inProcess().ledger().liveChannels());
                    target.inProcess().ledger().awaitNoLiveChannels(Duration.ofSeconds(60));
                }
                return report;
            }
        }
        RedisServer redis = null;
        RedisLoadBalancer redisBalancer = null;
        EslClient client = EslClient.connect(EslClientOptions.builder().host(target.host()).port(target.port())
                .password(target.password()).build()).get(30, TimeUnit.SECONDS);
        try {
            AnswerTimes answers = new AnswerTimes(client);
            RingGroupRequest request = switch (scenario) {
                case "parallel" -> RingGroupRequest.builder(groups.parallel()).mode(RingMode.PARALLEL).build();
                case "sequential" -> RingGroupRequest.builder(groups.sequential()).mode(RingMode.SEQUENTIAL).build();
                case "balancing-memory" -> RingGroupRequest.builder(groups.balancing()).mode(RingMode.BALANCING)
                        .balancer(new InMemoryLoadBalancer()).build();
                case "balancing-redis" -> {
                    int port = Simulators.freePort();
                    redis = RedisServer.newRedisServer().bind("127.0.0.1").port(port).setting("save \"\"")
                            .setting("appendonly no").build();
                    redis.start();
                    redisBalancer = RedisLoadBalancer.builder().redisUri("redis://127.0.0.1:" + port)
                            .keyPrefix("bench-" + UUID.randomUUID()).build();
                    yield RingGroupRequest.builder(groups.balancing()).mode(RingMode.BALANCING)
                            .balancer(redisBalancer).build();
                }
                default -> throw new IllegalArgumentException("unknown scenario " + scenario);
            };
            LatencyReport report = AsyncLoad.runTimed(name, concurrency, warmup, seconds,
                    () -> oneGroup(client, request, answers));
            awaitNoLiveChannels(target, client);
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

    private static void awaitNoLiveChannels(Target target, EslConnection connection) throws Exception {
        if (target.inProcess() != null) {
            System.out.println("  live channels right after the run: " + target.inProcess().ledger().liveChannels());
            target.inProcess().ledger().awaitNoLiveChannels(Duration.ofSeconds(30));
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
