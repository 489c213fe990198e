package io.camelfreeswitch.camel;

import io.camelfreeswitch.esl.EslConnection;
import org.apache.camel.Exchange;

import java.util.concurrent.CompletableFuture;

/** Hangs up the channel of the CamelFreeSwitchUuid header (or the outbound route's call) with the configured cause. */
final class HangupProducer extends FreeSwitchProducer {

    HangupProducer(FreeSwitchEndpoint endpoint) {
        super(endpoint);
    }

    @Override
    protected CompletableFuture<?> invoke(Exchange exchange, EslConnection connection, OutboundCall call) {
        String uuid = ChannelTarget.uuid(exchange, call, "hangup");
        String cause = headerOr(exchange, FreeSwitchConstants.HANGUP_CAUSE, configuration.getHangupCause());
        if (cause == null || !cause.matches("[A-Z0-9_]+")) {
            throw new IllegalArgumentException("freeswitch:hangup: '" + cause + "' is not a hang-up cause"
                    + " (NORMAL_CLEARING, CALL_REJECTED, ...)");
        }
        exchange.getMessage().setHeader(FreeSwitchConstants.HANGUP_CAUSE, cause);
        return connection.hangup(uuid, cause);
    }
}
