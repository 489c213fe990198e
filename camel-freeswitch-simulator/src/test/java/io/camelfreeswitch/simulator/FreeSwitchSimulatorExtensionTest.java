package io.camelfreeswitch.simulator;

import io.camelfreeswitch.simulator.testclient.Esl;
import io.camelfreeswitch.simulator.testclient.RawEslClient;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

@TestMethodOrder(MethodOrderer.MethodName.class)
class FreeSwitchSimulatorExtensionTest {

    @RegisterExtension
    static final FreeSwitchSimulatorExtension SIM = FreeSwitchSimulatorExtension.perClass()
            .configure(b -> b.password("p4ss").destination("user/1001", Behaviour.answerNow()))
            .assertNoLiveChannelsAfterEach(Duration.ofSeconds(5));

    @Test
    void a_injects_the_running_simulator_and_its_ledger(FreeSwitchSimulator sim, SimulatorLedger ledger) throws Exception {
        assertThat(sim).isSameAs(SIM.simulator());
        assertThat(ledger).isSameAs(SIM.ledger());
        assertThat(sim.password()).isEqualTo("p4ss");
        try (RawEslClient c = Esl.listening(SIM.port(), "p4ss")) {
            String result = Esl.jobResult(c, Esl.bgapi(c, "originate user/1001 &park()"));
            assertThat(result).startsWith("+OK ");
            Esl.api(c, "uuid_kill " + result.substring(4).trim());
        }
    }

    @Test
    void b_a_stopped_simulator_is_listening_again_in_the_next_test_of_the_class() {
        SIM.simulator().stop();
        assertThat(SIM.simulator().running()).isFalse();
    }

    @Test
    void c_is_listening_again_after_the_stop() throws Exception {
        try (RawEslClient c = RawEslClient.authenticated(SIM.port(), "p4ss")) {
            assertThat(Esl.api(c, "version")).startsWith("FreeSWITCH");
        }
    }
}
