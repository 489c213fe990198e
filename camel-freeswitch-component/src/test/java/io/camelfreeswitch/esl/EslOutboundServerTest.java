package io.camelfreeswitch.esl;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static io.camelfreeswitch.testing.TestWaits.WELL_WITHIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The outbound server against a scripted FreeSWITCH that replays real outbound-socket captures byte for byte. */
@ExtendWith(NettyLeakDetection.class)
class EslOutboundServerTest {
    private EslOutboundServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.closeAsync().orTimeout(WELL_WITHIN.toSeconds(), TimeUnit.SECONDS).join();
        }
    }

    @ParameterizedTest
    @CsvSource({"outbound-plain, PLAIN", "outbound-json, JSON"})
    void drivesARecordedCallFromConnectToExit(String capture, EventFormat format) throws Exception {
        List<String> handlerThreads = new CopyOnWriteArrayList<>();
        List<EslEvent> channelEvents = new CopyOnWriteArrayList<>();
        CompletableFuture<OutboundSession> seen = new CompletableFuture<>();
        CompletableFuture<String> getvar = new CompletableFuture<>();
        CompletableFuture<String> endedCause = new CompletableFuture<>();
        List<String> executed = new CopyOnWriteArrayList<>();
        server = EslOutboundServer.builder().port(0).eventFormat(format).handler(session -> {
            handlerThreads.add(Thread.currentThread().getName());
            seen.complete(session);
            session.addChannelListener(session.uniqueId(), channelEvents::add);
            return session.myevents()
                    .thenCompose(v -> session.linger())
                    .thenCompose(v -> session.execute("answer", null))
                    .thenCompose(done -> {
                        executed.add(done.header("Application") + " " + done.header("Application-Response"));
                        return session.execute("playback", "tone_stream://%(200,0,440);loops=2");
                    })
                    .thenCompose(done -> {
                        executed.add(done.header("Application"));
                        return session.api("uuid_getvar " + session.uniqueId() + " destination_number");
                    })
                    .thenCompose(value -> {
                        getvar.complete(value);
                        return session.hangup("NORMAL_CLEARING");
                    })
                    .thenCompose(v -> session.ended())
                    .thenAccept(endedCause::complete);
        }).build().start().get(WELL_WITHIN.toSeconds(), TimeUnit.SECONDS);

        CaptureReplayPeer freeswitch = new CaptureReplayPeer(Captures.bytes(capture + ".raw.txt"));
        freeswitch.runOn(new Socket(InetAddress.getLoopbackAddress(), server.port()));

        OutboundSession session = seen.get(WELL_WITHIN.toSeconds(), TimeUnit.SECONDS);
        assertThat(session.uniqueId()).isEqualTo(session.channelData().uniqueId());
        assertThat(session.channelData().eventName()).isEqualTo("CHANNEL_DATA");
        assertThat(session.channelData().header("Caller-Destination-Number")).isEqualTo("9000");
        assertThat(session.channelData().variable("current_application")).isEqualTo("socket");
        assertThat(getvar.get(WELL_WITHIN.toSeconds(), TimeUnit.SECONDS)).isEqualTo("9000");
        assertThat(endedCause.get(WELL_WITHIN.toSeconds(), TimeUnit.SECONDS)).isEqualTo("NORMAL_CLEARING");
        assertThat(executed).containsExactly("answer _none_", "playback");
        freeswitch.finished.get(WELL_WITHIN.toSeconds(), TimeUnit.SECONDS);
        await().atMost(WELL_WITHIN).until(() -> session.state() == ConnectionState.CLOSED);

        List<String> expected = CaptureReplayPeer.sentCommands(Captures.bytes(capture + ".sent.txt"));
        assertThat(freeswitch.commands).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            // ours add the Event-UUID header that correlates CHANNEL_EXECUTE_COMPLETE
            assertThat(freeswitch.commands.get(i)).startsWith(expected.get(i));
        }
        assertThat(freeswitch.commands.get(3)).contains("\nEvent-UUID: ");
        assertThat(handlerThreads).singleElement().asString().startsWith("esl-outbound-session");
        await().atMost(WELL_WITHIN).until(() -> channelEvents.size() == 12);
        assertThat(channelEvents).extracting(EslEvent::eventName).startsWith("CHANNEL_PARK", "CHANNEL_EXECUTE",
                "CHANNEL_ANSWER", "CHANNEL_EXECUTE_COMPLETE").endsWith("CHANNEL_HANGUP_COMPLETE");
        await().atMost(WELL_WITHIN).until(() -> server.sessions().isEmpty());
    }

    @Test
    void peersOutsideTheAllowListAreClosedBeforeConnect() throws Exception {
        List<OutboundSession> sessions = new CopyOnWriteArrayList<>();
        server = EslOutboundServer.builder().port(0).allowPeer("192.0.2.77").handler(session -> {
            sessions.add(session);
            return session.ended();
        }).build().start().get(WELL_WITHIN.toSeconds(), TimeUnit.SECONDS);

        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            socket.setSoTimeout(10_000);
            InputStream in = socket.getInputStream();
            assertThat(in.read()).as("closed without a byte").isEqualTo(-1);
        }
        assertThat(sessions).isEmpty();
    }

    @Test
    void aHandlerThatThrowsStillClosesTheSessionWithExit() throws Exception {
        server = EslOutboundServer.builder().port(0).handler(session -> {
            throw new IllegalStateException("boom");
        }).build().start().get(WELL_WITHIN.toSeconds(), TimeUnit.SECONDS);
        CaptureReplayPeer freeswitch = new CaptureReplayPeer(Captures.bytes("outbound-plain.raw.txt"));
        freeswitch.runOn(new Socket(InetAddress.getLoopbackAddress(), server.port()));

        await().atMost(WELL_WITHIN).until(() -> freeswitch.commands.size() == 2);
        assertThat(freeswitch.commands).containsExactly("connect", "exit");
    }

    @Test
    void bindsToLoopbackByDefault() throws Exception {
        server = EslOutboundServer.builder().port(0).handler(OutboundSession::ended).build().start()
                .get(WELL_WITHIN.toSeconds(), TimeUnit.SECONDS);
        assertThat(server.port()).isPositive();
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            assertThat(socket.isConnected()).isTrue();
        }
    }
}
