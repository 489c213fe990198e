package io.camelfreeswitch.it;

import io.camelfreeswitch.esl.EslEvent;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.awaitility.Awaitility.await;

/**
 * The channel events FreeSWITCH sent to a freeswitch:events route, kept so that a test can say what FreeSWITCH
 * itself reported (the Hangup-Cause of its CHANNEL_HANGUP_COMPLETE), not only what the component concluded.
 */
final class ChannelEvents implements Processor {

    private final List<EslEvent> events = new CopyOnWriteArrayList<>();

    @Override
    public void process(Exchange exchange) {
        events.add(exchange.getMessage().getBody(EslEvent.class));
    }

    void clear() {
        events.clear();
    }

    Optional<EslEvent> find(String eventName, String uuid) {
        return events.stream().filter(e -> eventName.equals(e.eventName()) && uuid.equals(e.uniqueId())).findFirst();
    }

    EslEvent awaitEvent(String eventName, String uuid, Duration within) {
        return await().atMost(within).pollInterval(Duration.ofMillis(20))
                .until(() -> find(eventName, uuid), Optional::isPresent).orElseThrow();
    }

    /** The Hangup-Cause FreeSWITCH put in the channel's CHANNEL_HANGUP_COMPLETE. */
    String awaitHangupCause(String uuid, Duration within) {
        return awaitEvent("CHANNEL_HANGUP_COMPLETE", uuid, within).header("Hangup-Cause");
    }

    /** Unique-IDs of the channels created so far whose Channel-Name is {@code channelName}, in creation order. */
    List<String> created(String channelName) {
        return events.stream().filter(e -> "CHANNEL_CREATE".equals(e.eventName())
                && channelName.equals(e.header("Channel-Name"))).map(EslEvent::uniqueId).toList();
    }
}
