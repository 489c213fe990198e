package io.camelfreeswitch.call;

/** The channel ended before what was awaited on it happened. */
public class ChannelHungUpException extends RuntimeException {
    private final String uuid;
    private final String hangupCause;

    public ChannelHungUpException(String uuid, String hangupCause) {
        // an outcome, not a fault: where it was made (an event loop reading the hang-up) says nothing, and filling
        // in that stack for every leg that ends unanswered cost more than the rest of its hang-up
        super("Channel " + uuid + " hung up: " + hangupCause, null, false, false);
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
