package io.camelfreeswitch.camel;

import io.camelfreeswitch.esl.EslConnection;
import io.camelfreeswitch.esl.EslEvent;

import java.util.concurrent.CompletableFuture;

/** What the outbound consumer needs of the socket FreeSWITCH opened for one call. */
interface OutboundSocket {

    /** Commands over the call's own socket. */
    EslConnection connection();

    /** The CHANNEL_DATA of the call. */
    EslEvent channelData();

    /** Closes the socket (FreeSWITCH then goes on with its dialplan, or ends a call nobody bridged). */
    CompletableFuture<Void> close();
}
