package io.camelfreeswitch.call;

/** The channel ended before what was awaited on it happened. */
public class ChannelHungUpException extends RuntimeException {
    private final String uuid;
    private final String hangupCause;

    public ChannelHungUpException(String uuid, String hangupCause) {
        super("Channel " + uuid + " hung up: " + hangupCause);
        this.uuid = uuid;
        this.hangupCause = hangupCause;
    }

    public String uuid() {
        return uuid;
    }

    public String hangupCause() {
        return hangupCause;
    }
}
