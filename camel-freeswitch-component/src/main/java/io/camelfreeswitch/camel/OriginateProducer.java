package io.camelfreeswitch.camel;

import io.camelfreeswitch.call.DialString;
import io.camelfreeswitch.esl.EslConnection;
import io.camelfreeswitch.esl.internal.EslCommands;
import org.apache.camel.Exchange;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * Creates one channel with {@code bgapi originate}: we choose its {@code origination_uuid}, so the new channel's
 * Unique-ID is known (header CamelFreeSwitchUuid and body) before FreeSWITCH answers. The channel parks unless an
 * application is given.
 */
final class OriginateProducer extends FreeSwitchProducer {

    OriginateProducer(FreeSwitchEndpoint endpoint) {
        super(endpoint);
    }

    @Override
    protected CompletableFuture<?> invoke(Exchange exchange, EslConnection connection, OutboundCall call) {
        String destination = required(headerOr(exchange, FreeSwitchConstants.DESTINATION,
                configuration.getDestination()), "freeswitch:originate needs a destination: set the 'destination'"
                        + " option or the " + FreeSwitchConstants.DESTINATION + " header");
        String uuid = UUID.randomUUID().toString();
        Map<String, String> variables = ChannelVariables.merged(configuration, exchange);
        variables.put("origination_uuid", uuid);
        String arguments = DialString.originate(destination, variables, application(exchange));
        exchange.getMessage().setHeader(FreeSwitchConstants.UUID, uuid);
        return EslCommands.originate(arguments).bgapi(connection).thenApply(reply -> uuid);
    }

    private String application(Exchange exchange) {
        String application = headerOr(exchange, FreeSwitchConstants.APPLICATION, configuration.getApplication());
        if (application == null || application.isBlank()) {
            return "&park()";
        }
        if (!application.matches("[A-Za-z0-9_]+")) {
            throw new IllegalArgumentException("freeswitch:originate: '" + application
                    + "' is not a dialplan application name");
        }
        String argument = headerOr(exchange, FreeSwitchConstants.APPLICATION_ARGUMENT,
                configuration.getApplicationArgument());
        if (argument != null) {
            DialString.validateVariables(Map.of("applicationArgument", argument));
        }
        return "&" + application + "(" + (argument == null ? "" : argument) + ")";
    }
}
