package io.camelfreeswitch.esl;

import io.camelfreeswitch.simulator.FreeSwitchSimulatorExtension;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static io.camelfreeswitch.testing.TestWaits.WELL_WITHIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * A connection's I/O lane: a serial lane on the event loop of its socket. The events of channels pinned to it are
 * handled on the loop that read them, with no other thread involved; tasks from any thread take their turn with
 * those events, one at a time and in order, across reconnects (when the socket moves to another loop) and after the
 * connection is closed.
 */
class IoLaneTest {

    private static final List<String> EVENTS = List.of("CHANNEL_CREATE", "CHANNEL_ANSWER", "CHANNEL_HANGUP_COMPLETE",
            "BACKGROUND_JOB");

    @RegisterExtension
    static final FreeSwitchSimulatorExtension SIM = FreeSwitchSimulatorExtension.perClass()
            .assertNoLiveChannelsAfterEach();

    private final List<EslClient> clients = new ArrayList<>();
    private EventLoopGroup sharedLoops;

    @AfterEach
    void close() {
        clients.forEach(client -> client.closeAsync().orTimeout(WELL_WITHIN.toSeconds(), TimeUnit.SECONDS).join());
        if (sharedLoops != null) {
            sharedLoops.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }

    @Test
    void a_pinned_channels_events_are_handled_by_its_owner_on_the_socket_event_loop_and_by_others_off_it()
            throws Exception {
        EslClient client = connect(EslClientOptions.builder());
        Thread eventLoop = threadOf(client);
        String uuid = UUID.randomUUID().toString();
        Set<Thread> handlingThreads = ConcurrentHashMap.newKeySet();
        List<String> handled = new CopyOnWriteArrayList<>();
        Registration listening = client.addChannelListener(uuid, client.ioLane(), event -> {
            handlingThreads.add(Thread.currentThread());
            handled.add(event.eventName());
        });
        Set<String> otherListenersThreads = ConcurrentHashMap.newKeySet();
        Registration others = client.addEventListener("CHANNEL_ANSWER", event -> {
            if (uuid.equals(event.uniqueId())) {
                otherListenersThreads.add(Thread.currentThread().getName());
            }
        });

        client.bgapi(originate(uuid), uuid).get(WELL_WITHIN.toSeconds(), TimeUnit.SECONDS);
        SIM.ledger().awaitAnswered(uuid, WELL_WITHIN);
        client.hangup(uuid, "NORMAL_CLEARING").get(WELL_WITHIN.toSeconds(), TimeUnit.SECONDS);
        await().atMost(WELL_WITHIN).until(() -> handled.contains("CHANNEL_HANGUP_COMPLETE"));

        assertThat(handled).startsWith("CHANNEL_CREATE").contains("CHANNEL_ANSWER");
        assertThat(handlingThreads).as("the owner: one thread, the socket's event loop, and no other")
                .containsExactly(eventLoop);
        await().atMost(WELL_WITHIN).until(() -> !otherListenersThreads.isEmpty());
        assertThat(otherListenersThreads).as("anyone else: user code, never on the event loop")
                .allMatch(name -> name.startsWith("esl-events"));
        listening.close();
        others.close();
    }

    @Test
    void tasks_queued_from_other_threads_and_by_handlers_take_their_turn_with_the_events_in_order()
            throws Exception {
        EslClient client = connect(EslClientOptions.builder());
        String uuid = UUID.randomUUID().toString();
        List<String> turns = new CopyOnWriteArrayList<>();
        AtomicBoolean busy = new AtomicBoolean();
        AtomicBoolean overlapped = new AtomicBoolean();
        AtomicBoolean offTheLoop = new AtomicBoolean();
        Runnable enter = () -> {
            overlapped.compareAndSet(false, !busy.compareAndSet(false, true));
            offTheLoop.compareAndSet(false, !client.ioLoop().inEventLoop());
        };
        Runnable leave = () -> busy.set(false);
        Registration listening = client.addChannelListener(uuid, client.ioLane(), event -> {
            enter.run();
            String name = event.eventName();
            // queued by a running handler: runs after it, never inside it
            client.ioLane().execute(() -> {
                enter.run();
                turns.add("after " + name);
                leave.run();
            });
            turns.add(name);
            leave.run();
        });
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        AtomicInteger ticks = new AtomicInteger();
        try {
            timer.scheduleAtFixedRate(() -> {
                int tick = ticks.incrementAndGet();
                client.ioLane().execute(() -> {
                    enter.run();
                    turns.add("tick " + tick);
                    leave.run();
                });
            }, 0, 1, TimeUnit.MILLISECONDS);
            client.bgapi(originate(uuid), uuid).get(WELL_WITHIN.toSeconds(), TimeUnit.SECONDS);
            SIM.ledger().awaitAnswered(uuid, WELL_WITHIN);
            client.hangup(uuid, "NORMAL_CLEARING").get(WELL_WITHIN.toSeconds(), TimeUnit.SECONDS);
            await().atMost(WELL_WITHIN).until(() -> turns.contains("after CHANNEL_HANGUP_COMPLETE"));
        } finally {
            timer.shutdownNow();
            timer.awaitTermination(5, TimeUnit.SECONDS);
        }
        int lastTick = ticks.get();
        await().atMost(WELL_WITHIN).until(() -> turns.contains("tick " + lastTick));

        List<String> ticksSeen = turns.stream().filter(turn -> turn.startsWith("tick ")).toList();
        assertThat(ticksSeen).as("every tick, in the order queued")
                .isEqualTo(java.util.stream.IntStream.rangeClosed(1, lastTick).mapToObj(i -> "tick " + i).toList());
        List<String> events = turns.stream().filter(turn -> turn.startsWith("CHANNEL_")).toList();
        assertThat(events).startsWith("CHANNEL_CREATE").endsWith("CHANNEL_HANGUP_COMPLETE");
        for (String event : events) {
            assertThat(turns.indexOf("after " + event)).as("the task queued by %s's handler", event)
                    .isGreaterThan(turns.indexOf(event));
        }
        assertThat(overlapped).as("one turn at a time").isFalse();
        assertThat(offTheLoop).as("every turn on the socket's event loop").isFalse();
        listening.close();
    }

    @Test
    void after_a_reconnect_to_another_event_loop_the_lane_stays_serial_and_moves_with_the_socket() throws Exception {
        sharedLoops = new MultiThreadIoEventLoopGroup(2, new DefaultThreadFactory("io-lane-test", true),
                NioIoHandler.newFactory());
        EslClient client = connect(EslClientOptions.builder().eventLoopGroup(sharedLoops)
                .reconnectInitialDelay(Duration.ofMillis(20)).reconnectMaxDelay(Duration.ofMillis(50)));
        List<Integer> order = new CopyOnWriteArrayList<>();
        Set<Thread> loopsThatRan = ConcurrentHashMap.newKeySet();
        AtomicBoolean busy = new AtomicBoolean();
        AtomicBoolean overlapped = new AtomicBoolean();
        AtomicInteger queued = new AtomicInteger();
        Runnable queueOne = () -> {
            int n = queued.incrementAndGet();
            client.ioLane().execute(() -> {
                overlapped.compareAndSet(false, !busy.compareAndSet(false, true));
                loopsThatRan.add(Thread.currentThread());
                order.add(n);
                busy.set(false);
            });
        };
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        Thread loopBefore = threadOf(client);
        try {
            timer.scheduleAtFixedRate(queueOne, 0, 200, TimeUnit.MICROSECONDS);
            await().atMost(WELL_WITHIN).until(() -> order.size() > 50);
            // the group hands its loops out in turn, and a reconnect takes two turns (its timer's, its socket's):
            // taking one more here puts the new socket on the other loop
            for (int drop = 0; drop < 5 && threadOf(client) == loopBefore; drop++) {
                sharedLoops.next();
                reconnect(client);
                int afterReconnect = queued.get();
                await().atMost(WELL_WITHIN).until(() -> order.size() > afterReconnect + 50);
            }
        } finally {
            timer.shutdownNow();
            timer.awaitTermination(5, TimeUnit.SECONDS);
        }
        int last = queued.get();
        await().atMost(WELL_WITHIN).until(() -> order.size() == last);

        assertThat(order).as("every task, in the order queued, none lost")
                .isEqualTo(java.util.stream.IntStream.rangeClosed(1, last).boxed().toList());
        assertThat(overlapped).as("one task at a time, also while the lane moved").isFalse();
        Thread loopAfter = threadOf(client);
        assertThat(loopAfter).as("the new socket is on the group's other loop").isNotEqualTo(loopBefore);
        assertThat(loopsThatRan).contains(loopBefore, loopAfter);

        String uuid = UUID.randomUUID().toString();
        Set<Thread> handlingThreads = ConcurrentHashMap.newKeySet();
        List<String> handled = new CopyOnWriteArrayList<>();
        Registration listening = client.addChannelListener(uuid, client.ioLane(), event -> {
            handlingThreads.add(Thread.currentThread());
            handled.add(event.eventName());
        });
        client.bgapi(originate(uuid), uuid).get(WELL_WITHIN.toSeconds(), TimeUnit.SECONDS);
        SIM.ledger().awaitAnswered(uuid, WELL_WITHIN);
        client.hangup(uuid, "NORMAL_CLEARING").get(WELL_WITHIN.toSeconds(), TimeUnit.SECONDS);
        await().atMost(WELL_WITHIN).until(() -> handled.contains("CHANNEL_HANGUP_COMPLETE"));
        assertThat(handlingThreads).as("a channel pinned after the reconnect: handled on the new socket's loop")
                .containsExactly(loopAfter);
        listening.close();
    }

    @Test
    void after_close_the_lane_still_runs_what_it_is_given() throws Exception {
        EslClient client = connect(EslClientOptions.builder());
        client.closeAsync().get(WELL_WITHIN.toSeconds(), TimeUnit.SECONDS);
        await().atMost(WELL_WITHIN).until(() -> client.ioLoop() == null || client.ioLoop().isTerminated());

        CompletableFuture<Thread> ran = new CompletableFuture<>();
        client.ioLane().execute(() -> ran.complete(Thread.currentThread()));

        assertThat(ran).as("run by the caller: there is no loop left to run it").isCompletedWithValue(
                Thread.currentThread());
    }

    @Test
    void a_channel_is_pinned_only_to_a_lane_of_its_own_connection_and_to_one_lane_at_a_time() throws Exception {
        EslClient client = connect(EslClientOptions.builder());
        EslClient other = connect(EslClientOptions.builder());
        String uuid = UUID.randomUUID().toString();

        assertThatThrownBy(() -> client.addChannelListener(uuid, other.ioLane(), event -> { }))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> client.addChannelListener(uuid, Runnable::run, event -> { }))
                .isInstanceOf(IllegalArgumentException.class);
        Registration pinned = client.addChannelListener(uuid, client.ioLane(), event -> { });
        assertThatThrownBy(() -> client.addChannelListener(uuid, client.lane("elsewhere"), event -> { }))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("already pinned");
        assertThat(client.lane(uuid)).as("where anyone but its owners hears it, and a user's task for it runs: a"
                + " pool lane, never the event loop").isNotSameAs(client.ioLane());

        pinned.close();
        assertThat(client.dispatcher.pinned()).isZero();
    }

    private EslClient connect(EslClientOptions.Builder options) throws Exception {
        EslClient client = EslClient.connect(options.host("127.0.0.1").port(SIM.port()).password(SIM.password())
                .build()).get(WELL_WITHIN.toSeconds(), TimeUnit.SECONDS);
        clients.add(client);
        client.subscribe(EVENTS).get(WELL_WITHIN.toSeconds(), TimeUnit.SECONDS);
        return client;
    }

    private static void reconnect(EslClient client) throws Exception {
        CompletableFuture<Void> down = new CompletableFuture<>();
        CompletableFuture<Void> upAgain = new CompletableFuture<>();
        Registration watching = client.addStateListener((state, cause) -> {
            if (state == ConnectionState.DOWN) {
                down.complete(null);
            } else if (state == ConnectionState.UP && down.isDone()) {
                upAgain.complete(null);
            }
        });
        SIM.simulator().faults().dropAllConnections();
        upAgain.get(WELL_WITHIN.toSeconds(), TimeUnit.SECONDS);
        watching.close();
    }

    private static Thread threadOf(EslClient client) throws Exception {
        CompletableFuture<Thread> thread = new CompletableFuture<>();
        client.ioLoop().execute(() -> thread.complete(Thread.currentThread()));
        return thread.get(WELL_WITHIN.toSeconds(), TimeUnit.SECONDS);
    }

    private static String originate(String uuid) {
        return "originate {origination_uuid=" + uuid + "}sim/answer &park()";
    }
}
