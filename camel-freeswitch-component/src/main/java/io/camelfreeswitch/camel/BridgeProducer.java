package io.camelfreeswitch.camel;

import io.camelfreeswitch.esl.EslConnection;
import io.camelfreeswitch.esl.internal.EslCommands;
import org.apache.camel.Exchange;

import java.util.concurrent.CompletableFuture;

/**
 * Joins two channels with {@code uuid_bridge}. By default, after a ringGroup, it bridges the caller (the
 * CamelFreeSwitchUuid header or the outbound route's call) with the leg that answered.
 */
final class BridgeProducer extends FreeSwitchProducer {

    BridgeProducer(FreeSwitchEndpoint endpoint) {
        super(endpoint);
    }

    @Override
    protected CompletableFuture<?> invoke(Exchange exchange, EslConnection connection, OutboundCall call) {
        String uuid = ChannelTarget.uuid(exchange, call, "bridge");
        String other = exchange.getMessage().getHeader(FreeSwitchConstants.OTHER_UUID, String.class);
        String header = FreeSwitchConstants.OTHER_UUID;
        if (other == null) {
            other = exchange.getMessage().getHeader(FreeSwitchConstants.ANSWERED_UUID, String.class);
            header = FreeSwitchConstants.OTHER_UUID + " (or " + FreeSwitchConstants.ANSWERED_UUID
                    + " from a ringGroup)";
        }
        ChannelTarget.checked(other, "bridge", header);
        return EslCommands.uuidBridge(uuid, other).bgapi(connection);
    }
}
