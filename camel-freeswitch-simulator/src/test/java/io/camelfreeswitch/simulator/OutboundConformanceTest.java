package io.camelfreeswitch.simulator;

import io.camelfreeswitch.simulator.testclient.Capture;
import io.camelfreeswitch.simulator.testclient.Frame;
import io.camelfreeswitch.simulator.testclient.RawEslClient;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The simulator calls a socket we listen on (FreeSWITCH's {@code socket 127.0.0.1:9090 async full}) and we replay
 * outbound-plain.sent.txt: connect, myevents, linger, answer with event-lock, playback, uuid_getvar, hangup, exit.
 */
class OutboundConformanceTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Test
    void replaying_the_captured_outbound_session_gives_the_same_frames() throws Exception {
        Capture capture = Capture.load("outbound-plain");
        String capturedUuid = "d2102001-7d29-47e8-b6ce-d17c07e7cb3a";
        List<Frame> real = capture.frames();
        List<Frame> simulated;
        String uuid;
        try (FreeSwitchSimulator sim = FreeSwitchSimulator.builder().build().start();
             ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            OutboundCall call = sim.placeOutboundCall("127.0.0.1", listener.getLocalPort(), Map.of("destination_number", "9000"));
            try (RawEslClient c = RawEslClient.accept(listener, WAIT)) {
                uuid = call.uuid();
                for (String command : capture.commands()) {
                    c.send(command.replace(capturedUuid, uuid));
                    String verb = command.split("[\\s\\n]")[0];
                    switch (verb) {
                        case "connect" -> {
                            Frame data = c.next(WAIT);
                            assertThat(data.raw()).startsWith("Event-Name: CHANNEL_DATA\n")
                                    .endsWith("\nContent-Type: command/reply\nReply-Text: %2BOK%0A\nSocket-Mode: async\nControl: full\n\n");
                            assertThat(data.header("Unique-ID")).isEqualTo(uuid);
                            assertThat(data.header("Caller-Destination-Number")).isEqualTo("9000");
                        }
                        case "sendmsg" -> {
                            c.expect("command/reply");
                            if (command.contains("execute-app-name: answer")) {
                                c.nextEvent("CHANNEL_EXECUTE_COMPLETE", WAIT);
                            } else if (command.contains("playback")) {
                                c.nextEvent("CHANNEL_EXECUTE_COMPLETE", WAIT);
                            } else {
                                Frame notice = c.expect("text/disconnect-notice");
                                assertThat(notice.raw()).isEqualTo("Content-Type: text/disconnect-notice\n"
                                        + "Controlled-Session-UUID: " + uuid + "\nContent-Disposition: linger\n"
                                        + "Channel-Name: " + notice.header("Channel-Name") + "\nLinger-Time: -1\nContent-Length: 0\n\n");
                            }
                        }
                        case "api" -> assertThat(c.expect("api/response").body()).isEqualTo("9000");
                        case "exit" -> {
                            c.readUntilClosed(WAIT);
                            assertThat(c.receivedBytes()).endsWith("Content-Type: command/reply\nReply-Text: +OK bye\n\n"
                                    + "Content-Type: text/disconnect-notice\nControlled-Session-UUID: " + uuid
                                    + "\nContent-Disposition: disconnect\nContent-Length: 67\n\n"
                                    + "Disconnected, goodbye.\nSee you at ClueCon! http://www.cluecon.com/\n");
                        }
                        default -> c.expect("command/reply");
                    }
                }
                simulated = new ArrayList<>(c.seen());
            }
            assertThat(call.ended()).succeedsWithin(WAIT).isEqualTo("NORMAL_CLEARING");
            assertThat(sim.ledger().awaitHangup(uuid, "NORMAL_CLEARING", WAIT).killedBy()).isEqualTo("sendmsg hangup");
            sim.ledger().awaitNoLiveChannels(WAIT);
        }

        assertThat(Capture.replies(simulated)).containsExactlyElementsOf(Capture.replies(real));
        assertThat(Capture.eventNamesOf(simulated, uuid)).containsExactlyElementsOf(Capture.eventNamesOf(real, capturedUuid));

        Map<String, Set<String>> realHeaders = Capture.headerNames(real, Set.of(capturedUuid), false);
        Map<String, Set<String>> simHeaders = Capture.headerNames(simulated, Set.of(uuid), false);
        realHeaders.forEach((event, names) -> assertThat(simHeaders.get(event)).as(event).containsExactlyInAnyOrderElementsOf(names));

        // the CHANNEL_DATA block: same header names apart from the channel variables
        assertThat(nonVariableNames(simulated.get(0))).containsExactlyElementsOf(nonVariableNames(real.get(0)));

        // event-lock answer: CHANNEL_EXECUTE and its _COMPLETE share one Application-UUID
        List<Frame> executes = simulated.stream().filter(Frame::isEvent)
                .filter(f -> "answer".equals(f.event().get("Application"))).toList();
        assertThat(executes).extracting(Frame::eventName).containsExactly("CHANNEL_EXECUTE", "CHANNEL_EXECUTE_COMPLETE");
        assertThat(executes.get(0).event().get("Application-UUID")).isEqualTo(executes.get(1).event().get("Application-UUID"));
    }

    private static List<String> nonVariableNames(Frame f) {
        return f.headers().stream().map(Map.Entry::getKey).filter(k -> !k.startsWith("variable_")).toList();
    }
}
