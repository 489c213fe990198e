package io.camelfreeswitch.camel;

import io.camelfreeswitch.call.LegOutcome;
import io.camelfreeswitch.call.LegResult;
import io.camelfreeswitch.call.RingGroupOutcome;
import io.camelfreeswitch.call.RingGroupResult;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.camelfreeswitch.testing.TestWaits.WELL_WITHIN;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ring strategies beyond PARALLEL, SEQUENTIAL and BALANCING as route authors write them: tiers with {@code |},
 * a destination's own delay and timeout after {@code ;}, in the Java DSL, the YAML DSL and the headers.
 */
class RingStrategyRoutesTest extends FreeSwitchTestSupport {

    private static final String YAML = """
            - route:
                from:
                  uri: direct:yamlTiers
                  steps:
                    - to:
                        uri: freeswitch:ringGroup
                        parameters:
                          destinations: "sim/no-answer,sim/busy|sim/answer-after-100"
                          mode: TIERED
                          timeout: 1s
            - route:
                from:
                  uri: direct:yamlEnterprise
                  steps:
                    - to:
                        uri: freeswitch:ringGroup
                        parameters:
                          destinations: "sim/no-answer;timeout=300ms,sim/answer-after-100;delay=500ms"
                          mode: ENTERPRISE
                          timeout: 5s
            """;

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:tiers").to("freeswitch:ringGroup?destinations=sim/no-answer,sim/busy|sim/answer-after-100"
                        + "&mode=TIERED&timeout=1s");
                from("direct:enterprise").to("freeswitch:ringGroup?mode=ENTERPRISE&timeout=5s"
                        + "&destinations=sim/no-answer;timeout=300ms,sim/answer-after-100;delay=500ms");
                from("direct:mode").toD("freeswitch:ringGroup?mode=${header.testMode}&timeout=1s&balancer=#agents"
                        + "&callerIdNamePrefix=Sales-&variable.origination_caller_id_name=Ann");
            }
        };
    }

    private static RingGroupResult resultOf(Exchange exchange) {
        assertThat(exchange.getException()).isNull();
        return exchange.getMessage().getBody(RingGroupResult.class);
    }

    private void tiersRang(RingGroupResult result) {
        assertThat(result.winner().destination()).isEqualTo("sim/answer-after-100");
        assertThat(result.legs()).extracting(LegResult::destination)
                .containsExactly("sim/no-answer", "sim/busy", "sim/answer-after-100");
        LegResult firstTier = result.leg("sim/no-answer").orElseThrow();
        assertThat(firstTier.outcome()).isEqualTo(LegOutcome.NO_ANSWER);
        ledger().awaitHangup(firstTier.uuid(), "NO_ANSWER", WELL_WITHIN);
        hangUp(result.winner().uuid());
    }

    private void enterpriseRang(RingGroupResult result) {
        assertThat(result.winner().destination()).isEqualTo("sim/answer-after-100");
        LegResult timedOut = result.leg("sim/no-answer").orElseThrow();
        LegResult delayed = result.leg("sim/answer-after-100").orElseThrow();
        assertThat(timedOut.outcome()).isEqualTo(LegOutcome.NO_ANSWER);
        assertThat(Duration.between(timedOut.ringStarted(), timedOut.endedAt())).isLessThan(Duration.ofSeconds(3));
        assertThat(Duration.between(timedOut.ringStarted(), delayed.ringStarted()))
                .isGreaterThanOrEqualTo(Duration.ofMillis(400));
        ledger().awaitHangup(timedOut.uuid(), "NO_ANSWER", WELL_WITHIN);
        hangUp(result.winner().uuid());
    }

    @Test
    void tiersSeparatedByAPipeInTheJavaDsl() {
        tiersRang(resultOf(template.request("direct:tiers", e -> { })));
    }

    @Test
    void tiersSeparatedByAPipeInTheYamlDsl() throws Exception {
        PluginHelper.getRoutesLoader(context).loadRoutes(ResourceHelper.fromString("tiers.yaml", YAML));

        tiersRang(resultOf(template.request("direct:yamlTiers", e -> { })));
    }

    @Test
    void tiersInTheHeaderAsAStringOrAsListsOfLists() {
        for (Object tiers : List.of("sim/no-answer,sim/busy|sim/answer-after-100",
                List.of(List.of("sim/no-answer", "sim/busy"), List.of("sim/answer-after-100")))) {
            tiersRang(resultOf(template.request("direct:mode", e -> {
                e.getMessage().setHeader("testMode", "TIERED");
                e.getMessage().setHeader(FreeSwitchConstants.DESTINATIONS, tiers);
            })));
            ledger().awaitNoLiveChannels(WELL_WITHIN);
        }
    }

    @Test
    void tiersInAnyOtherModeFailTheExchangeNamingTIERED() {
        Exchange exchange = template.request("direct:mode", e -> {
            e.getMessage().setHeader("testMode", "PARALLEL");
            e.getMessage().setHeader(FreeSwitchConstants.DESTINATIONS, "sim/busy|sim/answer");
        });

        assertThat(exchange.getException()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("TIERED");
        assertThat(ledger().channelsTo("sim/answer")).isEmpty();
    }

    @Test
    void aDestinationsOwnDelayAndTimeoutInTheJavaDsl() {
        enterpriseRang(resultOf(template.request("direct:enterprise", e -> { })));
    }

    @Test
    void aDestinationsOwnDelayAndTimeoutInTheYamlDsl() throws Exception {
        PluginHelper.getRoutesLoader(context).loadRoutes(ResourceHelper.fromString("enterprise.yaml", YAML));

        enterpriseRang(resultOf(template.request("direct:yamlEnterprise", e -> { })));
    }

    @Test
    void aDestinationsOwnDelayAndTimeoutInTheHeaderAsMaps() {
        enterpriseRang(resultOf(template.request("direct:mode", e -> {
            e.getMessage().setHeader("testMode", "ENTERPRISE");
            e.getMessage().setHeader(FreeSwitchConstants.DESTINATIONS, List.of(
                    Map.of("destination", "sim/no-answer", "timeout", "300ms"),
                    Map.of("destination", "sim/answer-after-100", "delay", Duration.ofMillis(500))));
        })));
    }

    @Test
    void aMalformedTimingFailsTheExchangeNamingTheEntry() {
        for (Object destinations : List.of("sim/answer;delay=soon", List.of(Map.of("destination", "sim/answer",
                "timeout", "-5s")), List.of(Map.of("destination", "sim/answer", "dealy", "5s")))) {
            Exchange exchange = template.request("direct:mode", e -> {
                e.getMessage().setHeader("testMode", "ENTERPRISE");
                e.getMessage().setHeader(FreeSwitchConstants.DESTINATIONS, destinations);
            });

            assertThat(exchange.getException()).as("%s", destinations).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("sim/answer");
        }
        assertThat(ledger().channelsTo("sim/answer")).isEmpty();
    }

    @Test
    void randomRoundRobinAndMemoryHuntRingWithTheCallerIdPrefix() throws Exception {
        for (String mode : List.of("RANDOM", "ROUND_ROBIN", "MEMORY_HUNT")) {
            RingGroupResult result = resultOf(template.request("direct:mode", e -> {
                e.getMessage().setHeader("testMode", mode);
                e.getMessage().setHeader(FreeSwitchConstants.DESTINATIONS, "sim/busy,sim/answer-after-50");
            }));

            assertThat(result.outcome()).as(mode).isEqualTo(RingGroupOutcome.ANSWERED);
            assertThat(result.winner().destination()).as(mode).isEqualTo("sim/answer-after-50");
            assertThat(template.requestBody("freeswitch:api?command=uuid_getvar " + result.winner().uuid()
                    + " origination_caller_id_name", null, String.class)).isEqualTo("Sales-Ann");
            hangUp(result.winner().uuid());
            ledger().awaitNoLiveChannels(WELL_WITHIN);
        }
        assertThat(agents.lastAnswered("sim/busy,sim/answer-after-50").join()).contains("sim/answer-after-50");
    }
}
