package io.camelfreeswitch.benchmarks.redis;

import io.camelfreeswitch.benchmarks.harness.AsyncLoad;
import io.camelfreeswitch.benchmarks.harness.LatencyReport;
import io.camelfreeswitch.call.balancer.RedisLoadBalancer;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import redis.embedded.RedisServer;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * Acquire + release per second and latency of {@link RedisLoadBalancer} against a real Redis, next to the obvious
 * alternative it replaces: read every candidate's counter (MGET), then INCR the least loaded, DECR on release. That
 * baseline costs two round trips per acquire and is not atomic (two callers can both pick the same idle destination);
 * it lives here only as the yardstick.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar io.camelfreeswitch.benchmarks.redis.RedisBalancerBenchmark
 *      [--seconds 15] [--warmup 5] [--concurrency 1,16] [--rounds 2] [--redis-uri redis://127.0.0.1:6379]</pre>
 * Without {@code --redis-uri} a real redis-server binary is started (embedded-redis) on a free port.
 */
public final class RedisBalancerBenchmark {

    private static final List<String> CANDIDATES = List.of("user/1001", "user/1002", "user/1003");

    private RedisBalancerBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        RedisServer server = null;
        String uri = options.redisUri;
        if (uri == null) {
            int port = freePort();
            server = RedisServer.newRedisServer().bind("127.0.0.1").port(port).setting("save \"\"")
                    .setting("appendonly no").build();
            server.start();
            uri = "redis://127.0.0.1:" + port;
        }
        System.out.println("redis: " + uri + (server != null ? " (embedded-redis binary)" : ""));
        RedisClient client = RedisClient.create(uri);
        try (StatefulRedisConnection<String, String> connection = client.connect();
             RedisLoadBalancer balancer = RedisLoadBalancer.builder().connection(connection)
                     .keyPrefix("bench-" + UUID.randomUUID()).build()) {
            RedisAsyncCommands<String, String> redis = connection.async();
            String counterPrefix = "bench-counter-" + UUID.randomUUID() + ":";
            List<LatencyReport> reports = new ArrayList<>();
            for (int concurrency : options.concurrency) {
                // alternate which goes first, so JIT warm-up and machine load do not favour one side
                for (int round = 0; round < options.rounds; round++) {
                    LatencyReport ours = null;
                    LatencyReport baseline = null;
                    for (int turn = 0; turn < 2; turn++) {
                        if ((turn + round) % 2 == 0) {
                            ours = AsyncLoad.run("RedisLoadBalancer acquire+release c=" + concurrency, concurrency,
                                    options.warmup, options.seconds, () -> balancer.acquire(CANDIDATES)
                                            .thenCompose(lease -> lease.orElseThrow().release()));
                            System.out.println(ours.line());
                        } else {
                            baseline = AsyncLoad.run("read-then-INCR baseline acquire+release c=" + concurrency,
                                    concurrency, options.warmup, options.seconds,
                                    () -> readThenIncrement(redis, counterPrefix)
                                            .thenCompose(chosen -> redis.decr(chosen).toCompletableFuture()));
                            System.out.println(baseline.line());
                        }
                    }
                    reports.add(ours);
                    reports.add(baseline);
                }
            }
            System.out.println();
            System.out.println("summary (per round, side by side)");
            for (int i = 0; i < reports.size(); i += 2) {
                LatencyReport ours = reports.get(i);
                LatencyReport baseline = reports.get(i + 1);
                System.out.println(ours.line());
                System.out.println(baseline.line());
                System.out.printf("  ratio ours/baseline: throughput %.2fx, p99 %.2fx%n",
                        ours.perSecond() / baseline.perSecond(), ours.percentileMillis(99)
                                / baseline.percentileMillis(99));
            }
        } finally {
            client.shutdown();
            if (server != null) {
                server.stop();
            }
        }
    }

    /** Round trip 1: MGET every counter; round trip 2: INCR the smallest (ties: first). */
    static CompletableFuture<String> readThenIncrement(RedisAsyncCommands<String, String> redis, String prefix) {
        String[] keys = CANDIDATES.stream().map(c -> prefix + c).toArray(String[]::new);
        return redis.mget(keys).toCompletableFuture().thenCompose(values -> {
            int chosen = 0;
            long fewest = Long.MAX_VALUE;
            for (int i = 0; i < values.size(); i++) {
                long load = values.get(i).optional().map(Long::parseLong).orElse(0L);
                if (load < fewest) {
                    fewest = load;
                    chosen = i;
                }
            }
            String key = keys[chosen];
            return redis.incr(key).toCompletableFuture().thenApply(ignored -> key);
        });
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private record Options(double seconds, double warmup, int[] concurrency, String redisUri, int rounds) {
        static Options parse(String[] args) {
            double seconds = 15;
            double warmup = 5;
            int[] concurrency = {1, 16};
            String uri = null;
            int rounds = 2;
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--seconds" -> seconds = Double.parseDouble(args[++i]);
                    case "--warmup" -> warmup = Double.parseDouble(args[++i]);
                    case "--concurrency" -> concurrency = java.util.Arrays.stream(args[++i].split(","))
                            .mapToInt(Integer::parseInt).toArray();
                    case "--redis-uri" -> uri = args[++i];
                    case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                    default -> throw new IllegalArgumentException("unknown option " + args[i]
                            + "; usage: [--seconds 15] [--warmup 5] [--concurrency 1,16] [--rounds 2] [--redis-uri redis://...]");
                }
            }
            return new Options(seconds, warmup, concurrency, uri, rounds);
        }
    }

}
