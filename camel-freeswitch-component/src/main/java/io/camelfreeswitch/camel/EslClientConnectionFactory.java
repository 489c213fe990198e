package io.camelfreeswitch.camel;

import io.camelfreeswitch.esl.EslConnection;

/** Opens connections with the library's own inbound client. */
final class EslClientConnectionFactory implements EslConnectionFactory {

    @Override
    public EslConnection open(ConnectionSettings settings) {
        // replaced by io.camelfreeswitch.esl.EslClient once the esl branch is merged
        throw new UnsupportedOperationException("EslClient is not available yet");
    }
}
