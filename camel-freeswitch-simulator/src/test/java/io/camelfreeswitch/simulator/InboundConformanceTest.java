package io.camelfreeswitch.simulator;

import io.camelfreeswitch.simulator.testclient.Capture;
import io.camelfreeswitch.simulator.testclient.Frame;
import io.camelfreeswitch.simulator.testclient.RawEslClient;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Replays the commands of the real sessions (session-plain / session-json: answered+killed, unanswered+killed,
 * busy, blocking api originate, unknown command, unknown uuid, exit) against the simulator and compares what comes
 * back with what FreeSWITCH 1.10.12 sent. loopback/1001 and 1002 answer faster here (200/300 ms) to keep the test
 * short; their behaviour is otherwise the captures' dialplan.
 */
class InboundConformanceTest {

    private static final Pattern ORIGINATION_UUID = Pattern.compile("origination_uuid=([0-9a-f-]{36})");
    private static final Duration WAIT = Duration.ofSeconds(10);

    @ParameterizedTest(name = "session-{0}")
    @ValueSource(strings = {"plain", "json"})
    void replaying_the_captured_session_gives_the_same_frames(String format) throws Exception {
        Capture capture = Capture.load("session-" + format);
        List<Frame> simulated = replay(capture.commands());
        List<Frame> real = capture.frames();

        List<String> aLegs = new ArrayList<>();
        for (String c : capture.commands()) {
            Matcher m = ORIGINATION_UUID.matcher(c);
            if (m.find()) {
                aLegs.add(m.group(1));
            }
        }
        assertThat(aLegs).hasSize(4);

        // same replies, in the same order (uuids normalised; status values differ)
        assertThat(Capture.replies(simulated)).containsExactlyElementsOf(Capture.replies(real));

        // same BACKGROUND_JOB bodies
        assertThat(Capture.backgroundJobBodies(simulated)).containsExactlyElementsOf(Capture.backgroundJobBodies(real))
                .containsExactly("+OK <uuid>\n", "-ERR NORMAL_CLEARING\n", "-ERR USER_BUSY\n");

        // same events per A leg, in the same order; CHANNEL_PROGRESS races with the state changes in the real
        // server (before or after CS_CONSUME_MEDIA, even before CHANNEL_CREATE), so only its count is compared
        // and a leg rejected at once may be hung up before or after it reached CS_ROUTING/CS_CONSUME_MEDIA
        // (session-plain has those states for loopback/1004, session-json does not), so they are not compared there
        for (String uuid : aLegs) {
            List<String> realNames = Capture.eventNamesOf(real, uuid);
            List<String> simNames = Capture.eventNamesOf(simulated, uuid);
            boolean rejected = capture.commands().stream().anyMatch(c -> c.contains(uuid) && c.contains("loopback/1004"));
            assertThat(racyRemoved(simulated, uuid, rejected)).as("events of %s", uuid)
                    .containsExactlyElementsOf(racyRemoved(real, uuid, rejected));
            assertThat(simNames.stream().filter("CHANNEL_PROGRESS"::equals).count())
                    .isEqualTo(realNames.stream().filter("CHANNEL_PROGRESS"::equals).count());
        }

        // the same header names on every event a client reads (values differ); the busy leg is left out because
        // in session-json the real server fired its CHANNEL_CREATE after the hangup (with a Hangup-Cause)
        Set<String> compared = new HashSet<>(aLegs);
        capture.commands().stream().filter(c -> c.contains("loopback/1004")).forEach(c -> aLegs.forEach(u -> {
            if (c.contains(u)) {
                compared.remove(u);
            }
        }));
        Map<String, Set<String>> realHeaders = Capture.headerNames(real, compared, false);
        Map<String, Set<String>> simHeaders = Capture.headerNames(simulated, compared, false);
        assertThat(simHeaders.keySet()).containsExactlyInAnyOrderElementsOf(realHeaders.keySet());
        realHeaders.forEach((event, names) -> assertThat(simHeaders.get(event)).as(event)
                .containsExactlyInAnyOrderElementsOf(names));
        // and at least the channel variables the real one sets
        Map<String, Set<String>> realVars = Capture.headerNames(real, compared, true);
        Map<String, Set<String>> simVars = Capture.headerNames(simulated, compared, true);
        realVars.forEach((event, names) -> assertThat(simVars.getOrDefault(event, Set.of())).as(event).containsAll(names));

        // duplicated headers are duplicated in both encodings, as the real one does (Hangup-Cause)
        Frame realComplete = real.stream().filter(f -> f.isEvent() && "CHANNEL_HANGUP_COMPLETE".equals(f.eventName())).findFirst().orElseThrow();
        Frame simComplete = simulated.stream().filter(f -> f.isEvent() && "CHANNEL_HANGUP_COMPLETE".equals(f.eventName())).findFirst().orElseThrow();
        assertThat(simComplete.eventHeaderList().stream().filter(h -> h.getKey().equals("Hangup-Cause")).count())
                .isEqualTo(realComplete.eventHeaderList().stream().filter(h -> h.getKey().equals("Hangup-Cause")).count())
                .isEqualTo(2);

        // outer framing: Content-Length first, then the Content-Type of the format
        for (Frame f : simulated) {
            if (f.isEvent()) {
                assertThat(f.raw()).startsWith("Content-Length: ").contains("\nContent-Type: text/event-" + format + "\n\n");
                assertThat(f.contentType()).isEqualTo("text/event-" + format);
            }
        }
        // values: url-encoded in plain, raw in json
        Frame job = simulated.stream().filter(f -> f.isEvent() && "BACKGROUND_JOB".equals(f.eventName())).findFirst().orElseThrow();
        if (format.equals("plain")) {
            assertThat(job.body()).contains("Job-Command-Arg: %7Borigination_uuid%3D").contains("\nContent-Length: 41\n\n+OK ");
        } else {
            assertThat(job.body()).contains("\"Job-Command-Arg\":\"{origination_uuid=").contains("\"_body\":\"+OK ")
                    .doesNotEndWith("\n");
        }
    }

    private static List<String> racyRemoved(List<Frame> frames, String uuid, boolean rejected) {
        return frames.stream().filter(Frame::isEvent).filter(f -> uuid.equals(f.event().get("Unique-ID")))
                .map(f -> f.eventName().equals("CHANNEL_STATE") ? "CHANNEL_STATE(" + f.event().get("Channel-State") + ")"
                        : f.eventName())
                .filter(n -> !n.equals("CHANNEL_PROGRESS"))
                .filter(n -> !rejected || !(n.equals("CHANNEL_STATE(CS_ROUTING)") || n.equals("CHANNEL_STATE(CS_CONSUME_MEDIA)")))
                .toList();
    }

    /** Sends the commands, waiting after each one the way the capture's script did. */
    private static List<Frame> replay(List<String> commands) throws Exception {
        try (FreeSwitchSimulator sim = FreeSwitchSimulator.builder().password("ClueCon").build().start()) {
            sim.destination("loopback/1001", Behaviour.answerAfter(Duration.ofMillis(200)));
            sim.destination("loopback/1002", Behaviour.answerAfter(Duration.ofMillis(300)));
            try (RawEslClient c = RawEslClient.connect(sim.port())) {
                c.expect("auth/request");
                for (String command : commands) {
                    c.send(command);
                    String first = command.split("\n")[0];
                    List<String> w = Capture.words(first);
                    Matcher m = ORIGINATION_UUID.matcher(first);
                    String uuid = m.find() ? m.group(1) : null;
                    switch (w.get(0)) {
                        case "exit" -> {
                            c.readUntilClosed(WAIT);
                            assertThat(c.receivedBytes()).endsWith("Content-Type: command/reply\nReply-Text: +OK bye\n\n"
                                    + "Content-Type: text/disconnect-notice\nContent-Length: 67\n\n"
                                    + "Disconnected, goodbye.\nSee you at ClueCon! http://www.cluecon.com/\n");
                            return new ArrayList<>(c.seen());
                        }
                        case "bgapi" -> {
                            c.expect("command/reply");
                            if (first.contains("loopback/1003")) {
                                c.nextMatching(f -> f.isEvent() && "CHANNEL_PROGRESS".equals(f.eventName())
                                        && uuid.equals(f.event().get("Unique-ID")), WAIT);
                            } else {
                                waitForDestroyOrJob(c, first.contains("loopback/1004") ? uuid : null);
                            }
                        }
                        case "api" -> {
                            int before = c.seen().size();
                            Frame response = c.expect("api/response");
                            if (w.get(1).equals("originate")) {
                                // api blocks the socket: no event may arrive between the command and its response
                                assertThat(c.seen().subList(before, c.seen().size() - 1)).noneMatch(Frame::isEvent);
                                assertThat(response.body()).isEqualTo("+OK " + uuid + "\n");
                                c.nextMatching(f -> f.isEvent() && "CHANNEL_STATE".equals(f.eventName())
                                        && "CS_EXECUTE".equals(f.event().get("Channel-State")), WAIT);
                            } else if (w.get(1).equals("uuid_kill") && response.body().equals("+OK\n")) {
                                String killed = w.get(2);
                                c.nextMatching(f -> f.isEvent() && "CHANNEL_STATE".equals(f.eventName())
                                        && killed.equals(f.event().get("Unique-ID"))
                                        && "CS_DESTROY".equals(f.event().get("Channel-State")), WAIT);
                            }
                        }
                        default -> c.expect("command/reply");
                    }
                }
                throw new AssertionError("capture did not end with exit");
            } finally {
                sim.ledger().awaitNoLiveChannels(WAIT);
            }
        }
    }

    /** Answered legs: wait for the BACKGROUND_JOB; busy legs: wait until the channel is destroyed too. */
    private static void waitForDestroyOrJob(RawEslClient c, String destroyedUuid) {
        c.nextEvent("BACKGROUND_JOB", WAIT);
        if (destroyedUuid != null) {
            c.nextMatching(f -> f.isEvent() && "CHANNEL_STATE".equals(f.eventName())
                    && destroyedUuid.equals(f.event().get("Unique-ID"))
                    && "CS_DESTROY".equals(f.event().get("Channel-State")), WAIT);
        } else {
            c.nextMatching(f -> f.isEvent() && "CHANNEL_STATE".equals(f.eventName())
                    && "CS_EXECUTE".equals(f.event().get("Channel-State")), WAIT);
        }
    }

    @SuppressWarnings("unused")
    private static Set<String> set(String... s) {
        return new LinkedHashSet<>(List.of(s));
    }
}
