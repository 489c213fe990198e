package io.camelfreeswitch.call;

import static io.camelfreeswitch.testing.TestWaits.WELL_WITHIN;

import io.camelfreeswitch.esl.EslClient;
import io.camelfreeswitch.esl.EslClientOptions;
import io.camelfreeswitch.esl.EslConnection;
import io.camelfreeswitch.esl.EventFormat;
import io.camelfreeswitch.simulator.FreeSwitchSimulator;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** The real inbound ESL client, connected to a simulator, reconnecting quickly after a dropped socket. */
final class EslTestConnections {

    private EslTestConnections() {
    }

    static EslConnection connect(FreeSwitchSimulator sim) throws Exception {
        return connect(sim, EventFormat.PLAIN);
    }

    static EslConnection connect(FreeSwitchSimulator sim, EventFormat format) throws Exception {
        return EslClient.connect(EslClientOptions.builder()
                        .eventFormat(format)
                        .host("127.0.0.1")
                        .port(sim.port())
                        .password(sim.password())
                        .reconnectInitialDelay(Duration.ofMillis(50))
                        .reconnectMaxDelay(Duration.ofMillis(500))
                        .build())
                .get(WELL_WITHIN.toSeconds(), TimeUnit.SECONDS);
    }
}
