package io.camelfreeswitch.esl;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import static io.camelfreeswitch.testing.TestWaits.WELL_WITHIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** Session commands beyond the recorded call: what is written, and how the end of a call is noticed. */
@ExtendWith(NettyLeakDetection.class)
class OutboundSessionCommandsTest {
    private EslOutboundServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.closeAsync().orTimeout(WELL_WITHIN.toSeconds(), TimeUnit.SECONDS).join();
        }
    }

    /** A FreeSWITCH stand-in: the captured CHANNEL_DATA for connect, then whatever {@code answer} says. */
    private static final class FakeFreeSwitch {
        final List<String> commands = new CopyOnWriteArrayList<>();
        final Socket socket;
        private final OutputStream out;

        FakeFreeSwitch(int port, Function<String, String> answer) throws IOException {
            socket = new Socket(InetAddress.getLoopbackAddress(), port);
            out = socket.getOutputStream();
            byte[] connectReply = EslFrames.split(Captures.bytes("outbound-plain.raw.txt")).get(0).bytes();
            Thread reader = new Thread(() -> {
                try {
                    InputStream in = socket.getInputStream();
                    String command;
                    while ((command = CaptureReplayPeer.readCommand(in)) != null) {
                        commands.add(command);
                        send(command.equals("connect") ? new String(connectReply, StandardCharsets.UTF_8)
                                : answer.apply(command));
                        if (command.equals("exit")) {
                            socket.close();
                        }
                    }
                } catch (IOException ignored) {
                    // socket closed
                }
            }, "fake-freeswitch");
            reader.setDaemon(true);
            reader.start();
        }

        synchronized void send(String text) throws IOException {
            out.write(text.getBytes(StandardCharsets.UTF_8));
            out.flush();
        }
    }

    private CompletableFuture<OutboundSession> serve(Function<OutboundSession, CompletableFuture<?>> script)
            throws Exception {
        CompletableFuture<OutboundSession> session = new CompletableFuture<>();
        server = EslOutboundServer.builder().port(0).requestTimeout(Duration.ofSeconds(5)).handler(s -> {
            session.complete(s);
            return script.apply(s);
        }).build().start().get(WELL_WITHIN.toSeconds(), TimeUnit.SECONDS);
        return session;
    }

    @Test
    void sessionCommandsAreWrittenAsFreeSwitchExpectsThem() throws Exception {
        CompletableFuture<String> job = new CompletableFuture<>();
        CompletableFuture<OutboundSession> session = serve(s -> s.divertEvents(true)
                .thenCompose(v -> s.linger(Duration.ofSeconds(5)))
                .thenCompose(v -> s.bgapi("status", "job-42"))
                .thenAccept(job::complete)
                .thenCompose(v -> s.ended()));
        String uuid = "d2102001-7d29-47e8-b6ce-d17c07e7cb3a";
        FakeFreeSwitch freeswitch = new FakeFreeSwitch(server.port(), command -> {
            if (command.startsWith("bgapi")) {
                return EslFrames.reply("+OK Job-UUID: job-42") + EslFrames.backgroundJob("job-42", "+OK up\n");
            }
            if (command.equals("exit")) {
                return EslFrames.reply("+OK bye");
            }
            return EslFrames.reply("+OK");
        });

        assertThat(session.get(WELL_WITHIN.toSeconds(), TimeUnit.SECONDS).uniqueId()).isEqualTo(uuid);
        assertThat(job.get(WELL_WITHIN.toSeconds(), TimeUnit.SECONDS)).isEqualTo("up");
        freeswitch.send(EslFrames.channelEvent("CHANNEL_HANGUP", uuid, 1).replace("Event-Sequence: 1\n",
                "Event-Sequence: 1\nHangup-Cause: USER_BUSY\n").replace("Content-Length: ",
                "Content-Length: ").replaceFirst("Content-Length: (\\d+)", "Content-Length: "
                + (EslFrames.utf8Length("Event-Name: CHANNEL_HANGUP\nUnique-ID: " + uuid
                + "\nEvent-Sequence: 1\nHangup-Cause: USER_BUSY\n\n"))));
        freeswitch.send("Content-Type: text/disconnect-notice\nControlled-Session-UUID: " + uuid
                + "\nContent-Disposition: linger\nLinger-Time: 5\nContent-Length: 0\n\n");

        assertThat(session.get().ended().get(WELL_WITHIN.toSeconds(), TimeUnit.SECONDS)).isEqualTo("USER_BUSY");
        await().atMost(WELL_WITHIN).until(() -> freeswitch.commands.contains("exit"));
        assertThat(freeswitch.commands).containsExactly("connect", "divert_events on", "linger 5",
                "event plain BACKGROUND_JOB", "bgapi status\nJob-UUID: job-42", "exit");
    }

    @Test
    void endedCompletesWhenFreeSwitchClosesTheSocketAndPendingCommandsFail() throws Exception {
        CompletableFuture<CompletableFuture<String>> pendingApi = new CompletableFuture<>();
        CompletableFuture<OutboundSession> session = serve(s -> {
            pendingApi.complete(s.api("uuid_getvar x y"));
            return s.ended();
        });
        FakeFreeSwitch freeswitch = new FakeFreeSwitch(server.port(), command -> "");

        OutboundSession s = session.get(WELL_WITHIN.toSeconds(), TimeUnit.SECONDS);
        await().atMost(WELL_WITHIN).until(() -> freeswitch.commands.size() == 2);
        freeswitch.socket.close();

        assertThat(s.ended().get(WELL_WITHIN.toSeconds(), TimeUnit.SECONDS)).isNull();
        assertThatThrownBy(() -> pendingApi.get().get(WELL_WITHIN.toSeconds(), TimeUnit.SECONDS)).cause()
                .isInstanceOf(ConnectionLostException.class);
        await().atMost(WELL_WITHIN).until(() -> s.state() == ConnectionState.CLOSED);
    }

    @Test
    void sessionArgumentsAreCheckedForInjection() throws Exception {
        CompletableFuture<Throwable> rejected = new CompletableFuture<>();
        serve(s -> {
            try {
                s.execute("playback", "file.wav\nexit");
            } catch (IllegalArgumentException e) {
                rejected.complete(e);
            }
            return CompletableFuture.completedFuture(null);
        });
        FakeFreeSwitch freeswitch = new FakeFreeSwitch(server.port(), command -> EslFrames.reply("+OK bye"));

        assertThat(rejected.get(WELL_WITHIN.toSeconds(), TimeUnit.SECONDS)).hasMessageContaining("argument");
        await().atMost(WELL_WITHIN).until(() -> freeswitch.commands.contains("exit"));
        assertThat(freeswitch.commands).containsExactly("connect", "exit");
    }
}
