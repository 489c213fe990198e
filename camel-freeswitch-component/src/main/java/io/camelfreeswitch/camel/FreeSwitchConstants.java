package io.camelfreeswitch.camel;

import org.apache.camel.spi.Metadata;

/** Names of the message headers read and written by the {@code freeswitch:} endpoints. */
public final class FreeSwitchConstants {

    @Metadata(label = "producer", description = "ringGroup: the destinations to ring, overriding the destinations"
            + " option; a String written as that option, or a java.util.List of dial strings (each may carry"
            + " ;delay=...;timeout=...), of Lists (tiers) or of Maps with the keys destination, delay and timeout.",
            javaType = "Object")
    public static final String DESTINATIONS = "CamelFreeSwitchDestinations";
    @Metadata(label = "producer", description = "originate: the dial string of the new channel, overriding the"
            + " destination option.", javaType = "String")
    public static final String DESTINATION = "CamelFreeSwitchDestination";
    @Metadata(label = "producer", description = "ringGroup: the ring mode, overriding the mode option.",
            javaType = "io.camelfreeswitch.call.RingMode")
    public static final String MODE = "CamelFreeSwitchMode";
    @Metadata(label = "producer", description = "ringGroup and originate: channel variables set on every new leg;"
            + " merged with the variable.* options, the header winning per name.",
            javaType = "java.util.Map<String, Object>")
    public static final String VARIABLES = "CamelFreeSwitchVariables";
    @Metadata(label = "producer", description = "ringGroup: the caller's channel. When it hangs up while the group"
            + " rings, every leg is cancelled. Inside an outbound route it defaults to the call of that route.",
            javaType = "String")
    public static final String CALLER_UUID = "CamelFreeSwitchCallerUuid";
    @Metadata(label = "producer", description = "ringGroup BALANCING: capacity per destination, overriding the"
            + " maxCalls, wrapUpTime and noAnswerDelay options for the destinations it names: a java.util.Map from"
            + " dial string to an io.camelfreeswitch.call.balancer.DestinationCapacity or to text such as"
            + " maxCalls=1,wrapUpTime=10s,noAnswerDelay=5s (what the text leaves out comes from the options).",
            javaType = "java.util.Map<String, Object>")
    public static final String DESTINATION_CAPACITY = "CamelFreeSwitchDestinationCapacity";
    @Metadata(label = "producer", description = "ringGroup: the Unique-ID of the channel that answered; absent"
            + " when nobody answered.", javaType = "String")
    public static final String ANSWERED_UUID = "CamelFreeSwitchAnsweredUuid";
    @Metadata(label = "producer", description = "ringGroup: the destination that answered; absent when nobody"
            + " answered.", javaType = "String")
    public static final String ANSWERED_DESTINATION = "CamelFreeSwitchAnsweredDestination";
    @Metadata(label = "producer", description = "ringGroup: how the group ended (UNAVAILABLE: BALANCING found"
            + " every destination at its maxCalls or resting, and rang nobody).",
            javaType = "io.camelfreeswitch.call.RingGroupOutcome", enums = "ANSWERED,NO_ANSWER,CANCELLED,UNAVAILABLE,FAILED")
    public static final String RING_GROUP_OUTCOME = "CamelFreeSwitchRingGroupOutcome";
    @Metadata(description = "A channel's Unique-ID: the target of hangup, execute, answer and the first leg of"
            + " bridge; set by originate to the new channel, and by the consumers to the channel of the event or"
            + " call.", javaType = "String")
    public static final String UUID = "CamelFreeSwitchUuid";
    @Metadata(label = "producer", description = "bridge: the channel to join with the one in CamelFreeSwitchUuid;"
            + " inside an outbound route it defaults to the leg that answered the last ringGroup.",
            javaType = "String")
    public static final String OTHER_UUID = "CamelFreeSwitchOtherUuid";
    @Metadata(description = "hangup: the cause to hang up with (overrides hangupCause). events: the cause of a"
            + " hang-up event. outbound: set when the caller hung up while the exchange was routed.",
            javaType = "String")
    public static final String HANGUP_CAUSE = "CamelFreeSwitchHangupCause";
    @Metadata(description = "events: the Event-Name of the event. sendEvent: the name of the event to fire"
            + " (overrides eventName).", javaType = "String")
    public static final String EVENT_NAME = "CamelFreeSwitchEventName";
    @Metadata(label = "consumer", description = "events: the Event-Subclass of a CUSTOM event.", javaType = "String")
    public static final String EVENT_SUBCLASS = "CamelFreeSwitchEventSubclass";
    @Metadata(label = "consumer", description = "events: the Event-Sequence of the event.", javaType = "Long")
    public static final String EVENT_SEQUENCE = "CamelFreeSwitchEventSequence";
    @Metadata(label = "producer", description = "sendEvent: the headers of the event to fire.",
            javaType = "java.util.Map<String, Object>")
    public static final String EVENT_HEADERS = "CamelFreeSwitchEventHeaders";
    @Metadata(label = "producer", description = "api and bgapi: the command to run, overriding the command option"
            + " and the body.", javaType = "String")
    public static final String COMMAND = "CamelFreeSwitchCommand";
    @Metadata(label = "producer", description = "bgapi: the Job-UUID of the background job.", javaType = "String")
    public static final String JOB_UUID = "CamelFreeSwitchJobUuid";
    @Metadata(label = "producer", description = "api and bgapi: true when FreeSWITCH replied -ERR and"
            + " failOnErrorReply is false.", javaType = "Boolean")
    public static final String ERROR_REPLY = "CamelFreeSwitchErrorReply";
    @Metadata(label = "producer", description = "execute and originate: the dialplan application, overriding the"
            + " application option.", javaType = "String")
    public static final String APPLICATION = "CamelFreeSwitchApplication";
    @Metadata(label = "producer", description = "execute and originate: the argument of the application,"
            + " overriding the applicationArgument option.", javaType = "String")
    public static final String APPLICATION_ARGUMENT = "CamelFreeSwitchApplicationArgument";
    @Metadata(label = "consumer", description = "outbound: true once the caller has hung up, while the exchange"
            + " is still routed.", javaType = "Boolean")
    public static final String CALLER_HUNG_UP = "CamelFreeSwitchCallerHungUp";

    // --- ringGroup: answer confirmation and ringback ---
    @Metadata(label = "producer", description = "ringGroup: the key an answered destination must press to count as"
            + " answered, overriding the confirmKey option; empty turns confirmation off.", javaType = "String")
    public static final String CONFIRM_KEY = "CamelFreeSwitchConfirmKey";
    @Metadata(label = "producer", description = "ringGroup: what the caller hears while the group rings, overriding"
            + " the ringback option; empty for nothing.", javaType = "String")
    public static final String RINGBACK = "CamelFreeSwitchRingback";

    private FreeSwitchConstants() {
    }
}
