package io.camelfreeswitch.esl;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static io.camelfreeswitch.testing.TestWaits.WELL_WITHIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The inbound client against a scripted ESL server on a real socket. */
@ExtendWith(NettyLeakDetection.class)
class EslClientTest {

    private ScriptedEslServer server;
    private final List<EslClient> clients = new ArrayList<>();

    @BeforeEach
    void startServer() throws IOException {
        server = new ScriptedEslServer("ClueCon");
    }

    @AfterEach
    void stop() throws IOException {
        clients.forEach(c -> c.closeAsync().orTimeout(WELL_WITHIN.toSeconds(), TimeUnit.SECONDS).join());
        server.close();
    }

    private EslClientOptions.Builder options() {
        return EslClientOptions.builder().host("127.0.0.1").port(server.port()).password("ClueCon")
                .requestTimeout(Duration.ofSeconds(5))
                .reconnectInitialDelay(Duration.ofMillis(50)).reconnectMaxDelay(Duration.ofMillis(200));
    }

    private EslClient connect(EslClientOptions options) throws Exception {
        EslClient client = EslClient.connect(options).get(WELL_WITHIN.toSeconds(), TimeUnit.SECONDS);
        clients.add(client);
        return client;
    }

    private EslClient connect() throws Exception {
        return connect(options().build());
    }

    @Test
    void authenticatesAndRunsApiCommands() throws Exception {
        EslClient client = connect();

        assertThat(client.state()).isEqualTo(ConnectionState.UP);
        assertThat(client.api("status").get(WELL_WITHIN.toSeconds(), TimeUnit.SECONDS)).isEqualTo("+OK status\n");
        assertThat(server.connection(0).commands).containsExactly("auth ClueCon", "api status");
    }

    @Test
    void apiResultsAreReturnedAsSentEvenWhenTheyAreErrors() throws Exception {
        EslClient client = connect();
        server.script((c, command) -> EslFrames.apiResponse("-ERR no_such_command Command not found!\n"));

        assertThat(client.api("no_such_command").get(WELL_WITHIN.toSeconds(), TimeUnit.SECONDS))
                .isEqualTo("-ERR no_such_command Command not found!\n");
    }

    @Test
    void userauthSendsUserAtDomainAndPassword() throws Exception {
        connect(options().user("1000@default").build());
        assertThat(server.connection(0).commands).containsExactly("userauth 1000@default:ClueCon");
    }

    @Test
    void wrongPasswordFailsWithAuthenticationErrorAndIsNotRetried() throws Exception {
        CompletableFuture<EslClient> connecting = EslClient.connect(options().password("wrong-secret").build());

        assertThatThrownBy(() -> connecting.get(WELL_WITHIN.toSeconds(), TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(AuthenticationException.class)
                .hasMessageContaining("127.0.0.1:" + server.port()).hasMessageContaining("-ERR invalid")
                .hasMessageNotContaining("wrong-secret");
        await().during(Duration.ofMillis(600)).atMost(WELL_WITHIN).until(() -> server.connections().size() == 1);
    }

    @Test
    void startedClientStaysDownAfterAuthRefusalWithoutRetrying() {
        EslClient client = EslClient.create(options().password("wrong-secret").build());
        clients.add(client);
        List<String> states = new CopyOnWriteArrayList<>();
        client.addStateListener((state, cause) -> states.add(state + (cause == null ? ""
                : " " + cause.getClass().getSimpleName())));

        assertThatThrownBy(() -> client.start().get(WELL_WITHIN.toSeconds(), TimeUnit.SECONDS)).cause()
                .isInstanceOf(AuthenticationException.class);
        await().atMost(WELL_WITHIN).until(() -> states.contains("DOWN AuthenticationException"));
        await().during(Duration.ofMillis(600)).atMost(WELL_WITHIN).until(() -> server.connections().size() == 1);
        assertThat(client.state()).isEqualTo(ConnectionState.DOWN);
        assertThat(client.toString()).doesNotContain("wrong-secret");
        assertThat(client.options().toString()).doesNotContain("wrong-secret").contains("*****");
    }

    @Test
    void unreachableServerFailsWithConnectionLostNamingHostAndPort() throws Exception {
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0)) {
            closedPort = probe.getLocalPort();
        }
        CompletableFuture<EslClient> connecting = EslClient.connect(options().port(closedPort).build());

        assertThatThrownBy(() -> connecting.get(WELL_WITHIN.toSeconds(), TimeUnit.SECONDS)).cause()
                .isInstanceOf(ConnectionLostException.class).hasMessageContaining("127.0.0.1:" + closedPort);
    }

    @Test
    void aPeerThatNeverAsksForAuthIsDroppedWithAClearError() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            CompletableFuture<EslClient> connecting = EslClient.connect(options().port(silent.getLocalPort())
                    .connectTimeout(Duration.ofMillis(200)).requestTimeout(Duration.ofMillis(300)).build());

            assertThatThrownBy(() -> connecting.get(WELL_WITHIN.toSeconds(), TimeUnit.SECONDS)).cause()
                    .isInstanceOf(ConnectionLostException.class)
                    .hasMessageContaining("127.0.0.1:" + silent.getLocalPort())
                    .hasMessageContaining("auth/request");
        }
    }

    @Test
    void givesUpAfterMaxReconnectAttempts() throws Exception {
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0)) {
            closedPort = probe.getLocalPort();
        }
        EslClient client = EslClient.create(options().port(closedPort).maxReconnectAttempts(3).build());
        clients.add(client);

        assertThatThrownBy(() -> client.start().get(WELL_WITHIN.toSeconds(), TimeUnit.SECONDS)).cause()
                .isInstanceOf(ConnectionLostException.class).hasMessageContaining("after 3 attempts");
        assertThat(client.state()).isEqualTo(ConnectionState.DOWN);
    }

    @Test
    void startRetriesUntilTheServerAppears() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        EslClient client = EslClient.create(options().port(port).build());
        clients.add(client);
        List<ConnectionState> states = new CopyOnWriteArrayList<>();
        client.addStateListener((state, cause) -> states.add(state));
        CompletableFuture<EslClient> started = client.start();
        await().atMost(WELL_WITHIN).until(() -> states.contains(ConnectionState.DOWN));
        assertThat(started).isNotDone();

        try (ServerSocket late = new ServerSocket()) {
            late.setReuseAddress(true);
            late.bind(new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), port));
            java.net.Socket accepted = late.accept();
            accepted.getOutputStream().write(EslFrames.authRequest().getBytes());
            accepted.getOutputStream().write(EslFrames.reply("+OK accepted").getBytes());
            assertThat(started.get(WELL_WITHIN.toSeconds(), TimeUnit.SECONDS).state()).isEqualTo(ConnectionState.UP);
            accepted.close();
        }
    }

    @Test
    void bgapiRegistersItsJobUuidAndCompletesWithTheBackgroundJobResult() throws Exception {
        EslClient client = connect();
        server.script((c, command) -> {
            String answer = ScriptedEslServer.defaultAnswer(command);
            if (command.startsWith("bgapi originate")) {
                String job = jobUuidOf(command);
                String result = command.contains("1004") ? "-ERR USER_BUSY\n" : "+OK 8a753d2c-90fa\n";
                // an unrelated event first: events and replies interleave on the socket
                return answer + EslFrames.channelEvent("CHANNEL_CREATE", "other", 1)
                        + EslFrames.backgroundJob(job, result);
            }
            return answer;
        });

        CompletableFuture<String> ok = client.bgapi("originate loopback/1001/default &park()", "job-1");
        assertThat(ok.get(WELL_WITHIN.toSeconds(), TimeUnit.SECONDS)).isEqualTo("8a753d2c-90fa");

        CompletableFuture<String> busy = client.bgapi("originate loopback/1004/default &park()");
        assertThatThrownBy(() -> busy.get(WELL_WITHIN.toSeconds(), TimeUnit.SECONDS)).cause()
                .isInstanceOfSatisfying(CommandRejectedException.class, e -> {
                    assertThat(e.hangupCause()).isEqualTo("USER_BUSY");
                    assertThat(e.command()).isEqualTo("bgapi originate loopback/1004/default &park()");
                });
        List<String> commands = server.connection(0).commands;
        assertThat(commands.get(1)).isEqualTo("event plain BACKGROUND_JOB");
        assertThat(commands.get(2)).isEqualTo("bgapi originate loopback/1001/default &park()\nJob-UUID: job-1");
        assertThat(commands).hasSize(4);
    }

    @Test
    void bgapiRejectedAtOnceFailsWithoutWaitingForAJob() throws Exception {
        EslClient client = connect();
        server.script((c, command) -> command.startsWith("bgapi") ? EslFrames.reply("-ERR not now")
                : ScriptedEslServer.defaultAnswer(command));

        assertThatThrownBy(() -> client.bgapi("status").get(WELL_WITHIN.toSeconds(), TimeUnit.SECONDS)).cause()
                .isInstanceOf(CommandRejectedException.class).hasMessageContaining("-ERR not now");
    }

    @Test
    void aTimedOutCommandKeepsItsSlotSoLaterRepliesStayWithTheirCommands() throws Exception {
        EslClient client = connect();
        // like FreeSWITCH, the script answers strictly in order: nothing overtakes the held "api slow"
        List<ScriptedEslServer.Connection> held = new CopyOnWriteArrayList<>();
        List<String> queued = new CopyOnWriteArrayList<>();
        server.script((c, command) -> {
            if (command.equals("api slow")) {
                held.add(c);
                return null;
            }
            if (!held.isEmpty()) {
                queued.add(ScriptedEslServer.defaultAnswer(command));
                return null;
            }
            return ScriptedEslServer.defaultAnswer(command);
        });

        CompletableFuture<String> slow = client.api("slow", Duration.ofMillis(200));
        assertThatThrownBy(() -> slow.get(WELL_WITHIN.toSeconds(), TimeUnit.SECONDS)).cause().isInstanceOf(EslTimeoutException.class)
                .hasMessageContaining("api slow");
        CompletableFuture<String> fast = client.api("fast");
        await().atMost(WELL_WITHIN).until(() -> queued.size() == 1);
        assertThat(fast).isNotDone();

        held.get(0).send(EslFrames.apiResponse("late reply of slow\n") + String.join("", queued));

        assertThat(fast.get(WELL_WITHIN.toSeconds(), TimeUnit.SECONDS)).isEqualTo("+OK fast\n");
        held.clear();
        assertThat(client.api("after").get(WELL_WITHIN.toSeconds(), TimeUnit.SECONDS)).isEqualTo("+OK after\n");
    }

    @Test
    void eventsInterleavedWithRepliesReachListenersAndRepliesReachCommands() throws Exception {
        EslClient client = connect();
        List<String> seen = new CopyOnWriteArrayList<>();
        client.addEventListener("CHANNEL_ANSWER", e -> seen.add(e.eventName() + " " + e.uniqueId()));
        server.script((c, command) -> EslFrames.channelEvent("CHANNEL_ANSWER", "u1", 1)
                + ScriptedEslServer.defaultAnswer(command) + EslFrames.channelEvent("CHANNEL_ANSWER", "u2", 2));

        assertThat(client.api("one").get(WELL_WITHIN.toSeconds(), TimeUnit.SECONDS)).isEqualTo("+OK one\n");
        assertThat(client.api("two").get(WELL_WITHIN.toSeconds(), TimeUnit.SECONDS)).isEqualTo("+OK two\n");
        await().atMost(WELL_WITHIN).until(() -> seen.size() == 4);
        assertThat(seen).containsOnly("CHANNEL_ANSWER u1", "CHANNEL_ANSWER u2");
    }

    @Test
    void eventsOfOneChannelArriveInOrderOffTheEventLoop() throws Exception {
        EslClient client = connect();
        Map<String, List<Long>> perChannel = new ConcurrentHashMap<>();
        List<String> threads = new CopyOnWriteArrayList<>();
        List<String> channels = List.of("chan-a", "chan-b", "chan-c", "chan-d");
        for (String uuid : channels) {
            perChannel.put(uuid, Collections.synchronizedList(new ArrayList<>()));
            client.addChannelListener(uuid, e -> {
                threads.add(Thread.currentThread().getName());
                perChannel.get(e.uniqueId()).add(e.sequence());
            });
        }
        List<EslEvent> all = new CopyOnWriteArrayList<>();
        client.addEventListener("ALL", all::add);
        StringBuilder burst = new StringBuilder();
        int perChannelCount = 150;
        for (int i = 0; i < perChannelCount; i++) {
            for (String uuid : channels) {
                burst.append(EslFrames.channelEvent("CHANNEL_STATE", uuid, i));
            }
        }
        server.connection(0).send(burst.toString());

        await().atMost(WELL_WITHIN).until(() -> all.size() == perChannelCount * channels.size());
        for (String uuid : channels) {
            await().atMost(WELL_WITHIN).until(() -> perChannel.get(uuid).size() == perChannelCount);
            assertThat(perChannel.get(uuid)).as(uuid).isSorted().doesNotHaveDuplicates();
        }
        assertThat(threads).noneMatch(name -> name.startsWith("esl-client-"));
    }

    @Test
    void channelListenerRemovedStopsReceiving() throws Exception {
        EslClient client = connect();
        List<EslEvent> received = new CopyOnWriteArrayList<>();
        Registration registration = client.addChannelListener("u9", received::add);
        server.connection(0).send(EslFrames.channelEvent("CHANNEL_ANSWER", "u9", 1));
        await().atMost(WELL_WITHIN).until(() -> received.size() == 1);
        registration.close();
        registration.close();
        server.connection(0).send(EslFrames.channelEvent("CHANNEL_HANGUP", "u9", 2));
        assertThat(client.api("sync").get(WELL_WITHIN.toSeconds(), TimeUnit.SECONDS)).isNotEmpty();
        await().during(Duration.ofMillis(200)).atMost(WELL_WITHIN).until(() -> received.size() == 1);
    }

    @Test
    void subscribeAndFilterAreSentOnceAndRestoredAfterTheServerDropsTheSocket() throws Exception {
        EslClient client = connect();
        List<String> states = new CopyOnWriteArrayList<>();
        client.addStateListener((state, cause) -> states.add(state.name()));
        List<EslEvent> answers = new CopyOnWriteArrayList<>();
        client.addEventListener("CHANNEL_ANSWER", answers::add);

        client.subscribe(List.of("CHANNEL_ANSWER", "CHANNEL_HANGUP_COMPLETE")).get(WELL_WITHIN.toSeconds(), TimeUnit.SECONDS);
        client.subscribe(List.of("CHANNEL_ANSWER")).get(WELL_WITHIN.toSeconds(), TimeUnit.SECONDS);
        client.filter("Unique-ID", "abc").get(WELL_WITHIN.toSeconds(), TimeUnit.SECONDS);
        client.subscribe(List.of("CUSTOM sofia::register")).get(WELL_WITHIN.toSeconds(), TimeUnit.SECONDS);
        client.unsubscribe(List.of("CHANNEL_HANGUP_COMPLETE")).get(WELL_WITHIN.toSeconds(), TimeUnit.SECONDS);
        assertThat(server.connection(0).commands).containsExactly("auth ClueCon",
                "event plain CHANNEL_ANSWER CHANNEL_HANGUP_COMPLETE", "filter Unique-ID abc",
                "event plain CUSTOM sofia::register", "nixevent CHANNEL_HANGUP_COMPLETE");

        List<ScriptedEslServer.Connection> held = new CopyOnWriteArrayList<>();
        server.script((c, command) -> {
            if (command.equals("api hang")) {
                held.add(c);
                return null;
            }
            return ScriptedEslServer.defaultAnswer(command);
        });
        CompletableFuture<String> pending = client.api("hang");
        await().atMost(WELL_WITHIN).until(() -> held.size() == 1);

        server.connection(0).close();

        assertThatThrownBy(() -> pending.get(WELL_WITHIN.toSeconds(), TimeUnit.SECONDS)).cause()
                .isInstanceOf(ConnectionLostException.class).hasMessageContaining("127.0.0.1:" + server.port());
        await().atMost(WELL_WITHIN).until(() -> server.connections().size() == 2 && client.state() == ConnectionState.UP);
        assertThat(server.connection(1).commands).containsExactly("auth ClueCon",
                "event plain CHANNEL_ANSWER CUSTOM sofia::register", "filter Unique-ID abc");
        await().atMost(WELL_WITHIN).until(() -> states.containsAll(List.of("UP", "DOWN", "CONNECTING"))
                && states.get(states.size() - 1).equals("UP"));
        assertThat(states.get(0)).isEqualTo("UP");

        server.connection(1).send(EslFrames.channelEvent("CHANNEL_ANSWER", "abc", 7));
        await().atMost(WELL_WITHIN).until(() -> answers.size() == 1);
        assertThat(client.api("again").get(WELL_WITHIN.toSeconds(), TimeUnit.SECONDS)).isEqualTo("+OK again\n");
    }

    @Test
    void aSubscriptionMadeWhileRestoringIsSentOnceTheConnectionIsUp() throws Exception {
        EslClient client = connect();
        client.subscribe(List.of("CHANNEL_ANSWER")).get(WELL_WITHIN.toSeconds(), TimeUnit.SECONDS);
        List<ScriptedEslServer.Connection> held = new CopyOnWriteArrayList<>();
        server.script((c, command) -> {
            if (c != server.connection(0) && command.equals("event plain CHANNEL_ANSWER") && held.isEmpty()) {
                held.add(c);
                return null; // the restore waits on this reply
            }
            return ScriptedEslServer.defaultAnswer(command);
        });
        server.connection(0).close();
        await().atMost(WELL_WITHIN).until(() -> held.size() == 1);

        CompletableFuture<Void> during = client.subscribe(List.of("CHANNEL_HANGUP"));
        assertThatThrownBy(() -> during.get(WELL_WITHIN.toSeconds(), TimeUnit.SECONDS)).cause()
                .isInstanceOf(ConnectionLostException.class);
        held.get(0).send(EslFrames.reply("+OK event listener enabled plain"));

        await().atMost(WELL_WITHIN).until(() -> client.state() == ConnectionState.UP);
        await().atMost(WELL_WITHIN).until(() -> held.get(0).commands.contains("event plain CHANNEL_HANGUP"));
    }

    @Test
    void commandsFailFastWhileDisconnected() throws Exception {
        EslClient client = connect();
        server.close();
        await().atMost(WELL_WITHIN).until(() -> client.state() != ConnectionState.UP);

        assertThatThrownBy(() -> client.api("status").get(WELL_WITHIN.toSeconds(), TimeUnit.SECONDS)).cause()
                .isInstanceOf(ConnectionLostException.class);
    }

    @Test
    void executeCompletesWithTheMatchingExecuteCompleteEvent() throws Exception {
        EslClient client = connect();
        server.script((c, command) -> {
            String answer = ScriptedEslServer.defaultAnswer(command);
            if (command.startsWith("sendmsg")) {
                String eventUuid = command.lines().filter(l -> l.startsWith("Event-UUID: ")).findFirst()
                        .orElseThrow().substring(12);
                return answer + EslFrames.plainEvent(EslFrames.headers("Event-Name", "CHANNEL_EXECUTE_COMPLETE",
                        "Unique-ID", "chan-1", "Application", "playback", "Application-UUID", "someone-else"), null)
                        + EslFrames.plainEvent(EslFrames.headers("Event-Name", "CHANNEL_EXECUTE_COMPLETE",
                        "Unique-ID", "chan-1", "Application", "playback", "Application-Response", "FILE PLAYED",
                        "Application-UUID", eventUuid), null);
            }
            return answer;
        });

        EslEvent done = client.execute("chan-1", "playback", "tone_stream://%(200,0,440);loops=2")
                .get(WELL_WITHIN.toSeconds(), TimeUnit.SECONDS);

        assertThat(done.header("Application-Response")).isEqualTo("FILE PLAYED");
        List<String> commands = server.connection(0).commands;
        assertThat(commands.get(1)).isEqualTo("event plain CHANNEL_EXECUTE_COMPLETE");
        assertThat(commands.get(2)).startsWith("sendmsg chan-1\ncall-command: execute\nexecute-app-name: playback\n"
                + "execute-app-arg: tone_stream://%(200,0,440);loops=2\nevent-lock: true\nEvent-UUID: ");
    }

    @Test
    void hangupAndSendEventWriteTheirHeaders() throws Exception {
        EslClient client = connect();
        client.hangup("chan-1", "USER_BUSY").get(WELL_WITHIN.toSeconds(), TimeUnit.SECONDS);
        client.sendEvent("CUSTOM", Map.of("Event-Subclass", "my::event"), "hello\nworld").get(WELL_WITHIN.toSeconds(), TimeUnit.SECONDS);

        List<String> commands = server.connection(0).commands;
        assertThat(commands.get(1)).isEqualTo("sendmsg chan-1\ncall-command: hangup\nhangup-cause: USER_BUSY");
        assertThat(commands.get(2)).isEqualTo("sendevent CUSTOM\nEvent-Subclass: my::event\nContent-Length: 11\n\n"
                + "hello\nworld");
    }

    @Test
    void rejectedCommandCarriesFreeSwitchText() throws Exception {
        EslClient client = connect();
        server.script((c, command) -> EslFrames.reply("-ERR No such channel!"));

        assertThatThrownBy(() -> client.hangup("nope", null).get(WELL_WITHIN.toSeconds(), TimeUnit.SECONDS)).cause()
                .isInstanceOfSatisfying(CommandRejectedException.class,
                        e -> assertThat(e.replyText()).isEqualTo("-ERR No such channel!"));
    }

    @Test
    void controlCharactersInArgumentsAreRejectedBeforeAnythingIsWritten() throws Exception {
        EslClient client = connect();

        assertThatThrownBy(() -> client.api("status\n\nexit")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("command").hasMessageContaining("LF");
        assertThatThrownBy(() -> client.bgapi("originate user/1001\r\nexit")).isInstanceOf(
                IllegalArgumentException.class).hasMessageContaining("command").hasMessageContaining("CR");
        assertThatThrownBy(() -> client.bgapi("status", "job\nexit")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("jobUuid");
        assertThatThrownBy(() -> client.execute("chan", "playback", "a\nexit"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("argument");
        assertThatThrownBy(() -> client.execute("chan\n", "playback", "a"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("uuid");
        assertThatThrownBy(() -> client.hangup("chan", "NORMAL\u0000")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cause");
        assertThatThrownBy(() -> client.filter("Unique-ID", "x\ny")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("value");
        assertThatThrownBy(() -> client.subscribe(List.of("CHANNEL_ANSWER\nexit")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("eventNames");
        assertThatThrownBy(() -> client.sendEvent("CUSTOM", Map.of("X-Y", "v\r\n"), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("header X-Y");
        assertThatThrownBy(() -> client.sendEvent("CUSTOM", Map.of("X:Y", "v"), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("header name");

        assertThat(client.api("status").get(WELL_WITHIN.toSeconds(), TimeUnit.SECONDS)).isEqualTo("+OK status\n");
        assertThat(server.connection(0).commands).containsExactly("auth ClueCon", "api status");
    }

    @Test
    void closeSendsExitFailsWhatIsPendingAndEndsInClosed() throws Exception {
        EslClient client = connect();
        List<String> states = new CopyOnWriteArrayList<>();
        client.addStateListener((state, cause) -> states.add(state.name()));
        CompletableFuture<String> job = client.bgapi("originate loopback/1003/default &park()");
        await().atMost(WELL_WITHIN).until(() -> server.connection(0).commandLines().stream()
                .anyMatch(l -> l.startsWith("bgapi")));

        client.closeAsync().get(WELL_WITHIN.toSeconds(), TimeUnit.SECONDS);

        assertThat(client.state()).isEqualTo(ConnectionState.CLOSED);
        assertThat(server.connection(0).commandLines()).endsWith("exit");
        assertThatThrownBy(() -> job.get(WELL_WITHIN.toSeconds(), TimeUnit.SECONDS)).cause().isInstanceOf(ConnectionLostException.class);
        await().atMost(WELL_WITHIN).until(() -> states.contains("CLOSED"));
        assertThatThrownBy(() -> client.api("status").get(WELL_WITHIN.toSeconds(), TimeUnit.SECONDS)).cause()
                .isInstanceOf(ConnectionLostException.class);
    }

    @Test
    void jsonFormatSubscribesWithJsonAndParsesJsonEvents() throws Exception {
        EslClient client = connect(options().eventFormat(EventFormat.JSON).build());
        List<EslEvent> events = new CopyOnWriteArrayList<>();
        client.addEventListener("CHANNEL_ANSWER", events::add);
        client.subscribe(List.of("CHANNEL_ANSWER")).get(WELL_WITHIN.toSeconds(), TimeUnit.SECONDS);
        String json = "{\"Event-Name\":\"CHANNEL_ANSWER\",\"Unique-ID\":\"j1\",\"Caller-Callee-ID-Name\":\"Outbound Call\"}";
        server.connection(0).send("Content-Length: " + EslFrames.utf8Length(json)
                + "\nContent-Type: text/event-json\n\n" + json);

        await().atMost(WELL_WITHIN).until(() -> events.size() == 1);
        assertThat(events.get(0).format()).isEqualTo(EventFormat.JSON);
        assertThat(events.get(0).header("Caller-Callee-ID-Name")).isEqualTo("Outbound Call");
        assertThat(server.connection(0).commands).contains("event json CHANNEL_ANSWER");
    }

    private static String jobUuidOf(String command) {
        return command.lines().filter(l -> l.startsWith("Job-UUID: ")).findFirst().orElseThrow().substring(10);
    }
}
