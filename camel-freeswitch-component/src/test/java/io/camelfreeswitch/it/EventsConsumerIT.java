package io.camelfreeswitch.it;

import io.camelfreeswitch.camel.FreeSwitchConstants;
import io.camelfreeswitch.esl.EslEvent;
import io.camelfreeswitch.esl.EventFormat;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * freeswitch:events in each format: a channel originated with a variable of ours shows up as CHANNEL_ANSWER and
 * CHANNEL_HANGUP_COMPLETE exchanges whose headers carry FreeSWITCH's values, URL-decoded.
 */
class EventsConsumerIT extends FreeSwitchItSupport {

    private static final List<Exchange> RECEIVED = new CopyOnWriteArrayList<>();

    @ParameterizedTest
    @EnumSource(value = EventFormat.class, names = { "PLAIN", "JSON" })
    void events_arrive_with_freeswitch_headers(EventFormat format) throws Exception {
        stopCamel(); // the previous format's
        RECEIVED.clear();
        startCamel(format, new RouteBuilder() {
            @Override
            public void configure() {
                from("freeswitch:events?events=CHANNEL_ANSWER,CHANNEL_HANGUP_COMPLETE&format=" + format)
                        .routeId("events-under-test").process(RECEIVED::add);
                from("direct:originate").to("freeswitch:originate");
                from("direct:hangup").to("freeswitch:hangup?hangupCause=CALL_REJECTED");
            }
        }, Map.of());
        awaitEventsFlowing(probe -> RECEIVED.stream().anyMatch(e -> probe.equals(
                e.getMessage().getHeader(FreeSwitchConstants.UUID))));
        String uuid = template.request("direct:originate", e -> {
            e.getMessage().setHeader(FreeSwitchConstants.DESTINATION, phone("answer"));
            e.getMessage().setHeader(FreeSwitchConstants.VARIABLES, Map.of("camel_it_note", "café & co, 100%"));
        }).getMessage().getHeader(FreeSwitchConstants.UUID, String.class);

        Exchange answer = awaitEvent("CHANNEL_ANSWER", uuid);
        assertThat(answer.getMessage().getBody(EslEvent.class).header("variable_camel_it_note"))
                .isEqualTo("café & co, 100%");
        checked("%s: CHANNEL_ANSWER of %s with our variable decoded: %s", format, uuid,
                answer.getMessage().getBody(EslEvent.class).header("variable_camel_it_note"));

        template.sendBodyAndHeader("direct:hangup", null, FreeSwitchConstants.UUID, uuid);
        Exchange hangup = awaitEvent("CHANNEL_HANGUP_COMPLETE", uuid);
        assertThat(hangup.getMessage().getHeader(FreeSwitchConstants.HANGUP_CAUSE)).isEqualTo("CALL_REJECTED");
        assertThat(hangup.getMessage().getHeader("Channel-Name")).isEqualTo("loopback/answer-a");
        checked("%s: CHANNEL_HANGUP_COMPLETE with Hangup-Cause %s and headers %s", format,
                hangup.getMessage().getHeader(FreeSwitchConstants.HANGUP_CAUSE),
                List.of(FreeSwitchConstants.EVENT_NAME, FreeSwitchConstants.UUID, FreeSwitchConstants.HANGUP_CAUSE));
    }

    private static Exchange awaitEvent(String name, String uuid) {
        return await().atMost(WITHIN).pollInterval(Duration.ofMillis(20)).until(() -> RECEIVED.stream()
                .filter(e -> name.equals(e.getMessage().getHeader(FreeSwitchConstants.EVENT_NAME))
                        && uuid.equals(e.getMessage().getHeader(FreeSwitchConstants.UUID))).findFirst(),
                Optional::isPresent).orElseThrow();
    }
}
