package io.camelfreeswitch.call.balancer;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.cluster.SlotHash;
import io.lettuce.core.codec.StringCodec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.awaitility.Awaitility;
import redis.embedded.RedisServer;

/**
 * A real Redis Cluster of three masters (no replicas), made from the redis-server binary shipped in embedded-redis:
 * each node starts with {@code cluster-enabled yes} on a free port, gets a third of the 16384 slots, and meets the
 * others; the cluster is ready once every node reports {@code cluster_state:ok} and sees all three masters. The
 * bundled binary is Redis 6.2, which has no {@code CLUSTER ADDSLOTSRANGE}: the slots are given with
 * {@code CLUSTER ADDSLOTS}, one call per node. Nodes can be killed (and brought back, empty) to test failures.
 */
public final class TestRedisCluster implements AutoCloseable {

    public static final int MASTERS = 3;
    private static final Duration READY_WITHIN = Duration.ofSeconds(30);

    private final Path directory;
    private final List<Node> nodes = new ArrayList<>();
    /** Talks to one node at a time, to set the cluster up. */
    private final RedisClient admin = RedisClient.create();

    private TestRedisCluster() {
        try {
            directory = Files.createTempDirectory("camel-freeswitch-redis-cluster");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static TestRedisCluster start() {
        TestRedisCluster cluster = new TestRedisCluster();
        try {
            for (int i = 0; i < MASTERS; i++) {
                cluster.nodes.add(new Node(cluster.admin, cluster.directory, TestRedis.freePort(), firstSlot(i), lastSlot(i)));
            }
            cluster.nodes.forEach(Node::start);
            cluster.assignSlotsAndMeet();
            cluster.awaitReady();
            return cluster;
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
    }

    /** The form the balancer takes for a cluster: every node a seed. */
    public String uri() {
        return RedisClusterUri.SCHEME + nodes.stream().map(node -> "127.0.0.1:" + node.port)
                .collect(Collectors.joining(","));
    }

    /** Which master (0, 1, 2) serves the slot of a balancer's keys with {@code keyPrefix}. */
    public static int masterOf(String keyPrefix) {
        int slot = SlotHash.getSlot("{" + keyPrefix + "}:lease:any");
        return IntStream.range(0, MASTERS).filter(i -> slot >= firstSlot(i) && slot <= lastSlot(i)).findFirst()
                .orElseThrow();
    }

    /** A key prefix, starting with {@code base}, whose keys live on master {@code master}. */
    public static String prefixOn(int master, String base) {
        for (int n = 0; ; n++) {
            String prefix = base + "-" + n;
            if (masterOf(prefix) == master) {
                return prefix;
            }
        }
    }

    /** Stops master {@code index} as a crash would (its data is gone: no persistence). */
    public void kill(int index) {
        nodes.get(index).stop();
    }

    /** Starts a killed master again on its port, empty, and waits until the cluster is whole again. */
    public void revive(int index) {
        nodes.get(index).start();
        awaitReady();
    }

    @Override
    public void close() {
        nodes.forEach(Node::stop);
        admin.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        try (var files = Files.walk(directory)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a temporary directory left behind is harmless
        }
    }

    private void assignSlotsAndMeet() {
        for (Node node : nodes) {
            node.run(commands -> commands.clusterAddSlots(IntStream.rangeClosed(node.firstSlot, node.lastSlot)
                    .toArray()));
        }
        Node first = nodes.get(0);
        for (Node other : nodes.subList(1, nodes.size())) {
            first.run(commands -> commands.clusterMeet("127.0.0.1", other.port));
        }
    }

    private void awaitReady() {
        Awaitility.await("Redis Cluster ready").atMost(READY_WITHIN).pollInterval(Duration.ofMillis(50))
                .until(() -> nodes.stream().allMatch(node -> node.run(commands -> {
                    boolean ok = commands.clusterInfo().contains("cluster_state:ok");
                    long masters = commands.clusterNodes().lines()
                            .filter(line -> line.contains("master") && !line.contains("fail")
                                    && !line.contains("handshake") && !line.contains("noaddr"))
                            .count();
                    return ok && masters == MASTERS;
                })));
    }

    private static int firstSlot(int index) {
        return index * (SlotHash.SLOT_COUNT / MASTERS);
    }

    private static int lastSlot(int index) {
        return index == MASTERS - 1 ? SlotHash.SLOT_COUNT - 1 : firstSlot(index + 1) - 1;
    }

    private static final class Node {
        final int port;
        final int firstSlot;
        final int lastSlot;
        private final RedisServer server;
        private final RedisClient admin;

        Node(RedisClient admin, Path directory, int port, int firstSlot, int lastSlot) {
            this.admin = admin;
            this.port = port;
            this.firstSlot = firstSlot;
            this.lastSlot = lastSlot;
            try {
                this.server = RedisServer.newRedisServer().bind("127.0.0.1").port(port)
                        .setting("save \"\"")
                        .setting("appendonly no")
                        .setting("dir " + directory)
                        .setting("cluster-enabled yes")
                        .setting("cluster-config-file nodes-" + port + ".conf")
                        // a dead master is noticed within a second, and its loss must not stop the others
                        .setting("cluster-node-timeout 1000")
                        .setting("cluster-require-full-coverage no")
                        .build();
            } catch (IOException e) {
                throw new UncheckedIOException("could not prepare a Redis Cluster node", e);
            }
        }

        synchronized void start() {
            try {
                if (!server.isActive()) {
                    server.start(); // its nodes-<port>.conf makes it rejoin the cluster with its slots
                }
            } catch (IOException e) {
                throw new UncheckedIOException("could not start a Redis Cluster node on port " + port, e);
            }
        }

        synchronized void stop() {
            try {
                if (server.isActive()) {
                    server.stop();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        <T> T run(java.util.function.Function<io.lettuce.core.api.sync.RedisCommands<String, String>, T> work) {
            try (StatefulRedisConnection<String, String> connection =
                         admin.connect(StringCodec.UTF8, RedisURI.create("127.0.0.1", port))) {
                return work.apply(connection.sync());
            }
        }
    }
}
