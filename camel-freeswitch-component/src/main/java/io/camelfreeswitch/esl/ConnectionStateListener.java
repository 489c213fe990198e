package io.camelfreeswitch.esl;

/** Told of every state change of a connection; {@code cause} says why it went DOWN, else {@code null}. */
@FunctionalInterface
public interface ConnectionStateListener {
    void onStateChange(ConnectionState state, Throwable cause);
}
