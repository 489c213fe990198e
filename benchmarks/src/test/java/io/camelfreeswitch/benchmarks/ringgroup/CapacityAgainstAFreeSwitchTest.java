package io.camelfreeswitch.benchmarks.ringgroup;

import io.camelfreeswitch.benchmarks.harness.LatencyReport;
import io.camelfreeswitch.simulator.ChannelRecord;
import io.camelfreeswitch.simulator.FreeSwitchSimulator;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code --freeswitch} measures a FreeSWITCH the harness did not start: here a simulator with a password of its own,
 * reached only through its address, ringing the IT dialplan's phones. (The README shows the same run against a
 * simulator in another JVM.)
 */
class CapacityAgainstAFreeSwitchTest {

    @Test
    void every_scenario_rings_the_given_freeswitch_and_leaves_no_channel() throws Exception {
        try (FreeSwitchSimulator freeswitch = FreeSwitchSimulator.builder().password("N0tClueCon").build().start()) {
            CapacityOptions options = CapacityOptions.parse("--freeswitch", "127.0.0.1:" + freeswitch.port()
                    + ":N0tClueCon", "--seconds", "1", "--warmup", "0", "--concurrency", "2", "--scenarios",
                    "raw,parallel,sequential,balancing-memory");

            List<LatencyReport> reports = RingGroupCapacity.measure(options);

            assertThat(reports).hasSize(4).allSatisfy(report -> {
                assertThat(report.operations()).as(report.name()).isPositive();
                assertThat(report.failures()).as(report.name()).isZero();
            });
            assertThat(freeswitch.ledger().channels()).extracting(ChannelRecord::destination)
                    .allMatch(destination -> destination.startsWith("loopback/") && destination.endsWith("/camel-it"))
                    .contains("loopback/no-answer/camel-it", "loopback/busy/camel-it", "loopback/answer/camel-it");
            freeswitch.ledger().awaitNoLiveChannels(Duration.ofSeconds(30));
        }
    }
}
