package io.camelfreeswitch.camel;

import io.camelfreeswitch.esl.CommandRejectedException;
import io.camelfreeswitch.esl.EslConnection;
import io.camelfreeswitch.esl.internal.EslCommands;
import io.camelfreeswitch.esl.internal.EslReplies;
import io.camelfreeswitch.esl.internal.Failures;
import org.apache.camel.Exchange;

import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * {@code api} and {@code bgapi}: the command comes from the header, the option or the body; FreeSWITCH's reply
 * becomes the body. A {@code -ERR} reply fails the exchange with FreeSWITCH's text unless failOnErrorReply=false.
 */
final class ApiProducer extends FreeSwitchProducer {

    private final boolean background;

    ApiProducer(FreeSwitchEndpoint endpoint, boolean background) {
        super(endpoint);
        this.background = background;
    }

    @Override
    protected CompletableFuture<?> invoke(Exchange exchange, EslConnection connection, OutboundCall call) {
        String command = command(exchange);
        if (background) {
            String jobUuid = UUID.randomUUID().toString();
            exchange.getMessage().setHeader(FreeSwitchConstants.JOB_UUID, jobUuid);
            return connection.bgapi(command, jobUuid).exceptionallyCompose(failure -> {
                Throwable cause = Failures.unwrap(failure);
                if (cause instanceof CommandRejectedException rejected && !configuration.isFailOnErrorReply()) {
                    exchange.getMessage().setHeader(FreeSwitchConstants.ERROR_REPLY, Boolean.TRUE);
                    return CompletableFuture.completedFuture(rejected.replyText());
                }
                return CompletableFuture.failedFuture(cause);
            });
        }
        return connection.api(command).thenApply(reply -> {
            CommandRejectedException rejected = EslReplies.rejection(EslCommands.apiDescription(command), reply);
            if (rejected != null) {
                if (configuration.isFailOnErrorReply()) {
                    throw rejected;
                }
                exchange.getMessage().setHeader(FreeSwitchConstants.ERROR_REPLY, Boolean.TRUE);
            }
            return reply;
        });
    }

    private String command(Exchange exchange) {
        String command = headerOr(exchange, FreeSwitchConstants.COMMAND, configuration.getCommand());
        if (command == null) {
            command = exchange.getMessage().getBody(String.class);
        }
        return required(command == null ? null : command.strip(), "freeswitch:" + endpoint.getOperation()
                + " needs a command: set the 'command' option, the " + FreeSwitchConstants.COMMAND
                + " header, or a message body");
    }
}
