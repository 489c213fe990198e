package io.camelfreeswitch.examples.yaml;

import io.camelfreeswitch.call.LegOutcome;
import io.camelfreeswitch.call.LegResult;
import io.camelfreeswitch.call.RingGroupOutcome;
import io.camelfreeswitch.call.RingGroupResult;
import io.camelfreeswitch.camel.FreeSwitchConstants;
import io.camelfreeswitch.simulator.ChannelRecord;
import io.camelfreeswitch.simulator.FreeSwitchSimulator;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The YAML route file, loaded by Camel Main as the example runs it, rung against the simulator. */
class YamlDslRouteTest {

    /** The sales group's second tier (application.properties): answers, then presses 1. */
    private static final String CONFIRMER = "loopback/answer-after-2500-press-1-after-1200/camel-it";

    private static FreeSwitchSimulator simulator;
    private static Main main;

    @BeforeAll
    static void startCamelMainWithTheYamlRoutes() throws Exception {
        simulator = FreeSwitchSimulator.builder().port(0).build().start();
        main = new Main();
        main.addOverrideProperty("camel.component.freeswitch.port", Integer.toString(simulator.port()));
        // driven by the test, not by the timer nor the one-message limit of the example's own run
        main.addOverrideProperty("camel.main.duration-max-messages", "0");
        main.addOverrideProperty("ring-once.enabled", "false");
        main.addOverrideProperty("support.timeout", "2s");
        main.start();
    }

    @AfterAll
    static void stop() {
        main.stop();
        simulator.close();
    }

    @AfterEach
    void noChannelLeftUp() {
        simulator.ledger().awaitNoLiveChannels(Duration.ofSeconds(10));
        simulator.ledger().clear();
    }

    @Test
    void theYamlRouteRingsTheGroupInOrderAndHangsUpWhoAnswered() throws Exception {
        ProducerTemplate template = main.getCamelTemplate();

        Exchange exchange = template.request("direct:ring-support", e -> { });

        assertThat(exchange.getException()).isNull();
        assertThat(exchange.getMessage().getHeader(FreeSwitchConstants.RING_GROUP_OUTCOME))
                .isEqualTo(RingGroupOutcome.ANSWERED);
        // SEQUENTIAL from the properties: the busy 1004 first, then 1001 answers
        assertThat(exchange.getMessage().getHeader(FreeSwitchConstants.ANSWERED_DESTINATION))
                .isEqualTo("loopback/1001/default");
        String answered = exchange.getMessage().getHeader(FreeSwitchConstants.ANSWERED_UUID, String.class);
        ChannelRecord record = simulator.ledger().awaitHangup(answered, "NORMAL_CLEARING", Duration.ofSeconds(10));
        assertThat(record.wasAnswered()).isTrue();
        assertThat(simulator.ledger().channelsTo("loopback/1004/default")).singleElement()
                .extracting(ChannelRecord::hangupCause).isEqualTo("USER_BUSY");
    }

    @Test
    void theHeaderOverridesTheDestinationsOfTheYamlRoute() throws Exception {
        ProducerTemplate template = main.getCamelTemplate();

        Exchange exchange = template.request("direct:ring-support", e -> e.getMessage()
                .setHeader(FreeSwitchConstants.DESTINATIONS, "sim/no-answer,sim/busy"));

        assertThat(exchange.getMessage().getHeader(FreeSwitchConstants.RING_GROUP_OUTCOME))
                .isEqualTo(RingGroupOutcome.NO_ANSWER);
    }

    @Test
    void theTieredRouteSkipsTheAnswerThatDoesNotPressOneAndRingsTheNextTier() throws Exception {
        ProducerTemplate template = main.getCamelTemplate();

        Exchange exchange = template.request("direct:ring-sales", e -> { });

        assertThat(exchange.getException()).isNull();
        // tier 1: 1004 is busy, 1001 answers but never presses 1; tier 2 answers and presses 1
        RingGroupResult result = exchange.getMessage().getBody(RingGroupResult.class);
        assertThat(result.outcome()).isEqualTo(RingGroupOutcome.ANSWERED);
        assertThat(result.legs()).extracting(LegResult::destination, LegResult::outcome).containsExactly(
                tuple("loopback/1004/default", LegOutcome.BUSY),
                tuple("loopback/1001/default", LegOutcome.UNCONFIRMED),
                tuple(CONFIRMER, LegOutcome.ANSWERED));
        assertThat(simulator.ledger().channelsTo("loopback/1001/default")).singleElement()
                .satisfies(voicemail -> assertThat(voicemail.wasAnswered()).isTrue())
                .extracting(ChannelRecord::hangupCause).isEqualTo("NO_ANSWER");
        // the route hangs up who took the call
        String answered = exchange.getMessage().getHeader(FreeSwitchConstants.ANSWERED_UUID, String.class);
        assertThat(simulator.ledger().awaitHangup(answered, "NORMAL_CLEARING", Duration.ofSeconds(10)).destination())
                .isEqualTo(CONFIRMER);
    }
}
