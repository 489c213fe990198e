package io.camelfreeswitch.camel;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Events of one channel are handled one at a time in order; channels run side by side up to the limit. */
class OrderedDispatcherTest {

    private final ExecutorService executor = Executors.newFixedThreadPool(8);
    private final ScheduledExecutorService completer = Executors.newScheduledThreadPool(4);

    @AfterEach
    void shutdown() {
        executor.shutdownNow();
        completer.shutdownNow();
    }

    @Test
    void keepsEachChannelsOrderAndBoundsConcurrency() {
        int limit = 3;
        AtomicInteger running = new AtomicInteger();
        AtomicInteger maxRunning = new AtomicInteger();
        Map<String, List<Integer>> seen = new ConcurrentHashMap<>();
        Map<String, AtomicInteger> inFlightPerChannel = new ConcurrentHashMap<>();
        List<String> overlaps = new CopyOnWriteArrayList<>();
        OrderedDispatcher<int[]> dispatcher = new OrderedDispatcher<>(limit, executor, (item, done) -> {
            String channel = "ch" + item[0];
            if (inFlightPerChannel.computeIfAbsent(channel, k -> new AtomicInteger()).incrementAndGet() > 1) {
                overlaps.add(channel);
            }
            maxRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
            seen.computeIfAbsent(channel, k -> Collections.synchronizedList(new ArrayList<>())).add(item[1]);
            // finish asynchronously, as a routed exchange does, after a short random delay
            completer.schedule(() -> {
                running.decrementAndGet();
                inFlightPerChannel.get(channel).decrementAndGet();
                done.run();
            }, (item[1] * 7 + item[0]) % 5, TimeUnit.MILLISECONDS);
        });

        int channels = 10;
        int eventsPerChannel = 50;
        for (int event = 0; event < eventsPerChannel; event++) {
            for (int channel = 0; channel < channels; channel++) {
                dispatcher.submit("ch" + channel, new int[] { channel, event });
            }
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> dispatcher.pending() == 0);
        assertThat(overlaps).isEmpty();
        assertThat(maxRunning.get()).isLessThanOrEqualTo(limit);
        assertThat(seen).hasSize(channels);
        List<Integer> expected = new ArrayList<>();
        for (int event = 0; event < eventsPerChannel; event++) {
            expected.add(event);
        }
        seen.values().forEach(events -> assertThat(events).containsExactlyElementsOf(expected));
    }
}
