package io.camelfreeswitch.esl;

import java.util.concurrent.CompletionStage;

/**
 * What to do with one call that FreeSWITCH hands to our outbound socket. Called on a worker thread, never on a
 * Netty event loop, once the {@code connect} reply (CHANNEL_DATA) has arrived. The session is closed
 * ({@code exit}) when the returned stage completes, normally or not; return
 * {@link OutboundSession#ended()}-based stages to keep it for the whole call.
 */
@FunctionalInterface
public interface OutboundSessionHandler {
    CompletionStage<?> onSession(OutboundSession session) throws Exception;
}
