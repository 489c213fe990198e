package io.camelfreeswitch.esl;

/** FreeSWITCH refused our credentials. Not retried in a loop: a wrong password stays wrong. */
public class AuthenticationException extends EslException {
    public AuthenticationException(String message) {
        super(message);
    }
}
