package io.camelfreeswitch.esl;

import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static io.camelfreeswitch.testing.TestWaits.WELL_WITHIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The inbound client replays the commands of a real FreeSWITCH session while a scripted server answers with the
 * exact bytes FreeSWITCH sent: replies, interleaved events, BACKGROUND_JOB results, the final disconnect-notice.
 */
@ExtendWith(NettyLeakDetection.class)
class EslClientCaptureReplayTest {
    private static final Pattern JOB_UUID_REPLY = Pattern.compile("Reply-Text: \\+OK Job-UUID: ([0-9a-f-]{36})");
    private static final Pattern ORIGINATION_UUID = Pattern.compile("origination_uuid=([0-9a-f-]{36})");

    @ParameterizedTest
    @CsvSource({"session-plain, PLAIN, 79", "session-json, JSON, 77"})
    void replaysARecordedSession(String capture, EventFormat format, int eventCount) throws Exception {
        byte[] raw = Captures.bytes(capture + ".raw.txt");
        List<String> sent = CaptureReplayPeer.sentCommands(Captures.bytes(capture + ".sent.txt"));
        List<String> jobUuids = new ArrayList<>();
        Matcher m = JOB_UUID_REPLY.matcher(new String(raw, java.nio.charset.StandardCharsets.UTF_8));
        while (m.find()) {
            jobUuids.add(m.group(1));
        }
        CaptureReplayPeer freeswitch = new CaptureReplayPeer(raw);
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture.runAsync(() -> {
                try {
                    freeswitch.runOn(listener.accept());
                } catch (java.io.IOException e) {
                    freeswitch.finished.completeExceptionally(e);
                }
            });
            EslClient client = EslClient.connect(EslClientOptions.builder().port(listener.getLocalPort())
                    .password("ClueCon").eventFormat(format).requestTimeout(Duration.ofSeconds(10)).build())
                    .get(WELL_WITHIN.toSeconds(), TimeUnit.SECONDS);

            List<EslEvent> all = new CopyOnWriteArrayList<>();
            client.addEventListener("ALL", all::add);
            Map<String, List<Long>> sequencesPerChannel = new ConcurrentHashMap<>();
            List<CompletableFuture<String>> jobs = new ArrayList<>();
            List<String> apiResults = new ArrayList<>();
            String firstOriginated = null;
            for (String command : sent) {
                if (command.startsWith("auth ")) {
                    continue;
                }
                if (command.startsWith("event ")) {
                    List<String> names = Arrays.asList(command.split(" ")).subList(2, command.split(" ").length);
                    client.subscribe(names).get(WELL_WITHIN.toSeconds(), TimeUnit.SECONDS);
                } else if (command.startsWith("bgapi ")) {
                    String originate = command.substring(6);
                    if (firstOriginated == null) {
                        Matcher uuid = ORIGINATION_UUID.matcher(originate);
                        assertThat(uuid.find()).isTrue();
                        firstOriginated = uuid.group(1);
                        client.addChannelListener(firstOriginated, e -> sequencesPerChannel
                                .computeIfAbsent(e.uniqueId(), k -> new CopyOnWriteArrayList<>()).add(e.sequence()));
                    }
                    jobs.add(client.bgapi(originate, jobUuids.get(jobs.size())));
                } else if (command.startsWith("api ")) {
                    apiResults.add(client.api(command.substring(4)).get(WELL_WITHIN.toSeconds(), TimeUnit.SECONDS));
                } else if (command.equals("exit")) {
                    client.closeAsync().get(WELL_WITHIN.toSeconds(), TimeUnit.SECONDS);
                }
            }
            freeswitch.finished.get(WELL_WITHIN.toSeconds(), TimeUnit.SECONDS);

            assertThat(freeswitch.commands).hasSameSizeAs(sent);
            for (int i = 0; i < sent.size(); i++) {
                assertThat(freeswitch.commands.get(i)).startsWith(sent.get(i));
            }
            assertThat(apiResults.get(0)).startsWith("UP 0 years");
            assertThat(apiResults).anyMatch(r -> r.startsWith("-ERR no_such_command"))
                    .anyMatch(r -> r.startsWith("-ERR No such channel!"));
            assertThat(jobs.get(0).get(WELL_WITHIN.toSeconds(), TimeUnit.SECONDS)).isEqualTo(firstOriginated);
            assertThatThrownBy(() -> jobs.get(1).join()).cause().isInstanceOfSatisfying(
                    CommandRejectedException.class, e -> assertThat(e.hangupCause()).isEqualTo("NORMAL_CLEARING"));
            assertThatThrownBy(() -> jobs.get(2).join()).cause().isInstanceOfSatisfying(
                    CommandRejectedException.class, e -> assertThat(e.hangupCause()).isEqualTo("USER_BUSY"));
            await().atMost(WELL_WITHIN).until(() -> all.size() == eventCount);
            assertThat(all).allSatisfy(e -> assertThat(e.format()).isEqualTo(format));
            Map<String, Long> byName = all.stream().collect(Collectors.groupingBy(EslEvent::eventName,
                    Collectors.counting()));
            assertThat(byName).containsEntry("BACKGROUND_JOB", 3L);
            String firstUuid = firstOriginated;
            List<Long> firstCallSequences = all.stream().filter(e -> firstUuid.equals(e.uniqueId()))
                    .map(EslEvent::sequence).toList();
            assertThat(firstCallSequences).hasSizeGreaterThan(5);
            assertThat(sequencesPerChannel.values()).singleElement().isEqualTo(firstCallSequences);
            assertThat(client.state()).isEqualTo(ConnectionState.CLOSED);
        }
    }

    @org.junit.jupiter.api.Test
    void recordedBadAuthIsAnAuthenticationErrorNotALostConnection() throws Exception {
        CaptureReplayPeer freeswitch = new CaptureReplayPeer(Captures.bytes("extra-plain-badauth.raw.txt"));
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture.runAsync(() -> {
                try {
                    freeswitch.runOn(listener.accept());
                } catch (java.io.IOException e) {
                    freeswitch.finished.completeExceptionally(e);
                }
            });
            CompletableFuture<EslClient> connecting = EslClient.connect(EslClientOptions.builder()
                    .port(listener.getLocalPort()).password("wrong").build());

            assertThatThrownBy(() -> connecting.get(WELL_WITHIN.toSeconds(), TimeUnit.SECONDS)).cause()
                    .isInstanceOf(AuthenticationException.class).hasMessageContaining("-ERR invalid");
            freeswitch.finished.get(WELL_WITHIN.toSeconds(), TimeUnit.SECONDS);
            assertThat(freeswitch.commands).containsExactly("auth wrong");
        }
    }
}
