package io.camelfreeswitch.benchmarks.memory;

import io.camelfreeswitch.benchmarks.harness.Simulators;
import io.camelfreeswitch.call.RingGroup;
import io.camelfreeswitch.call.RingGroupRequest;
import io.camelfreeswitch.call.RingGroupResult;
import io.camelfreeswitch.call.RingMode;
import io.camelfreeswitch.esl.EslClient;
import io.camelfreeswitch.esl.EslClientOptions;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Retained heap per idle connection and per ringing leg, measured as live bytes after a full GC (class histogram)
 * with the simulator in a child JVM so that none of its objects are counted. Then every group is cancelled and the
 * heap is measured again, to show it returns to its baseline.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar io.camelfreeswitch.benchmarks.memory.RetainedMemory
 *      [--legs 10000] [--connections 100]</pre>
 */
public final class RetainedMemory {

    private static final int LEGS_PER_GROUP = 3;

    private RetainedMemory() {
    }

    public static void main(String[] args) throws Exception {
        int legs = 10_000;
        int connections = 100;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--legs" -> legs = Integer.parseInt(args[++i]);
                case "--connections" -> connections = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + "; usage: [--legs 10000] [--connections 100]");
            }
        }
        try (Simulators.Handle sim = Simulators.start(true)) {
            EslClient client = connect(sim, null);
            // one warm-up group, so classes loaded and caches filled on first use are in the baseline
            ringAndCancel(client, 1);
            HeapHistogram baseline = HeapHistogram.take();
            report("baseline (1 connection, nothing ringing)", baseline, null, 1);

            measureIdleConnections(sim, connections, null, baseline);
            EventLoopGroup shared = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
            HeapHistogram withSharedGroup = HeapHistogram.take();
            measureIdleConnections(sim, connections, shared, withSharedGroup);

            shared.shutdownGracefully().sync();

            int groups = (legs + LEGS_PER_GROUP - 1) / LEGS_PER_GROUP;
            int total = groups * LEGS_PER_GROUP;
            // measured from here: the idle-connection rounds above leave thread and attach objects behind
            HeapHistogram beforeRinging = HeapHistogram.take();
            report("before ringing (the new baseline)", beforeRinging, null, 1);
            HeapHistogram afterFirst = null;
            for (int cycle = 1; cycle <= 2; cycle++) {
                HeapHistogram whileRinging = ringCancelAndMeasure(client, groups, total, cycle);
                report(total + " legs ringing (" + groups + " PARALLEL groups of 3), cycle " + cycle, whileRinging,
                        beforeRinging, total);
                if (cycle == 1) {
                    whileRinging.topGrowth(beforeRinging, 20, total).forEach(System.out::println);
                }
                HeapHistogram after = HeapHistogram.take();
                report("after cancelling every group (all legs hung up), cycle " + cycle, after, beforeRinging, 1);
                after.topGrowth(beforeRinging, 8, 1).forEach(System.out::println);
                if (afterFirst != null) {
                    report("  growth from cycle 1 to cycle 2 (a leak would show here)", after, afterFirst, 1);
                }
                afterFirst = after;
            }
            client.closeAsync().get(30, TimeUnit.SECONDS);
        }
        System.exit(0);
    }

    private static HeapHistogram ringCancelAndMeasure(EslClient client, int groups, int total, int cycle)
            throws Exception {
        List<CompletableFuture<RingGroupResult>> ringing = new ArrayList<>(groups);
        RingGroupRequest request = RingGroupRequest.builder(List.of("sim/no-answer", "sim/no-answer",
                "sim/no-answer")).mode(RingMode.PARALLEL).timeout(Duration.ofMinutes(10)).build();
        long start = System.nanoTime();
        for (int g = 0; g < groups; g++) {
            ringing.add(RingGroup.ring(client, request));
        }
        awaitLiveChannels(client, total);
        System.out.printf(Locale.ROOT, "cycle %d: %d legs ringing after %.1f s%n", cycle, total,
                (System.nanoTime() - start) / 1e9);
        // let the last CHANNEL_* events be dispatched before measuring
        awaitQuiet(client);
        HeapHistogram whileRinging = HeapHistogram.take();
        ringing.forEach(f -> f.cancel(false));
        // the harness's own handles on the cancelled futures would otherwise be counted as retained
        ringing.clear();
        awaitLiveChannels(client, 0);
        awaitQuiet(client);
        return whileRinging;
    }

    private static void measureIdleConnections(Simulators.Handle sim, int count, EventLoopGroup group,
            HeapHistogram before) throws Exception {
        List<EslClient> idle = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            idle.add(connect(sim, group));
        }
        HeapHistogram with = HeapHistogram.take();
        report(count + " idle connections (" + (group == null ? "each with its own event loop, the default"
                : "sharing one event loop group") + ")", with, before, count);
        with.topGrowth(before, 8, count).forEach(System.out::println);
        for (EslClient c : idle) {
            c.closeAsync().get(30, TimeUnit.SECONDS);
        }
    }

    private static EslClient connect(Simulators.Handle sim, EventLoopGroup group) throws Exception {
        EslClientOptions.Builder options = EslClientOptions.builder().host("127.0.0.1").port(sim.port())
                .password(Simulators.PASSWORD);
        if (group != null) {
            options.eventLoopGroup(group);
        }
        return EslClient.connect(options.build()).get(30, TimeUnit.SECONDS);
    }

    private static void ringAndCancel(EslClient client, int groups) throws Exception {
        RingGroupRequest request = RingGroupRequest.builder(List.of("sim/no-answer")).mode(RingMode.PARALLEL)
                .timeout(Duration.ofMinutes(1)).build();
        for (int i = 0; i < groups; i++) {
            CompletableFuture<RingGroupResult> f = RingGroup.ring(client, request);
            awaitLiveChannels(client, 1);
            f.cancel(false);
            awaitLiveChannels(client, 0);
        }
    }

    private static void awaitLiveChannels(EslClient client, int expected) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        int live = -1;
        while (System.nanoTime() < deadline) {
            live = liveChannels(client);
            if (live == expected) {
                return;
            }
            Thread.sleep(expected > 1000 ? 2000 : 100);
        }
        throw new IllegalStateException("expected " + expected + " live channels, the simulator has " + live);
    }

    /** Waits until two channel counts a second apart agree and events have had time to be dispatched. */
    private static void awaitQuiet(EslClient client) throws Exception {
        Thread.sleep(2000);
        client.api("status").get(60, TimeUnit.SECONDS);
    }

    static int liveChannels(EslClient client) throws Exception {
        String show = client.api("show channels").get(60, TimeUnit.SECONDS).trim();
        int end = show.lastIndexOf(" total.");
        int start = show.lastIndexOf('\n', end) + 1;
        return Integer.parseInt(show.substring(start, end).trim());
    }

    private static void report(String what, HeapHistogram now, HeapHistogram baseline, long per) {
        if (baseline == null) {
            System.out.printf(Locale.ROOT, "%-75s live heap %,12d bytes%n", what, now.totalBytes());
            return;
        }
        long delta = now.totalBytes() - baseline.totalBytes();
        System.out.printf(Locale.ROOT, "%-75s live heap %,12d bytes  (%+,d = %,.0f bytes each)%n", what,
                now.totalBytes(), delta, (double) delta / per);
    }
}
