package io.camelfreeswitch.esl;

/** A command got no reply within its timeout. Later commands' replies are unaffected. */
public class EslTimeoutException extends EslException {
    public EslTimeoutException(String message) {
        super(message);
    }
}
