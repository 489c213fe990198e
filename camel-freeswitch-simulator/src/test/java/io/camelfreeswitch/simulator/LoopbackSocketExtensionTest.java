package io.camelfreeswitch.simulator;

import io.camelfreeswitch.simulator.testclient.Esl;
import io.camelfreeswitch.simulator.testclient.Frame;
import io.camelfreeswitch.simulator.testclient.RawEslClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.UUID;

import static io.camelfreeswitch.simulator.testclient.Esl.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code loopback/socket-<host>-<port>} as the shipped IT dialplan defines it: the B leg runs
 * {@code socket <host>:<port> async full}, its answer answers the originated A leg, and either leg hanging up ends
 * the other.
 */
class LoopbackSocketExtensionTest {

    @RegisterExtension
    static final FreeSwitchSimulatorExtension SIM = FreeSwitchSimulatorExtension.perClass().assertNoLiveChannelsAfterEach();

    @Test
    void the_b_leg_connects_to_the_socket_and_its_answer_completes_the_originate() throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             RawEslClient inbound = Esl.listening(SIM.port(), SIM.password())) {
            String aLeg = UUID.randomUUID().toString();
            String job = Esl.bgapi(inbound, "originate {origination_uuid=" + aLeg + "}loopback/socket-127.0.0.1-"
                    + listener.getLocalPort() + "/default &park()");
            try (RawEslClient socket = RawEslClient.accept(listener, WAIT)) {
                socket.send("connect");
                Frame data = socket.next(WAIT);
                String bLeg = data.header("Unique-ID");
                assertThat(bLeg).isNotEqualTo(aLeg);
                assertThat(data.header("Channel-Destination-Number")).isEqualTo("socket-127.0.0.1-" + listener.getLocalPort());
                assertThat(data.header("variable_other_loopback_leg_uuid")).isEqualTo(aLeg);
                assertThat(SIM.ledger().channel(aLeg)).get().matches(r -> r.answered() == null);

                socket.send("sendmsg\ncall-command: execute\nexecute-app-name: answer");
                assertThat(Esl.jobResult(inbound, job)).isEqualTo("+OK " + aLeg + "\n");
                assertThat(SIM.ledger().awaitAnswered(bLeg, WAIT).answered()).isNotNull();

                Esl.api(inbound, "uuid_kill " + aLeg);
                assertThat(SIM.ledger().awaitHangup(bLeg, WAIT).killedBy()).isEqualTo("loopback peer");
                socket.readUntilClosed(WAIT);
            }
        }
    }

    @Test
    void the_b_leg_hanging_up_ends_the_ringing_a_leg_and_fails_the_originate() throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             RawEslClient inbound = Esl.listening(SIM.port(), SIM.password())) {
            String aLeg = UUID.randomUUID().toString();
            String job = Esl.bgapi(inbound, "originate {origination_uuid=" + aLeg + "}loopback/socket-127.0.0.1-"
                    + listener.getLocalPort() + "/default &park()");
            try (RawEslClient socket = RawEslClient.accept(listener, WAIT)) {
                socket.send("connect");
                socket.next(WAIT);
                socket.send("sendmsg\ncall-command: hangup\nhangup-cause: CALL_REJECTED");
                assertThat(Esl.jobResult(inbound, job)).isEqualTo("-ERR CALL_REJECTED\n");
                assertThat(SIM.ledger().awaitHangup(aLeg, "CALL_REJECTED", WAIT).killedBy()).isEqualTo("loopback peer");
                socket.readUntilClosed(WAIT);
            }
        }
    }

    @Test
    void nobody_listening_on_the_port_ends_both_legs() throws Exception {
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = probe.getLocalPort();
        }
        try (RawEslClient inbound = Esl.listening(SIM.port(), SIM.password())) {
            String aLeg = UUID.randomUUID().toString();
            String job = Esl.bgapi(inbound, "originate {origination_uuid=" + aLeg + "}loopback/socket-127.0.0.1-"
                    + closedPort + "/default &park()");
            assertThat(Esl.jobResult(inbound, job)).isEqualTo("-ERR DESTINATION_OUT_OF_ORDER\n");
            SIM.ledger().awaitHangup(aLeg, "DESTINATION_OUT_OF_ORDER", WAIT);
        }
    }
}
