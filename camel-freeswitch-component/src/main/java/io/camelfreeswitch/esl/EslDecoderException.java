package io.camelfreeswitch.esl;

/**
 * The bytes received are not a valid ESL frame. The decoder stops reading and the connection is closed: after a
 * framing error nothing that follows on the socket can be trusted.
 */
public class EslDecoderException extends EslException {
    public EslDecoderException(String message) {
        super(message);
    }

    public EslDecoderException(String message, Throwable cause) {
        super(message, cause);
    }
}
