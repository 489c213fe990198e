package io.camelfreeswitch.camel;

import io.camelfreeswitch.esl.EventFormat;

import java.time.Duration;

/**
 * Where and how to open an inbound ESL connection. Two endpoints with equal {@link #identity()} share a connection;
 * the timeouts of the first endpoint to open it apply. The event format is part of the identity because FreeSWITCH
 * sends every event of a socket in the one format it was asked for.
 */
record ConnectionSettings(String host, int port, String username, String password, Duration connectTimeout,
        Duration reconnectInitialDelay, Duration reconnectMaxDelay, Duration requestTimeout, EventFormat format) {

    static ConnectionSettings of(FreeSwitchConfiguration configuration) {
        return new ConnectionSettings(configuration.getHost(), configuration.getPort(), configuration.getUsername(),
                configuration.getPassword(), Duration.ofMillis(configuration.getConnectTimeout()),
                Duration.ofMillis(configuration.getReconnectInitialDelay()),
                Duration.ofMillis(configuration.getReconnectMaxDelay()),
                Duration.ofMillis(configuration.getRequestTimeout()), configuration.getFormat());
    }

    /** What makes two connections interchangeable: the same server and the same credentials. */
    Identity identity() {
        return new Identity(host, port, username, password, format);
    }

    /** host:port, for logs and health check ids (never the password). */
    String address() {
        return host + ":" + port;
    }

    record Identity(String host, int port, String username, String password, EventFormat format) {
        @Override
        public String toString() {
            return (username == null ? "" : username + "@") + host + ":" + port;
        }
    }
}
