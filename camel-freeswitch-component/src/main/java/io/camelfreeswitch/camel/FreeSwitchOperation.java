package io.camelfreeswitch.camel;

/** What a {@code freeswitch:} endpoint does: the path of its URI. */
public enum FreeSwitchOperation {
    /** Rings a group of destinations (PARALLEL, SEQUENTIAL or BALANCING) and returns the channel that answered. */
    ringGroup(false),
    /** Creates a new channel to one destination ({@code originate}), parked or running an application. */
    originate(false),
    /** Runs an {@code api} command; the reply is the body. */
    api(false),
    /** Runs a {@code bgapi} command and completes with its {@code BACKGROUND_JOB} result. */
    bgapi(false),
    /** Hangs a channel up. */
    hangup(false),
    /** Bridges two channels ({@code uuid_bridge}). */
    bridge(false),
    /** Runs a dialplan application on a channel and completes at its {@code CHANNEL_EXECUTE_COMPLETE}. */
    execute(false),
    /** Answers a channel. */
    answer(false),
    /** Fires an event into FreeSWITCH ({@code sendevent}). */
    sendEvent(false),
    /** Consumer: one exchange per FreeSWITCH event received. */
    events(true),
    /** Consumer: FreeSWITCH connects to us once per call (dialplan {@code socket}); one exchange per call. */
    outbound(true);

    private final boolean consumer;

    FreeSwitchOperation(boolean consumer) {
        this.consumer = consumer;
    }

    public boolean isConsumer() {
        return consumer;
    }

    /** Reads the operation of a URI, ignoring case, with an error listing the valid ones. */
    static FreeSwitchOperation parse(String text, String uri) {
        for (FreeSwitchOperation operation : values()) {
            if (operation.name().equalsIgnoreCase(text)) {
                return operation;
            }
        }
        throw new IllegalArgumentException("Unknown freeswitch operation '" + text + "' in '" + uri
                + "'; expected one of " + java.util.Arrays.toString(values()));
    }
}
