package io.camelfreeswitch.camel;

import java.util.function.Consumer;

/** Binds the ESL outbound server and hands each call's socket to the consumer. */
final class OutboundServerAdapter {

    private OutboundServerAdapter() {
    }

    /** A listening server; {@link #port()} is the bound port (useful with bindPort=0). */
    interface Listening extends AutoCloseable {
        int port();

        @Override
        void close();
    }

    static Listening start(String bindAddress, int port, Consumer<OutboundSocket> onCall) throws Exception {
        // io.camelfreeswitch.esl.EslOutboundServer lands with the esl branch
        throw new UnsupportedOperationException("EslOutboundServer is not available yet");
    }
}
