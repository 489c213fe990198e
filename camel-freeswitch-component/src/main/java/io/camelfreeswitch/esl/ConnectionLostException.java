package io.camelfreeswitch.esl;

/** The connection is not up (never came up, dropped, or closed); commands pending on it failed with this. */
public class ConnectionLostException extends EslException {
    public ConnectionLostException(String message) {
        super(message);
    }

    public ConnectionLostException(String message, Throwable cause) {
        super(message, cause);
    }
}
