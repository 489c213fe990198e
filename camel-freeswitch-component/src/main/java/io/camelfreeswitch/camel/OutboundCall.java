package io.camelfreeswitch.camel;

import io.camelfreeswitch.call.Channel;
import io.camelfreeswitch.esl.EslConnection;
import io.camelfreeswitch.esl.EslEvent;
import org.apache.camel.Exchange;

/**
 * The call behind an exchange started by {@code freeswitch:outbound}: its socket, its channel and the channel data
 * FreeSWITCH sent when it connected. Kept as the exchange property {@link #EXCHANGE_PROPERTY}, so that the
 * {@code freeswitch:} producers of the route act on this call and over its socket by default.
 */
public final class OutboundCall {

    public static final String EXCHANGE_PROPERTY = "CamelFreeSwitchOutboundCall";

    private final EslConnection session;
    private final Channel caller;
    private final EslEvent channelData;

    OutboundCall(EslConnection session, Channel caller, EslEvent channelData) {
        this.session = session;
        this.caller = caller;
        this.channelData = channelData;
    }

    /** The outbound call of the exchange, or null when the exchange was not started by freeswitch:outbound. */
    public static OutboundCall of(Exchange exchange) {
        return exchange.getProperty(EXCHANGE_PROPERTY, OutboundCall.class);
    }

    /** The socket FreeSWITCH opened for this call; commands on it act over the call's own connection. */
    public EslConnection session() {
        return session;
    }

    /** The caller's channel; {@link Channel#hungUp()} completes when the caller leaves. */
    public Channel caller() {
        return caller;
    }

    public String uuid() {
        return caller.uuid();
    }

    /** The CHANNEL_DATA FreeSWITCH sent when it connected: every channel variable of the call. */
    public EslEvent channelData() {
        return channelData;
    }

    public boolean isCallerHungUp() {
        return caller.isHungUp();
    }

    /** Copies what is known of the caller's hang-up into the message headers. */
    void publishCallerState(org.apache.camel.Message message) {
        if (caller.isHungUp()) {
            message.setHeader(FreeSwitchConstants.CALLER_HUNG_UP, Boolean.TRUE);
            message.setHeader(FreeSwitchConstants.HANGUP_CAUSE, caller.hungUp().getNow(null));
        }
    }
}
