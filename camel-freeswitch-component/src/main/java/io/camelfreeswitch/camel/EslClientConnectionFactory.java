package io.camelfreeswitch.camel;

import io.camelfreeswitch.esl.EslClient;
import io.camelfreeswitch.esl.EslClientOptions;
import io.camelfreeswitch.esl.EslConnection;

/** Opens connections with the library's own inbound client, which reconnects by itself. */
final class EslClientConnectionFactory implements EslConnectionFactory {

    @Override
    public EslConnection open(ConnectionSettings settings) {
        EslClientOptions.Builder options = EslClientOptions.builder()
                .host(settings.host())
                .port(settings.port())
                .password(settings.password())
                .connectTimeout(settings.connectTimeout())
                .requestTimeout(settings.requestTimeout())
                .reconnectInitialDelay(settings.reconnectInitialDelay())
                .reconnectMaxDelay(settings.reconnectMaxDelay())
                .eventFormat(settings.format());
        if (settings.username() != null && !settings.username().isBlank()) {
            options.user(settings.username());
        }
        EslClient client = EslClient.create(options.build());
        // failures of the first attempt reach the endpoints through the state listener; it keeps retrying
        client.start().exceptionally(failure -> null);
        return client;
    }
}
