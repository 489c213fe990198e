package io.camelfreeswitch.camel;

import io.camelfreeswitch.esl.ConnectionLostException;
import io.camelfreeswitch.esl.EslEvent;
import io.camelfreeswitch.esl.internal.WireEslEvent;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import static io.camelfreeswitch.testing.TestWaits.WELL_WITHIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** freeswitch:events delivers one exchange per event, a channel's events in order, and survives a restart. */
class EventsConsumerTest extends FreeSwitchTestSupport {

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("freeswitch:events?events=CHANNEL_CREATE,CHANNEL_ANSWER,CHANNEL_HANGUP_COMPLETE"
                        + "&concurrentConsumers=4").routeId("events")
                        .to("mock:events");
                from("freeswitch:events?events=ALL&filter.Event-Name=CHANNEL_ANSWER").routeId("filtered")
                        .to("mock:filtered");
                from("freeswitch:events?events=CHANNEL_ANSWER&format=JSON").routeId("json")
                        .to("mock:json");
                from("freeswitch:events?events=CUSTOM camel::test").routeId("custom")
                        .to("mock:custom");
                from("direct:originate").to("freeswitch:originate");
                from("direct:fire").to("freeswitch:sendEvent?eventName=CUSTOM");
            }
        };
    }

    private String originateAndHangUp() {
        String uuid = template.requestBodyAndHeader("direct:originate", null, FreeSwitchConstants.DESTINATION,
                "sim/answer", String.class);
        hangUp(uuid);
        return uuid;
    }

    private static List<String> eventNamesOf(MockEndpoint mock, String uuid) {
        return new ArrayList<>(mock.getExchanges()).stream()
                .filter(e -> uuid.equals(e.getMessage().getHeader(FreeSwitchConstants.UUID)))
                .map(e -> e.getMessage().getHeader(FreeSwitchConstants.EVENT_NAME, String.class))
                .collect(Collectors.toList());
    }

    @Test
    void aChannelsEventsArriveInOrderWithTheirHeaders() {
        MockEndpoint events = getMockEndpoint("mock:events");
        String uuid = originateAndHangUp();

        await().atMost(WELL_WITHIN).until(() -> eventNamesOf(events, uuid).size() == 3);
        assertThat(eventNamesOf(events, uuid))
                .containsExactly("CHANNEL_CREATE", "CHANNEL_ANSWER", "CHANNEL_HANGUP_COMPLETE");
        Exchange hangup = events.getExchanges().stream()
                .filter(e -> uuid.equals(e.getMessage().getHeader(FreeSwitchConstants.UUID)))
                .reduce((first, second) -> second).orElseThrow();
        assertThat(hangup.getMessage().getBody()).isInstanceOf(EslEvent.class);
        assertThat(hangup.getMessage().getHeader("Unique-ID")).isEqualTo(uuid);
        assertThat(hangup.getMessage().getHeader(FreeSwitchConstants.HANGUP_CAUSE)).isEqualTo("NORMAL_CLEARING");
    }

    @Test
    void manyChannelsAreRoutedConcurrentlyEachInOrder() {
        MockEndpoint events = getMockEndpoint("mock:events");
        List<String> uuids = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            uuids.add(originateAndHangUp());
        }
        for (String uuid : uuids) {
            await().atMost(WELL_WITHIN).until(() -> eventNamesOf(events, uuid).size() == 3);
            assertThat(eventNamesOf(events, uuid))
                    .containsExactly("CHANNEL_CREATE", "CHANNEL_ANSWER", "CHANNEL_HANGUP_COMPLETE");
        }
    }

    @Test
    void filtersApplyToTheirOwnConnectionOnly() {
        MockEndpoint filtered = getMockEndpoint("mock:filtered");
        MockEndpoint events = getMockEndpoint("mock:events");
        String uuid = originateAndHangUp();

        await().atMost(WELL_WITHIN).until(() -> eventNamesOf(events, uuid).size() == 3);
        await().atMost(WELL_WITHIN).until(() -> eventNamesOf(filtered, uuid).contains("CHANNEL_ANSWER"));
        assertThat(filtered.getExchanges()).allSatisfy(e -> assertThat(
                e.getMessage().getHeader(FreeSwitchConstants.EVENT_NAME)).isEqualTo("CHANNEL_ANSWER"));
    }

    @Test
    void jsonEventsArriveDecodedOverAConnectionOfTheirOwn() {
        MockEndpoint json = getMockEndpoint("mock:json");
        String uuid = originateAndHangUp();

        await().atMost(WELL_WITHIN).until(() -> eventNamesOf(json, uuid).contains("CHANNEL_ANSWER"));
        EslEvent answer = json.getExchanges().stream()
                .filter(e -> uuid.equals(e.getMessage().getHeader(FreeSwitchConstants.UUID)))
                .findFirst().orElseThrow().getMessage().getBody(EslEvent.class);
        assertThat(answer.format()).isEqualTo(io.camelfreeswitch.esl.EventFormat.JSON);
        assertThat(answer.answerState()).isEqualTo("answered");
    }

    @Test
    void anEventHeldInAnExchangeStaysReadableAfterItsRouteAndDispatchEnded() throws Exception {
        MockEndpoint events = getMockEndpoint("mock:events");
        MockEndpoint json = getMockEndpoint("mock:json");
        String uuid = originateAndHangUp();
        await().atMost(WELL_WITHIN).until(() -> eventNamesOf(events, uuid).size() == 3
                && eventNamesOf(json, uuid).contains("CHANNEL_ANSWER"));
        // later calls go through the same dispatch lanes: the events above are long released or kept
        String later = originateAndHangUp();
        await().atMost(WELL_WITHIN).until(() -> eventNamesOf(events, later).size() == 3);

        for (MockEndpoint mock : List.of(events, json)) {
            EslEvent held = mock.getExchanges().stream()
                    .filter(e -> uuid.equals(e.getMessage().getHeader(FreeSwitchConstants.UUID)))
                    .findFirst().orElseThrow().getMessage().getBody(EslEvent.class);
            assertThat(((WireEslEvent) held).isBorrowed()).isFalse();
            assertThat(java.util.concurrent.CompletableFuture.supplyAsync(held::headers)
                    .get(WELL_WITHIN.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS))
                    .containsEntry("Unique-ID", uuid).containsKey("Event-Name");
        }
    }

    @Test
    void anEventWeFireComesBackToASubscribedRoute() throws Exception {
        MockEndpoint custom = getMockEndpoint("mock:custom");
        custom.expectedMessageCount(1);
        custom.expectedHeaderReceived(FreeSwitchConstants.EVENT_SUBCLASS, "camel::test");
        custom.expectedHeaderReceived("Camel-Greeting", "hello");

        template.sendBodyAndHeader("direct:fire", null, FreeSwitchConstants.EVENT_HEADERS,
                java.util.Map.of("Event-Subclass", "camel::test", "Camel-Greeting", "hello"));

        custom.assertIsSatisfied(WELL_WITHIN.toMillis());
    }

    @Test
    void eventsKeepComingAfterFreeSwitchRestarts() {
        MockEndpoint events = getMockEndpoint("mock:events");
        String before = originateAndHangUp();
        await().atMost(WELL_WITHIN).until(() -> eventNamesOf(events, before).size() == 3);

        sim().stop();
        sim().start();

        // the consumer's subscription is restored by the client once it is connected again. The producer waits for that
        // reconnect, but an originate sent before the client noticed the restart went to the closed socket and failed
        // with ConnectionLostException ("not sent"): sent again, as a route's redelivery would
        await().atMost(WELL_WITHIN)
                .ignoreExceptionsMatching(e -> e instanceof CamelExecutionException
                        && e.getCause() instanceof ConnectionLostException)
                .untilAsserted(() -> {
                    String after = originateAndHangUp();
                    await().atMost(WELL_WITHIN).until(() -> eventNamesOf(events, after).size() == 3);
                });
    }

    @Test
    void aStartedRouteHearsACallPlacedRightAfterItsStart() throws Exception {
        // FreeSWITCH acknowledges the new route's subscription late; the call placed right after goes through at once
        sim().faults().delayReplies(Duration.ofMillis(800));
        try {
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("freeswitch:events?events=CHANNEL_ANSWER&format=JSON&filter.Event-Name=CHANNEL_ANSWER")
                            .routeId("late").to("mock:late");
                }
            });
        } finally {
            sim().faults().clear();
        }
        MockEndpoint late = getMockEndpoint("mock:late");
        String uuid = originateAndHangUp();

        await().atMost(WELL_WITHIN).until(() -> eventNamesOf(late, uuid).contains("CHANNEL_ANSWER"));
        context.getRouteController().stopRoute("late");
        context.removeRoute("late");
    }
}
