package io.camelfreeswitch.simulator;

import io.camelfreeswitch.simulator.testclient.Esl;
import io.camelfreeswitch.simulator.testclient.RawEslClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import static io.camelfreeswitch.simulator.testclient.Esl.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

/** On a virtual time the simulator's delays wait for the time to be advanced, and every timestamp is exact. */
class VirtualTimeTest {

    /** Half a second into a second, so that the originate timer's whole-second arithmetic is visible. */
    private static final Instant START = Instant.parse("2026-01-01T10:00:00.500Z");

    private final VirtualTime time = VirtualTime.startingAt(START);

    @RegisterExtension
    final FreeSwitchSimulatorExtension sim = FreeSwitchSimulatorExtension.perTest()
            .configure(builder -> builder.time(time)).assertNoLiveChannelsAfterEach();

    private RawEslClient esl;

    @BeforeEach
    void connect() throws Exception {
        esl = Esl.listening(sim.port(), sim.password());
    }

    @AfterEach
    void disconnect() throws Exception {
        esl.close();
    }

    private String originate(String uuid, String dial) {
        return Esl.bgapi(esl, "originate {origination_uuid=" + uuid + "}" + dial + " &park()");
    }

    @Test
    void a_destination_answers_when_the_time_reaches_its_delay_not_before() {
        sim.simulator().destination("user/3001", Behaviour.answerAfter(Duration.ofSeconds(30)));
        String uuid = UUID.randomUUID().toString();
        String job = originate(uuid, "user/3001");
        sim.ledger().awaitChannel(r -> r.uuid().equals(uuid), WAIT);
        sim.simulator().awaitIdle(WAIT);

        time.advance(Duration.ofMillis(29_999));
        sim.simulator().awaitIdle(WAIT);
        assertThat(sim.ledger().channel(uuid).orElseThrow().answered()).isNull();

        time.advance(Duration.ofMillis(1));
        assertThat(Esl.jobResult(esl, job)).isEqualTo("+OK " + uuid + "\n");
        ChannelRecord record = sim.ledger().channel(uuid).orElseThrow();
        assertThat(record.created()).isEqualTo(START);
        assertThat(record.answered()).isEqualTo(START.plusSeconds(30));
        assertThat(Esl.api(esl, "uuid_kill " + uuid)).isEqualTo("+OK\n");
        assertThat(sim.ledger().awaitHangup(uuid, "NORMAL_CLEARING", WAIT).hungUp()).isEqualTo(START.plusSeconds(30));
    }

    @Test
    void the_originate_timer_counts_whole_seconds_of_the_virtual_clock() {
        sim.simulator().destination("user/3002", Behaviour.noAnswer());
        String uuid = UUID.randomUUID().toString();
        String job = originate(uuid, "{originate_timeout=2}user/3002");
        sim.ledger().awaitChannel(r -> r.uuid().equals(uuid), WAIT);
        sim.simulator().awaitIdle(WAIT);

        time.advance(Duration.ofMillis(1499));
        sim.simulator().awaitIdle(WAIT);
        assertThat(sim.ledger().channel(uuid).orElseThrow().hungUp()).isNull();

        time.advance(Duration.ofMillis(1));
        assertThat(Esl.jobResult(esl, job)).isEqualTo("-ERR NO_ANSWER\n");
        ChannelRecord record = sim.ledger().awaitHangup(uuid, "NO_ANSWER", WAIT);
        assertThat(record.killedBy()).isEqualTo("timeout");
        assertThat(record.hungUp()).as("started at .500 in its second: gives up 1.5 s in").isEqualTo(START.plusMillis(1500));
    }

    @Test
    void timers_fire_in_the_order_they_are_due_each_at_its_own_time() {
        VirtualTime clockOnly = VirtualTime.startingAt(START);
        List<String> fired = new ArrayList<>();
        clockOnly.scheduler().schedule(() -> fired.add("b at " + clockOnly.now()), 2, TimeUnit.SECONDS);
        clockOnly.scheduler().schedule(() -> fired.add("a at " + clockOnly.now()), 1, TimeUnit.SECONDS);
        ScheduledFuture<?> cancelled = clockOnly.scheduler().schedule(() -> fired.add("never"), 1, TimeUnit.SECONDS);
        clockOnly.scheduler().schedule(() -> fired.add("c at " + clockOnly.now()), 2, TimeUnit.SECONDS);
        cancelled.cancel(false);

        clockOnly.advance(Duration.ofSeconds(5));

        assertThat(fired).containsExactly("a at " + START.plusSeconds(1), "b at " + START.plusSeconds(2),
                "c at " + START.plusSeconds(2));
        assertThat(clockOnly.now()).isEqualTo(START.plusSeconds(5));
        assertThat(clockOnly.pendingTimers()).isZero();
    }
}
