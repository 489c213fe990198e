package io.camelfreeswitch.esl;

/** Base of every failure this library reports about ESL. */
public class EslException extends RuntimeException {
    public EslException(String message) {
        super(message);
    }

    public EslException(String message, Throwable cause) {
        super(message, cause);
    }
}
