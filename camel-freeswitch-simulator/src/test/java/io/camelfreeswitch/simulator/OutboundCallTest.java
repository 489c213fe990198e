package io.camelfreeswitch.simulator;

import io.camelfreeswitch.simulator.testclient.Esl;
import io.camelfreeswitch.simulator.testclient.Frame;
import io.camelfreeswitch.simulator.testclient.RawEslClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;

import static io.camelfreeswitch.simulator.testclient.Esl.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

/** Calls the simulator places into an outbound-socket consumer. */
class OutboundCallTest {

    @RegisterExtension
    static final FreeSwitchSimulatorExtension SIM = FreeSwitchSimulatorExtension.perClass().assertNoLiveChannelsAfterEach();

    @Test
    void the_caller_hangs_up_on_cue_and_without_linger_the_socket_is_closed() throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            OutboundCall call = SIM.simulator().placeOutboundCall("127.0.0.1", listener.getLocalPort(),
                    Map.of("caller_id_number", "5550100", "caller_id_name", "Alice", "destination_number", "7000"));
            try (RawEslClient c = RawEslClient.accept(listener, WAIT)) {
                assertThat(call.connected()).succeedsWithin(WAIT);
                c.send("connect");
                Frame data = c.next(WAIT);
                assertThat(data.header("Caller-Caller-ID-Number")).isEqualTo("5550100");
                assertThat(data.header("Caller-Caller-ID-Name")).isEqualTo("Alice");
                assertThat(data.header("Channel-Destination-Number")).isEqualTo("7000");
                c.send("myevents");
                assertThat(c.expect("command/reply").replyText()).isEqualTo("+OK Events Enabled");
                call.hangup();
                List<Frame> rest = c.readUntilClosed(WAIT);
                assertThat(rest.get(rest.size() - 1).raw()).isEqualTo("Content-Type: text/disconnect-notice\n"
                        + "Controlled-Session-UUID: " + call.uuid() + "\nContent-Disposition: disconnect\nContent-Length: 67\n\n"
                        + "Disconnected, goodbye.\nSee you at ClueCon! http://www.cluecon.com/\n");
                assertThat(rest).filteredOn(Frame::isEvent).extracting(Frame::eventName)
                        .contains("CHANNEL_HANGUP", "CHANNEL_HANGUP_COMPLETE");
            }
            assertThat(call.ended()).succeedsWithin(WAIT).isEqualTo("NORMAL_CLEARING");
            assertThat(SIM.ledger().awaitHangup(call.uuid(), WAIT).killedBy()).isEqualTo("far-end");
        }
    }

    @Test
    void when_the_consumer_drops_the_socket_the_call_is_hung_up() throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            OutboundCall call = SIM.simulator().placeOutboundCall("127.0.0.1", listener.getLocalPort());
            try (RawEslClient c = RawEslClient.accept(listener, WAIT)) {
                c.send("connect");
                c.next(WAIT);
            }
            assertThat(call.ended()).succeedsWithin(WAIT).isEqualTo("NORMAL_CLEARING");
            assertThat(SIM.ledger().awaitHangup(call.uuid(), WAIT).killedBy()).isEqualTo("socket closed");
        }
    }

    @Test
    void api_and_bgapi_work_on_the_outbound_socket() throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            OutboundCall call = SIM.simulator().placeOutboundCall("127.0.0.1", listener.getLocalPort());
            try (RawEslClient c = RawEslClient.accept(listener, WAIT)) {
                c.send("connect");
                c.next(WAIT);
                c.send("myevents json");
                c.expect("command/reply");
                assertThat(Esl.api(c, "uuid_exists " + call.uuid())).isEqualTo("true");
                String job = Esl.bgapi(c, "version");
                assertThat(Esl.jobResult(c, job)).startsWith("FreeSWITCH Version");
                c.send("exit");
                c.readUntilClosed(WAIT);
            }
            assertThat(call.ended()).succeedsWithin(WAIT);
        }
    }

    @Test
    void an_unreachable_consumer_fails_the_connection_and_ends_the_call() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        OutboundCall call = SIM.simulator().placeOutboundCall("127.0.0.1", closedPort);
        assertThat(call.connected()).failsWithin(WAIT);
        assertThat(call.ended()).succeedsWithin(WAIT).isEqualTo("DESTINATION_OUT_OF_ORDER");
    }
}
