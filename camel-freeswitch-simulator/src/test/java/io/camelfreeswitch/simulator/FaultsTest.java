package io.camelfreeswitch.simulator;

import io.camelfreeswitch.simulator.testclient.Esl;
import io.camelfreeswitch.simulator.testclient.Frame;
import io.camelfreeswitch.simulator.testclient.RawEslClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import static io.camelfreeswitch.simulator.testclient.Esl.WAIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Faults on demand. A fresh simulator per test: faults are global to it. */
class FaultsTest {

    @RegisterExtension
    final FreeSwitchSimulatorExtension sim = FreeSwitchSimulatorExtension.perTest();

    @Test
    void refuse_auth_rejects_even_the_right_password() throws Exception {
        sim.simulator().faults().refuseAuth(true);
        try (RawEslClient c = RawEslClient.connect(sim.port())) {
            c.expect("auth/request");
            c.send("auth " + sim.password());
            assertThat(c.expect("command/reply").replyText()).isEqualTo("-ERR invalid");
            c.readUntilClosed(WAIT);
        }
        sim.simulator().faults().refuseAuth(false);
        try (RawEslClient c = RawEslClient.authenticated(sim.port(), sim.password())) {
            assertThat(Esl.api(c, "version")).startsWith("FreeSWITCH");
        }
    }

    @Test
    void drop_all_connections_closes_every_socket_but_keeps_listening() throws Exception {
        try (RawEslClient a = RawEslClient.authenticated(sim.port(), sim.password());
             RawEslClient b = RawEslClient.authenticated(sim.port(), sim.password())) {
            sim.simulator().faults().dropAllConnections();
            a.readUntilClosed(WAIT);
            b.readUntilClosed(WAIT);
        }
        try (RawEslClient c = RawEslClient.authenticated(sim.port(), sim.password())) {
            assertThat(Esl.api(c, "version")).startsWith("FreeSWITCH");
        }
    }

    @Test
    void stop_and_start_listen_again_on_the_same_port_and_channels_survive() throws Exception {
        int port = sim.port();
        String uuid = UUID.randomUUID().toString();
        try (RawEslClient c = Esl.listening(port, sim.password())) {
            Esl.jobResult(c, Esl.bgapi(c, "originate {origination_uuid=" + uuid + "}sim/answer &park()"));
            sim.simulator().stop();
            c.readUntilClosed(WAIT);
        }
        assertThat(sim.simulator().running()).isFalse();
        assertThatThrownBy(() -> RawEslClient.connect(port)).isInstanceOf(java.io.IOException.class);
        sim.simulator().start();
        assertThat(sim.port()).isEqualTo(port);
        try (RawEslClient c = RawEslClient.authenticated(port, sim.password())) {
            assertThat(Esl.api(c, "uuid_exists " + uuid)).isEqualTo("true");
            Esl.api(c, "uuid_kill " + uuid);
        }
        sim.ledger().awaitNoLiveChannels(WAIT);
    }

    @Test
    void delay_replies_holds_each_reply() throws Exception {
        try (RawEslClient c = RawEslClient.authenticated(sim.port(), sim.password())) {
            sim.simulator().faults().delayReplies(Duration.ofMillis(300));
            long start = System.nanoTime();
            assertThat(Esl.api(c, "version")).startsWith("FreeSWITCH");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(290));
        }
    }

    @Test
    void slow_events_delays_each_event_but_keeps_the_order() throws Exception {
        try (RawEslClient c = Esl.listening(sim.port(), sim.password())) {
            sim.simulator().faults().slowEvents(Duration.ofMillis(20));
            String uuid = UUID.randomUUID().toString();
            long start = System.nanoTime();
            Esl.jobResult(c, Esl.bgapi(c, "originate {origination_uuid=" + uuid + "}sim/answer &park()"));
            // about ten events precede the BACKGROUND_JOB
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(150));
            long previous = 0;
            for (Frame f : c.seen()) {
                if (f.isEvent()) {
                    long seq = Long.parseLong(f.event().get("Event-Sequence"));
                    assertThat(seq).isGreaterThan(previous);
                    previous = seq;
                }
            }
            Esl.api(c, "uuid_kill " + uuid);
        }
    }

    @Test
    void held_job_results_are_sent_when_released_while_the_call_goes_on_meanwhile() throws Exception {
        try (RawEslClient c = Esl.listening(sim.port(), sim.password())) {
            sim.simulator().faults().holdJobResults();
            String uuid = UUID.randomUUID().toString();
            String job = Esl.bgapi(c, "originate {origination_uuid=" + uuid + "}sim/answer &park()");
            Esl.waitEvent(c, "CHANNEL_ANSWER", uuid);
            // a reply sent after the answer: a BACKGROUND_JOB not held back would have come before it
            assertThat(Esl.api(c, "uuid_exists " + uuid)).isEqualTo("true");
            assertThat(c.seen()).noneMatch(f -> f.isEvent() && "BACKGROUND_JOB".equals(f.eventName()));

            sim.simulator().faults().releaseJobResults();

            assertThat(Esl.jobResult(c, job)).startsWith("+OK " + uuid);
            Esl.api(c, "uuid_kill " + uuid);
        }
        sim.ledger().awaitNoLiveChannels(WAIT);
    }

    @Test
    void a_held_originate_creates_its_channel_only_when_released_so_a_kill_sent_before_finds_none() throws Exception {
        try (RawEslClient c = Esl.listening(sim.port(), sim.password())) {
            sim.simulator().faults().holdOriginates();
            String uuid = UUID.randomUUID().toString();
            String originate = Esl.bgapi(c, "originate {origination_uuid=" + uuid + "}sim/answer &park()");
            String kill = Esl.bgapi(c, "uuid_kill " + uuid);
            assertThat(Esl.jobResult(c, kill)).isEqualTo("-ERR No such channel!\n");
            assertThat(sim.ledger().channel(uuid)).isEmpty();

            sim.simulator().faults().releaseOriginates();

            assertThat(Esl.jobResult(c, originate)).startsWith("+OK " + uuid);
            Esl.api(c, "uuid_kill " + uuid);
        }
        sim.ledger().awaitNoLiveChannels(WAIT);
    }

    @Test
    void send_garbage_writes_bytes_no_esl_parser_accepts() throws Exception {
        try (RawEslClient c = RawEslClient.authenticated(sim.port(), sim.password())) {
            int before = c.receivedBytes().length();
            sim.simulator().faults().sendGarbage();
            String expected = new String(SimulatorFaults.GARBAGE, StandardCharsets.UTF_8);
            org.awaitility.Awaitility.await().atMost(WAIT)
                    .until(() -> c.receivedBytes().length() > before || c.closedByPeer());
            // the test client itself chokes on it (non-numeric Content-Length) and drops the connection
            org.awaitility.Awaitility.await().atMost(WAIT).until(c::closedByPeer);
            assertThat(c.receivedBytes().substring(before)).isEqualTo(expected.substring(0, expected.indexOf("\n\n") + 2));
        }
    }
}
