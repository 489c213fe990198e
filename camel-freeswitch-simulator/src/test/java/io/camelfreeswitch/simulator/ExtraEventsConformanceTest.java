package io.camelfreeswitch.simulator;

import io.camelfreeswitch.simulator.testclient.Capture;
import io.camelfreeswitch.simulator.testclient.Esl;
import io.camelfreeswitch.simulator.testclient.Frame;
import io.camelfreeswitch.simulator.testclient.RawEslClient;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.camelfreeswitch.simulator.testclient.Esl.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Replays extra-plain.sent.txt (CHANNEL_OUTGOING/ORIGINATE/CALLSTATE/HANGUP/DESTROY/PROGRESS_MEDIA, early media,
 * far-end hangup, reject, a client Job-UUID, ORIGINATOR_CANCEL, filters, a blocking busy originate, show channels,
 * version, log) with the captures' delays shortened, and compares with what FreeSWITCH sent.
 */
class ExtraEventsConformanceTest {

    private static final Pattern ORIGINATION_UUID = Pattern.compile("origination_uuid=([0-9a-f-]{36})");

    @Test
    void replaying_the_extra_session_gives_the_same_events_and_replies() throws Exception {
        Capture capture = Capture.load("extra-plain");
        List<Frame> simulated = replay(capture.commands());
        List<Frame> real = capture.frames();

        List<String> legs = new ArrayList<>();
        for (String c : capture.commands()) {
            Matcher m = ORIGINATION_UUID.matcher(c);
            if (m.find()) {
                legs.add(m.group(1));
            }
        }
        assertThat(legs).hasSize(6);

        List<String> realReplies = new ArrayList<>(Capture.replies(real));
        List<String> simReplies = new ArrayList<>(Capture.replies(simulated));
        // global_getvar hostname: "vm" there, the simulator's own name here
        int hostname = realReplies.indexOf("api/response | vm");
        assertThat(hostname).isPositive();
        assertThat(simReplies.get(hostname)).startsWith("api/response | ").isNotEqualTo("api/response | ");
        realReplies.remove(hostname);
        simReplies.remove(hostname);
        // the log line differs in time and text position only
        assertThat(simReplies.stream().map(ExtraEventsConformanceTest::logShape).toList())
                .containsExactlyElementsOf(realReplies.stream().map(ExtraEventsConformanceTest::logShape).toList());

        assertThat(Capture.backgroundJobBodies(simulated)).containsExactlyElementsOf(Capture.backgroundJobBodies(real));

        for (String uuid : legs) {
            assertThat(withoutProgress(Capture.eventNamesOf(simulated, uuid))).as("events of %s", uuid)
                    .containsExactlyElementsOf(withoutProgress(Capture.eventNamesOf(real, uuid)));
        }
        // the blocking busy originate had no origination_uuid: compare its channel by position
        String realBusy = lastChannel(real);
        String simBusy = lastChannel(simulated);
        assertThat(Capture.eventNamesOf(simulated, simBusy)).containsExactlyElementsOf(Capture.eventNamesOf(real, realBusy));

        Set<String> compared = new HashSet<>(legs);
        Map<String, Set<String>> realHeaders = Capture.headerNames(real, compared, false);
        Map<String, Set<String>> simHeaders = Capture.headerNames(simulated, compared, false);
        assertThat(simHeaders.keySet()).containsExactlyInAnyOrderElementsOf(realHeaders.keySet());
        realHeaders.forEach((event, names) -> assertThat(simHeaders.get(event)).as(event)
                .containsExactlyInAnyOrderElementsOf(names));
    }

    private static String logShape(String reply) {
        return reply.startsWith("log/data") ? reply.replaceAll("^log/data \\| .*\\[NOTICE\\].*hello-from-esl-probe\\n$",
                "log/data | [NOTICE] hello-from-esl-probe") : reply;
    }

    private static List<String> withoutProgress(List<String> names) {
        return names.stream().filter(n -> !n.equals("CHANNEL_PROGRESS")).toList();
    }

    private static String lastChannel(List<Frame> frames) {
        String last = null;
        for (Frame f : frames) {
            if (f.isEvent() && "CHANNEL_OUTGOING".equals(f.eventName())) {
                last = f.event().get("Unique-ID");
            }
        }
        return last;
    }

    private static List<Frame> replay(List<String> commands) throws Exception {
        try (FreeSwitchSimulator sim = FreeSwitchSimulator.builder().build().start()) {
            sim.destination("loopback/early-1500", Behaviour.earlyMediaThenAnswer(Duration.ofMillis(150)));
            sim.destination("loopback/hangup-after-1500", Behaviour.answerThenHangup(Duration.ZERO, Duration.ofMillis(150)));
            sim.destination("loopback/answer-after-500", Behaviour.answerAfter(Duration.ofMillis(50)));
            try (RawEslClient c = RawEslClient.connect(sim.port())) {
                c.expect("auth/request");
                for (String command : commands) {
                    c.send(command);
                    String first = command.split("\n")[0];
                    Matcher m = ORIGINATION_UUID.matcher(first);
                    String uuid = m.find() ? m.group(1) : null;
                    String verb = first.split(" ")[0];
                    if (verb.equals("exit")) {
                        c.readUntilClosed(WAIT);
                        return new ArrayList<>(c.seen());
                    } else if (verb.equals("bgapi")) {
                        String job = c.expect("command/reply").header("Job-UUID");
                        if (first.contains("/1003/")) {
                            Esl.waitEvent(c, "CHANNEL_CALLSTATE", uuid);
                        } else {
                            Esl.jobResult(c, job);
                        }
                        if (first.contains("early-1500")) {
                            Esl.waitEvent(c, "CHANNEL_ANSWER", uuid);
                        } else if (first.contains("hangup-after") || first.contains("reject-")) {
                            Esl.waitEvent(c, "CHANNEL_DESTROY", uuid);
                        }
                    } else if (verb.equals("api")) {
                        c.expect("api/response");
                        if (first.startsWith("api uuid_kill")) {
                            String killed = first.split(" ")[2];
                            Esl.waitEvent(c, "CHANNEL_DESTROY", killed);
                        } else if (first.startsWith("api log")) {
                            c.expect("log/data");
                        } else if (first.startsWith("api originate")) {
                            c.nextEvent("CHANNEL_DESTROY", WAIT);
                        }
                    } else {
                        c.expect("command/reply");
                    }
                }
                throw new AssertionError("capture did not end with exit");
            } finally {
                sim.ledger().awaitNoLiveChannels(WAIT);
            }
        }
    }
}
