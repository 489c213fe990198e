package io.camelfreeswitch.camel;

import io.camelfreeswitch.esl.EslConnection;
import org.apache.camel.Exchange;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** Fires an event into FreeSWITCH: name from the header or option, headers from a map header, body from the body. */
final class SendEventProducer extends FreeSwitchProducer {

    SendEventProducer(FreeSwitchEndpoint endpoint) {
        super(endpoint);
    }

    @Override
    protected CompletableFuture<?> invoke(Exchange exchange, EslConnection connection, OutboundCall call) {
        String name = required(headerOr(exchange, FreeSwitchConstants.EVENT_NAME, configuration.getEventName()),
                "freeswitch:sendEvent needs an event name: set the 'eventName' option or the "
                        + FreeSwitchConstants.EVENT_NAME + " header");
        Map<String, String> headers = new LinkedHashMap<>();
        Map<?, ?> given = exchange.getMessage().getHeader(FreeSwitchConstants.EVENT_HEADERS, Map.class);
        if (given != null) {
            given.forEach((key, value) -> headers.put(String.valueOf(key), String.valueOf(value)));
        }
        String body = exchange.getMessage().getBody(String.class);
        return connection.sendEvent(name, headers, body == null || body.isEmpty() ? null : body);
    }
}
