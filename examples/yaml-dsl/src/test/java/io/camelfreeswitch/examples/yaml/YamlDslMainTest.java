package io.camelfreeswitch.examples.yaml;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The example as its README runs it: the launcher starts the simulator, Camel Main rings once and stops. */
class YamlDslMainTest {

    @Test
    void ringsOnceOnTheEmbeddedSimulatorAndStops() throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();

        int exitCode = YamlDslMain.run(new PrintStream(printed, true, StandardCharsets.UTF_8), "--support.timeout=2s");

        assertThat(exitCode).isZero();
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains(
                "Simulator ledger: loopback/1004/default USER_BUSY, loopback/1001/default NORMAL_CLEARING; 0 live");
    }

    @Test
    void anArgumentThatIsNotAPropertyIsRefused() {
        assertThatThrownBy(() -> YamlDslMain.run(System.out, "ring"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unexpected argument 'ring'");
    }
}
