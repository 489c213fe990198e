package io.camelfreeswitch.esl;

/** Life of an ESL connection, as seen by health checks. */
public enum ConnectionState {
    /** Connecting, or authenticating, or waiting for the next reconnect attempt. */
    CONNECTING,
    /** Authenticated; subscriptions and filters restored. Commands are accepted. */
    UP,
    /** Lost or refused; pending commands have failed. A client that reconnects goes back to CONNECTING. */
    DOWN,
    /** Closed by its owner; it will not come back. */
    CLOSED
}
