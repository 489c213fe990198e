package io.camelfreeswitch.simulator;

import io.camelfreeswitch.simulator.testclient.Esl;
import io.camelfreeswitch.simulator.testclient.RawEslClient;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static io.camelfreeswitch.simulator.testclient.Esl.WAIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The ledger lets a test prove that nothing is left ringing. */
class LedgerTest {

    @Test
    void ledger_tracks_every_channel_and_its_end() throws Exception {
        try (FreeSwitchSimulator sim = FreeSwitchSimulator.builder().build().start();
             RawEslClient c = Esl.listening(sim.port(), sim.password())) {
            String ringing = UUID.randomUUID().toString();
            Esl.bgapi(c, "originate {origination_uuid=" + ringing + "}sim/no-answer &park()");
            sim.ledger().awaitChannel(r -> r.uuid().equals(ringing), WAIT);
            assertThat(sim.ledger().liveChannels()).isEqualTo(1);

            assertThatThrownBy(() -> sim.ledger().awaitNoLiveChannels(Duration.ofMillis(100)))
                    .isInstanceOf(AssertionError.class).hasMessageContaining(ringing).hasMessageContaining("sim/no-answer");
            assertThatThrownBy(() -> sim.ledger().awaitHangup(ringing, "LOSE_RACE", Duration.ofMillis(100)))
                    .isInstanceOf(AssertionError.class).hasMessageContaining("did not hang up");

            Esl.api(c, "uuid_kill " + ringing + " ORIGINATOR_CANCEL");
            assertThatThrownBy(() -> sim.ledger().awaitHangup(ringing, "LOSE_RACE", WAIT))
                    .isInstanceOf(AssertionError.class).hasMessageContaining("ORIGINATOR_CANCEL").hasMessageContaining("uuid_kill");
            sim.ledger().awaitNoLiveChannels(WAIT);

            ChannelRecord r = sim.ledger().channel(ringing).orElseThrow();
            assertThat(r.live()).isFalse();
            assertThat(r.wasAnswered()).isFalse();
            assertThat(r.hungUp()).isAfterOrEqualTo(r.created());
            assertThat(sim.ledger().channels()).containsExactly(r);
            assertThat(sim.ledger().channel("nope")).isEmpty();
            sim.ledger().clear();
            assertThat(sim.ledger().channels()).isEmpty();
        }
    }

    @Test
    void closing_the_simulator_ends_every_channel() {
        FreeSwitchSimulator sim = FreeSwitchSimulator.builder().build().start();
        SimulatorLedger ledger = sim.ledger();
        try (RawEslClient c = Esl.listening(sim.port(), sim.password())) {
            Esl.bgapi(c, "originate sim/answer &park()");
            ledger.awaitCreated(1, WAIT);
        } catch (Exception e) {
            throw new AssertionError(e);
        } finally {
            sim.close();
        }
        assertThat(ledger.liveChannels()).isZero();
        assertThat(ledger.channels().get(0).killedBy()).isEqualTo("simulator closed");
    }
}
