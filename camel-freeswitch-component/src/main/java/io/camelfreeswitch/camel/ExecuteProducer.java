package io.camelfreeswitch.camel;

import io.camelfreeswitch.esl.EslConnection;
import org.apache.camel.Exchange;

import java.util.concurrent.CompletableFuture;

/**
 * Runs a dialplan application on a channel (or, for {@code answer}, the answer application) and completes at its
 * CHANNEL_EXECUTE_COMPLETE, which becomes the body.
 */
final class ExecuteProducer extends FreeSwitchProducer {

    private final boolean answer;

    ExecuteProducer(FreeSwitchEndpoint endpoint, boolean answer) {
        super(endpoint);
        this.answer = answer;
    }

    @Override
    protected CompletableFuture<?> invoke(Exchange exchange, EslConnection connection, OutboundCall call) {
        String operation = answer ? "answer" : "execute";
        String uuid = ChannelTarget.uuid(exchange, call, operation);
        if (answer) {
            return connection.execute(uuid, "answer", null);
        }
        String application = required(headerOr(exchange, FreeSwitchConstants.APPLICATION,
                configuration.getApplication()), "freeswitch:execute needs an application: set the 'application'"
                        + " option or the " + FreeSwitchConstants.APPLICATION + " header");
        if (!application.matches("[A-Za-z0-9_]+")) {
            throw new IllegalArgumentException("freeswitch:execute: '" + application
                    + "' is not a dialplan application name");
        }
        String argument = headerOr(exchange, FreeSwitchConstants.APPLICATION_ARGUMENT,
                configuration.getApplicationArgument());
        return connection.execute(uuid, application, argument);
    }
}
