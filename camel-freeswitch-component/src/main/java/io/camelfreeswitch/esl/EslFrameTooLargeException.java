package io.camelfreeswitch.esl;

/** A frame's header block or announced {@code Content-Length} exceeds the configured cap; raised before allocating. */
public class EslFrameTooLargeException extends EslDecoderException {
    public EslFrameTooLargeException(String message) {
        super(message);
    }
}
