package io.camelfreeswitch.esl;

import io.camelfreeswitch.esl.internal.TransientEventListener;
import io.camelfreeswitch.esl.internal.WireEslEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static io.camelfreeswitch.testing.TestWaits.WELL_WITHIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Events borrow the client's read buffer while they are dispatched: a listener may keep any event it is given, for
 * as long as it likes; only the project's own transient readers see the borrowed bytes, which go back to the pool
 * when the dispatch ends.
 */
@ExtendWith(NettyLeakDetection.class)
class BorrowedEventDispatchTest {

    private ScriptedEslServer server;
    private EslClient client;

    @BeforeEach
    void connect() throws Exception {
        server = new ScriptedEslServer("ClueCon");
        server.script((c, command) -> ScriptedEslServer.defaultAnswer(command)
                + (command.startsWith("api answer") ? EslFrames.channelEvent("CHANNEL_ANSWER", "chan-1", 1) : ""));
        client = EslClient.connect(EslClientOptions.builder().host("127.0.0.1").port(server.port())
                .password("ClueCon").requestTimeout(Duration.ofSeconds(5)).build()).get(WELL_WITHIN.toSeconds(), TimeUnit.SECONDS);
    }

    @AfterEach
    void close() throws IOException {
        client.closeAsync().orTimeout(WELL_WITHIN.toSeconds(), TimeUnit.SECONDS).join();
        server.close();
    }

    private void answer() throws Exception {
        client.api("answer").get(WELL_WITHIN.toSeconds(), TimeUnit.SECONDS);
    }

    @Test
    void aListenerKeepsItsEventAndReadsItLongAfterTheDispatch() throws Exception {
        List<EslEvent> kept = new CopyOnWriteArrayList<>();
        client.addEventListener("CHANNEL_ANSWER", kept::add);

        answer();
        await().atMost(WELL_WITHIN).until(() -> kept.size() == 1);
        answer(); // a second dispatch on the same lane: the first one is long over

        await().atMost(WELL_WITHIN).until(() -> kept.size() == 2);
        EslEvent first = kept.get(0);
        assertThat(((WireEslEvent) first).isBorrowed()).isFalse();
        assertThat(CompletableFuture.supplyAsync(first::headers).get(WELL_WITHIN.toSeconds(), TimeUnit.SECONDS))
                .containsEntry("Event-Name", "CHANNEL_ANSWER").containsEntry("Unique-ID", "chan-1");
    }

    @Test
    void aTransientReaderSeesTheBorrowedEventWhichIsGivenBackAfterTheDispatch() throws Exception {
        List<Boolean> borrowedWhileRead = new CopyOnWriteArrayList<>();
        List<String> states = new CopyOnWriteArrayList<>();
        List<EslEvent> leaked = new CopyOnWriteArrayList<>();
        client.addChannelListener("chan-1", (TransientEventListener) event -> {
            borrowedWhileRead.add(((WireEslEvent) event).isBorrowed());
            states.add(event.eventName());
            leaked.add(event); // breaks the transient contract on purpose, to see what a late read meets
        });

        answer();

        await().atMost(WELL_WITHIN).until(() -> leaked.size() == 1 && !((WireEslEvent) leaked.get(0)).isBorrowed());
        assertThat(borrowedWhileRead).containsExactly(true);
        assertThat(states).containsExactly("CHANNEL_ANSWER");
        assertThatThrownBy(() -> leaked.get(0).uniqueId()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anEventHeardByBothKindsOfListenerIsKeptForTheOneThatMayHoldIt() throws Exception {
        List<EslEvent> kept = new CopyOnWriteArrayList<>();
        List<String> transientlyRead = new CopyOnWriteArrayList<>();
        client.addChannelListener("chan-1", (TransientEventListener) event -> transientlyRead.add(event.uniqueId()));
        client.addEventListener("ALL", kept::add);

        answer();

        await().atMost(WELL_WITHIN).until(() -> kept.size() == 1 && transientlyRead.size() == 1);
        assertThat(transientlyRead).containsExactly("chan-1");
        assertThat(kept.get(0).uniqueId()).isEqualTo("chan-1");
    }
}
