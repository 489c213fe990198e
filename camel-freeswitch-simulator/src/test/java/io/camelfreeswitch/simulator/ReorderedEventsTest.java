package io.camelfreeswitch.simulator;

import io.camelfreeswitch.simulator.testclient.Esl;
import io.camelfreeswitch.simulator.testclient.Frame;
import io.camelfreeswitch.simulator.testclient.RawEslClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.camelfreeswitch.simulator.testclient.Esl.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

/** The seeded option that delivers events out of firing order, as a loaded FreeSWITCH does. */
class ReorderedEventsTest {

    @RegisterExtension
    final FreeSwitchSimulatorExtension sim = FreeSwitchSimulatorExtension.perTest()
            .configure(b -> b.reorderEvents(42L))
            .assertNoLiveChannelsAfterEach();

    @Test
    void some_events_arrive_out_of_sequence_and_progress_can_precede_create() throws Exception {
        boolean outOfSequence = false;
        boolean progressBeforeCreate = false;
        try (RawEslClient c = Esl.listening(sim.port(), sim.password())) {
            for (int i = 0; i < 12; i++) {
                String uuid = UUID.randomUUID().toString();
                String job = Esl.bgapi(c, "originate {origination_uuid=" + uuid + "}sim/answer-after-20 &park()");
                assertThat(Esl.jobResult(c, job)).isEqualTo("+OK " + uuid + "\n");
                Esl.api(c, "uuid_kill " + uuid);
                Esl.waitEvent(c, "CHANNEL_DESTROY", uuid);
                List<String> names = Esl.eventsOf(c, uuid);
                if (names.indexOf("CHANNEL_PROGRESS") < names.indexOf("CHANNEL_CREATE")) {
                    progressBeforeCreate = true;
                }
            }
            List<Long> sequences = new ArrayList<>();
            for (Frame f : c.seen()) {
                if (f.isEvent()) {
                    sequences.add(Long.parseLong(f.event().get("Event-Sequence")));
                }
            }
            for (int i = 1; i < sequences.size(); i++) {
                if (sequences.get(i) < sequences.get(i - 1)) {
                    outOfSequence = true;
                }
            }
            // nothing is lost: every fired sequence number arrives exactly once
            assertThat(sequences).doesNotHaveDuplicates();
        }
        assertThat(outOfSequence).as("some event delivered after its successor").isTrue();
        assertThat(progressBeforeCreate).as("CHANNEL_PROGRESS before CHANNEL_CREATE at least once").isTrue();
        sim.ledger().awaitNoLiveChannels(WAIT);
    }
}
