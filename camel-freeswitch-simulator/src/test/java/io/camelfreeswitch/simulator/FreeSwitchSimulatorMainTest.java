package io.camelfreeswitch.simulator;

import io.camelfreeswitch.simulator.testclient.Esl;
import io.camelfreeswitch.simulator.testclient.RawEslClient;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FreeSwitchSimulatorMainTest {

    @Test
    void the_command_line_configures_port_and_password() throws Exception {
        try (FreeSwitchSimulator sim = FreeSwitchSimulatorMain.parse(new String[] {"--port", "0", "--password", "s3cret"})
                .build().start();
             RawEslClient c = RawEslClient.authenticated(sim.port(), "s3cret")) {
            assertThat(Esl.api(c, "version")).startsWith("FreeSWITCH Version");
        }
    }

    @Test
    void bad_options_are_explained() {
        assertThatThrownBy(() -> FreeSwitchSimulatorMain.parse(new String[] {"--prot", "1"}))
                .hasMessageContaining("unknown option --prot").hasMessageContaining("usage:");
        assertThatThrownBy(() -> FreeSwitchSimulatorMain.parse(new String[] {"--port"})).hasMessageContaining("--port needs a value");
        assertThatThrownBy(() -> FreeSwitchSimulatorMain.parse(new String[] {"--port", "x"})).hasMessageContaining("needs a number");
        assertThatThrownBy(() -> FreeSwitchSimulatorMain.parse(new String[] {"--port", "70000"})).hasMessageContaining("out of range");
    }

    @Test
    void a_port_already_in_use_is_reported_clearly() {
        try (FreeSwitchSimulator first = FreeSwitchSimulator.builder().build().start();
             FreeSwitchSimulator second = FreeSwitchSimulator.builder().port(first.port()).build()) {
            assertThatThrownBy(second::start).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("cannot listen on 127.0.0.1:" + first.port());
        }
    }

    @Test
    void declaring_a_destination_with_dial_string_syntax_is_refused() {
        try (FreeSwitchSimulator sim = FreeSwitchSimulator.builder().build()) {
            assertThatThrownBy(() -> sim.destination("user/1001,user/1002", Behaviour.answerNow()))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("plain endpoint");
            assertThatThrownBy(() -> sim.destination("user/10\r\n01", Behaviour.answerNow()))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> Behaviour.reject("not a cause")).hasMessageContaining("CALL_REJECTED");
        }
    }
}
