package io.camelfreeswitch.camel;

import io.camelfreeswitch.call.Channel;
import io.camelfreeswitch.esl.EslEvent;
import io.camelfreeswitch.esl.OutboundSession;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * The call behind an exchange started by {@code freeswitch:outbound}: its socket, its channel and the channel data
 * FreeSWITCH sent when it connected. Kept as the exchange property {@link #EXCHANGE_PROPERTY}, so that the
 * {@code freeswitch:} producers of the route act on this call and over its socket by default.
 */
public final class OutboundCall {

    public static final String EXCHANGE_PROPERTY = "CamelFreeSwitchOutboundCall";

    private final OutboundSession session;
    private final Channel caller;

    OutboundCall(OutboundSession session, Channel caller) {
        this.session = session;
        this.caller = caller;
    }

    /** The outbound call of the exchange, or null when the exchange was not started by freeswitch:outbound. */
    public static OutboundCall of(Exchange exchange) {
        return exchange.getProperty(EXCHANGE_PROPERTY, OutboundCall.class);
    }

    /** The socket FreeSWITCH opened for this call; commands on it act over the call's own connection. */
    public OutboundSession session() {
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
        return session.channelData();
    }

    /** True once the caller's channel is over (its hang-up events, a disconnect notice, or the socket closing). */
    public boolean isCallerHungUp() {
        return caller.isHungUp() || session.ended().isDone();
    }

    /** The caller's hang-up cause, or null while the call is up (or when FreeSWITCH did not say). */
    public String callerHangupCause() {
        String cause = caller.hungUp().getNow(null);
        return cause != null ? cause : session.ended().getNow(null);
    }

    /** Copies what is known of the caller's hang-up into the message headers. */
    void publishCallerState(Message message) {
        if (isCallerHungUp()) {
            message.setHeader(FreeSwitchConstants.CALLER_HUNG_UP, Boolean.TRUE);
            String cause = callerHangupCause();
            if (cause != null) {
                message.setHeader(FreeSwitchConstants.HANGUP_CAUSE, cause);
            }
        }
    }
}
