package io.camelfreeswitch.reliability;

import io.camelfreeswitch.camel.FreeSwitchComponent;
import io.camelfreeswitch.esl.AuthenticationException;
import io.camelfreeswitch.esl.ConnectionState;
import io.camelfreeswitch.esl.EslClient;
import io.camelfreeswitch.esl.EslClientOptions;
import io.camelfreeswitch.esl.EslOutboundServer;
import io.camelfreeswitch.esl.NettyLeakDetection;
import io.camelfreeswitch.esl.OutboundSession;
import io.camelfreeswitch.simulator.FreeSwitchSimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * A wrong password is one clear error and no retry storm; the password shows nowhere; the outbound server listens
 * on loopback unless told otherwise; and a peer flooding frames above the caps is cut off.
 */
@ExtendWith(NettyLeakDetection.class)
class AuthAndExposureTest {

    private static final Duration WELL_WITHIN = Duration.ofSeconds(30);
    private static final String SECRET = "Pa55-w0rd-that-must-never-show";

    @Test
    void aWrongPasswordGivesOneAuthenticationErrorAndNoFurtherAttempts() throws Exception {
        try (RecordingEslServer refusing = new RecordingEslServer(false)) {
            EslClient client = EslClient.create(options(refusing.port()).password(SECRET)
                    .reconnectInitialDelay(Duration.ofMillis(10)).reconnectMaxDelay(Duration.ofMillis(20)).build());
            List<Throwable> downCauses = new java.util.concurrent.CopyOnWriteArrayList<>();
            client.addStateListener((state, cause) -> {
                if (cause != null) {
                    downCauses.add(cause);
                }
            });
            CompletableFuture<EslClient> started = client.start();
            assertThatThrownBy(() -> started.get(30, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                    .cause().isInstanceOf(AuthenticationException.class).hasMessageContaining("refused the password")
                    .hasMessageNotContaining(SECRET);
            // with a 10 ms back-off a retry loop would have made dozens of attempts in this time
            await().during(Duration.ofSeconds(2)).atMost(WELL_WITHIN).until(() -> refusing.connections() == 1);
            assertThat(refusing.commands()).hasSize(1);
            assertThat(client.state()).isEqualTo(ConnectionState.DOWN);
            assertThat(downCauses).hasOnlyElementsOfType(AuthenticationException.class).hasSize(1);
            client.closeAsync().get(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void aPasswordRevokedWhileConnectedStopsTheReconnectLoopWithOneError() throws Exception {
        try (FreeSwitchSimulator sim = FreeSwitchSimulator.builder().password(SECRET).port(0).build().start()) {
            EslClient client = EslClient.connect(options(sim.port()).password(SECRET)
                    .reconnectInitialDelay(Duration.ofMillis(10)).reconnectMaxDelay(Duration.ofMillis(20)).build())
                    .get(30, TimeUnit.SECONDS);
            List<Throwable> authErrors = new java.util.concurrent.CopyOnWriteArrayList<>();
            client.addStateListener((state, cause) -> {
                if (cause instanceof AuthenticationException) {
                    authErrors.add(cause);
                }
            });
            sim.faults().refuseAuth(true);
            sim.faults().dropAllConnections();
            await().atMost(WELL_WITHIN).until(() -> authErrors.size() == 1);
            // DOWN with the reason (not closed, not retrying): health checks and listeners can still tell why
            await().during(Duration.ofSeconds(2)).atMost(WELL_WITHIN)
                    .until(() -> authErrors.size() == 1 && client.state() == ConnectionState.DOWN);
            client.closeAsync().get(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void thePasswordAppearsInNoLogLineExceptionOrToString() throws Exception {
        List<String> seen = new ArrayList<>();
        try (LogCapture logs = new LogCapture();
                FreeSwitchSimulator sim = FreeSwitchSimulator.builder().password(SECRET).port(0).build().start();
                RecordingEslServer refusing = new RecordingEslServer(false)) {
            EslClientOptions good = options(sim.port()).password(SECRET).build();
            seen.add(good.toString());
            EslClient client = EslClient.connect(good).get(30, TimeUnit.SECONDS);
            seen.add(client.toString());
            client.api("status").get(30, TimeUnit.SECONDS);
            sim.faults().dropAllConnections();
            await().atMost(WELL_WITHIN).until(() -> client.state() == ConnectionState.UP);
            client.closeAsync().get(30, TimeUnit.SECONDS);

            try {
                EslClient.connect(options(refusing.port()).password(SECRET).build()).get(30, TimeUnit.SECONDS);
            } catch (ExecutionException refused) {
                seen.add(stackTrace(refused));
            }
            try {
                EslClient.connect(options(unusedPort()).password(SECRET).build()).get(30, TimeUnit.SECONDS);
            } catch (ExecutionException unreachable) {
                seen.add(stackTrace(unreachable));
            }
            try {
                EslClientOptions.builder().password(SECRET + "\n");
            } catch (IllegalArgumentException bad) {
                seen.add(stackTrace(bad));
            }

            // the Camel way: the password set on the component (or a property placeholder), not typed into a URI
            CamelContext camel = new DefaultCamelContext();
            FreeSwitchComponent component = new FreeSwitchComponent();
            component.getConfiguration().setPassword(SECRET);
            camel.addComponent("freeswitch", component);
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:status").to("freeswitch:api?command=status&host=127.0.0.1&port=" + sim.port());
                    from("direct:refused").to("freeswitch:api?command=status&host=127.0.0.1&port="
                            + refusing.port() + "&connectTimeout=2000");
                    // typed into a URI anyway: Camel core traces raw URIs, but nothing of ours may repeat it
                    from("direct:inUri").to("freeswitch:api?command=status&host=127.0.0.1&port=" + refusing.port()
                            + "&password=" + SECRET + "&connectTimeout=2000");
                }
            });
            camel.start();
            assertThat(camel.createProducerTemplate().requestBody("direct:status", null, String.class))
                    .contains("UP");
            for (String route : List.of("direct:refused", "direct:inUri")) {
                try {
                    camel.createProducerTemplate().requestBody(route, (Object) null);
                } catch (Exception refused) {
                    seen.add(stackTrace(refused));
                }
            }
            camel.getEndpoints().forEach(endpoint -> seen.add(endpoint.toString()));
            camel.getRoutes().forEach(route -> seen.add(route.toString() + route.getEndpoint()));
            seen.add(component.getConfiguration().toString());
            camel.stop();
            logs.lines().stream().filter(line -> !line.startsWith("org.apache.camel.impl.engine.AbstractCamelContext")
                    && !line.startsWith("org.apache.camel.support.")).forEach(seen::add);
        }
        assertThat(seen).as("every text the component produced").isNotEmpty();
        assertThat(seen.stream().filter(text -> text.contains(SECRET)).toList()).as("texts showing the password")
                .isEmpty();
    }

    @Test
    void theOutboundServerListensOnLoopbackOnlyUnlessToldOtherwise() throws Exception {
        EslOutboundServer server = EslOutboundServer.builder().port(0).handler(OutboundSession::ended).build()
                .start().get(30, TimeUnit.SECONDS);
        try {
            assertThat(ListeningSockets.loopbackOnly(server.port()))
                    .as("bound to %s", ListeningSockets.listeningAddresses(server.port())).isTrue();
        } finally {
            server.closeAsync().get(30, TimeUnit.SECONDS);
        }

        int port = unusedPort();
        CamelContext camel = new DefaultCamelContext();
        camel.addComponent("freeswitch", new FreeSwitchComponent());
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("freeswitch:outbound?bindPort=" + port).log("call");
            }
        });
        camel.start();
        try {
            assertThat(ListeningSockets.loopbackOnly(port)).as("bound to %s", ListeningSockets.listeningAddresses(port))
                    .isTrue();
        } finally {
            camel.stop();
        }
    }

    @Test
    void anOutboundPeerFloodingAnEndlessHeaderIsCutOffAtTheCap() throws Exception {
        EslOutboundServer server = EslOutboundServer.builder().port(0).maxHeaderBlockBytes(8 * 1024)
                .maxBodyBytes(64 * 1024).handler(OutboundSession::ended).build().start().get(30, TimeUnit.SECONDS);
        try (Socket flooder = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            assertThat(floodUntilClosed(flooder, "X-Flood: ")).as("bytes written before the server hung up")
                    .isLessThan(16L * 1024 * 1024);
        } finally {
            server.closeAsync().get(30, TimeUnit.SECONDS);
        }
        server = EslOutboundServer.builder().port(0).maxBodyBytes(64 * 1024).handler(OutboundSession::ended).build()
                .start().get(30, TimeUnit.SECONDS);
        try (Socket flooder = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            flooder.getOutputStream().write("Content-Type: command/reply\nContent-Length: 999999999\n\n"
                    .getBytes(StandardCharsets.US_ASCII));
            flooder.setSoTimeout(30_000);
            InputStream in = flooder.getInputStream();
            assertThat(drain(in)).as("the server closes the socket").isTrue();
        } finally {
            server.closeAsync().get(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void aFreeSwitchFloodingOversizedFramesIsDisconnectedAndTheClientRecovers() throws Exception {
        try (ServerSocket fake = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            CompletableFuture<Long> flooded = CompletableFuture.supplyAsync(() -> {
                try (Socket socket = fake.accept()) {
                    OutputStream out = socket.getOutputStream();
                    out.write("Content-Type: auth/request\n\n".getBytes(StandardCharsets.US_ASCII));
                    RecordingEslServer.read(socket.getInputStream());
                    out.write("Content-Type: command/reply\nReply-Text: +OK accepted\n\n"
                            .getBytes(StandardCharsets.US_ASCII));
                    return floodUntilClosed(socket, "Content-Type: text/event-plain\nX-Flood: ");
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            EslClient client = EslClient.create(options(fake.getLocalPort()).maxHeaderBlockBytes(8 * 1024)
                    .reconnectInitialDelay(Duration.ofSeconds(60)).reconnectMaxDelay(Duration.ofSeconds(60)).build());
            List<Throwable> causes = new java.util.concurrent.CopyOnWriteArrayList<>();
            client.addStateListener((state, cause) -> {
                if (state == ConnectionState.DOWN && cause != null) {
                    causes.add(cause);
                }
            });
            client.start();
            assertThat(flooded.get(60, TimeUnit.SECONDS)).as("bytes accepted before the client hung up")
                    .isLessThan(16L * 1024 * 1024);
            await().atMost(WELL_WITHIN).until(() -> !causes.isEmpty());
            assertThat(stackTrace(causes.get(0))).contains("header block exceeds");
            client.closeAsync().get(30, TimeUnit.SECONDS);
        }
    }

    /** Writes an endless header line until the peer closes; returns how much it took. */
    private static long floodUntilClosed(Socket socket, String start) {
        byte[] chunk = "A".repeat(4096).getBytes(StandardCharsets.US_ASCII);
        long written = 0;
        try {
            OutputStream out = socket.getOutputStream();
            out.write(start.getBytes(StandardCharsets.US_ASCII));
            while (written < 64L * 1024 * 1024) {
                out.write(chunk);
                written += chunk.length;
            }
        } catch (java.io.IOException closedByPeer) {
            return written;
        }
        return written;
    }

    private static boolean drain(InputStream in) throws java.io.IOException {
        byte[] buffer = new byte[4096];
        try {
            while (in.read(buffer) >= 0) {
                // the connect command the server sends first
            }
            return true;
        } catch (java.net.SocketException reset) {
            return true;
        }
    }

    private static EslClientOptions.Builder options(int port) {
        return EslClientOptions.builder().host("127.0.0.1").port(port).connectTimeout(Duration.ofSeconds(10))
                .requestTimeout(Duration.ofSeconds(20));
    }

    private static int unusedPort() throws java.io.IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String stackTrace(Throwable t) {
        java.io.StringWriter out = new java.io.StringWriter();
        t.printStackTrace(new java.io.PrintWriter(out));
        return out.toString();
    }
}
