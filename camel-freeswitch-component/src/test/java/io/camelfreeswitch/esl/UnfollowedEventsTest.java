package io.camelfreeswitch.esl;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static io.camelfreeswitch.testing.TestWaits.WELL_WITHIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A FreeSWITCH carries many calls the application does not follow, and a subscription brings their events too: an
 * event nobody listens to, and the connection itself does not wait for, is given back on the event loop, never handed
 * to the listener pool for nothing.
 */
@ExtendWith(NettyLeakDetection.class)
class UnfollowedEventsTest {

    private final ExecutorService pool = Executors.newCachedThreadPool();
    private final AtomicInteger handedToPool = new AtomicInteger();
    private ScriptedEslServer server;
    private EslClient client;

    @BeforeEach
    void connect() throws Exception {
        server = new ScriptedEslServer("ClueCon");
        // each "api answer" is answered, then followed by an event of a channel this client never asked about
        server.script((c, command) -> ScriptedEslServer.defaultAnswer(command)
                + (command.startsWith("api answer") ? EslFrames.channelEvent("CHANNEL_ANSWER", "someone-else", 1) : ""));
        client = EslClient.connect(EslClientOptions.builder().host("127.0.0.1").port(server.port())
                .password("ClueCon").requestTimeout(Duration.ofSeconds(5)).eventExecutor(task -> {
                    handedToPool.incrementAndGet();
                    pool.execute(task);
                }).build()).get(WELL_WITHIN.toSeconds(), TimeUnit.SECONDS);
    }

    @AfterEach
    void close() throws IOException {
        client.closeAsync().orTimeout(WELL_WITHIN.toSeconds(), TimeUnit.SECONDS).join();
        server.close();
        pool.shutdownNow();
    }

    /** Two api calls; the second one's reply is read after the first call's event, so that event has been read. */
    private int tasksForTwoAnswers() throws Exception {
        handedToPool.set(0);
        client.api("answer").get(WELL_WITHIN.toSeconds(), TimeUnit.SECONDS);
        client.api("answer").get(WELL_WITHIN.toSeconds(), TimeUnit.SECONDS);
        return handedToPool.get();
    }

    @Test
    void anEventNobodyFollowsCostsNoHandOff() throws Exception {
        int onlyTheReplies = tasksForTwoAnswers();

        List<EslEvent> heard = new CopyOnWriteArrayList<>();
        client.addChannelListener("someone-else", heard::add);
        int withAListener = tasksForTwoAnswers();

        assertThat(onlyTheReplies).as("the two replies' completions, and nothing for the two events").isEqualTo(2);
        // heard on a pool lane of its own, which may still be running when the second reply has arrived
        await().atMost(WELL_WITHIN).until(() -> heard.size() == 2);
        assertThat(heard).isNotEmpty().allMatch(event -> "CHANNEL_ANSWER".equals(event.eventName()));
        assertThat(withAListener).as("once someone listens, the events are delivered on the pool")
                .isGreaterThan(onlyTheReplies);
    }
}
