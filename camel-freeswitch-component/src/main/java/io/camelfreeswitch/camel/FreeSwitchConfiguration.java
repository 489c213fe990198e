package io.camelfreeswitch.camel;

import io.camelfreeswitch.esl.EventFormat;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.Configurer;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Options of the {@code freeswitch:} component and its endpoints. The component holds one instance whose values are
 * the defaults of every endpoint; each endpoint works on a {@link #copy()} it may override. The options are split by
 * concept: connection ({@link FreeSwitchConnectionConfiguration}), ring group ({@link FreeSwitchRingGroupConfiguration}),
 * and here the other producers and the consumers.
 */
@Configurer
@UriParams
public class FreeSwitchConfiguration extends FreeSwitchRingGroupConfiguration {

    // --- other producers ---

    @UriParam(label = "producer", description = "originate: the dial string of the new channel. The header"
            + " CamelFreeSwitchDestination overrides it.")
    private String destination;
    @UriParam(label = "producer", description = "execute: the dialplan application to run (playback, set, ...)."
            + " originate: the application the new channel runs once answered (park when empty).")
    private String application;
    @UriParam(label = "producer", description = "execute and originate: the argument of the application.")
    private String applicationArgument;
    @UriParam(label = "producer", description = "api and bgapi: the command to run (status, uuid_kill ...);"
            + " when empty, the header CamelFreeSwitchCommand or else the message body is the command.")
    private String command;
    @UriParam(label = "producer", defaultValue = "true", description = "api and bgapi: a reply starting with -ERR"
            + " fails the exchange with a CommandRejectedException carrying FreeSWITCH's text; when false the reply"
            + " is put in the body and the header CamelFreeSwitchErrorReply is set to true.")
    private boolean failOnErrorReply = true;
    @UriParam(label = "producer", defaultValue = "NORMAL_CLEARING",
            description = "hangup: the hang-up cause; the header CamelFreeSwitchHangupCause overrides it.")
    private String hangupCause = "NORMAL_CLEARING";
    @UriParam(label = "producer", description = "sendEvent: the name of the event to fire (CUSTOM, ...); the header"
            + " CamelFreeSwitchEventName overrides it.")
    private String eventName;

    // --- events consumer ---

    @UriParam(label = "consumer", defaultValue = "ALL", description = "events: comma separated event names"
            + " (CHANNEL_ANSWER,CHANNEL_HANGUP_COMPLETE), ALL, or CUSTOM with subclasses (CUSTOM sofia::register).")
    private String events = "ALL";
    @UriParam(label = "consumer", defaultValue = "PLAIN", enums = "PLAIN,JSON",
            description = "events: the format FreeSWITCH sends events in (FreeSWITCH's XML format is not supported).")
    private EventFormat format = EventFormat.PLAIN;
    @UriParam(label = "consumer", prefix = "filter.", multiValue = true,
            description = "events: server-side filters, as filter.Unique-ID=... or filter.Event-Name=CHANNEL_ANSWER.")
    private Map<String, Object> filters;
    @UriParam(label = "consumer", defaultValue = "10", description = "events: how many events are routed at once."
            + " Events of one channel are always routed one after the other, in order.")
    private int concurrentConsumers = 10;

    // --- outbound consumer ---

    @UriParam(label = "consumer", defaultValue = "127.0.0.1",
            description = "outbound: the address to listen on for FreeSWITCH's outbound socket connections.")
    private String bindAddress = "127.0.0.1";
    @UriParam(label = "consumer", defaultValue = "8084", description = "outbound: the port to listen on"
            + " (the dialplan's socket application connects to it); 0 picks a free port.")
    private int bindPort = 8084;
    @UriParam(label = "consumer", defaultValue = "100", description = "outbound: calls routed at once; further"
            + " connections are refused until one ends.")
    private int maxConcurrentCalls = 100;
    @UriParam(label = "consumer,security", description = "outbound: comma separated IP addresses (the FreeSWITCH"
            + " hosts) allowed to connect; a connection from any other address is closed before anything is read."
            + " Empty: any peer that can reach bindAddress.")
    private String allowedPeers;
    @UriParam(label = "consumer", description = "outbound: hang the call up when its exchange completes; by"
            + " default the socket is only closed, so a call the route bridged goes on.")
    private boolean hangupOnCompletion;

    public FreeSwitchConfiguration copy() {
        try {
            FreeSwitchConfiguration copy = (FreeSwitchConfiguration) clone();
            copy.setVariables(getVariables() == null ? null : new LinkedHashMap<>(getVariables()));
            copy.filters = filters == null ? null : new LinkedHashMap<>(filters);
            return copy;
        } catch (CloneNotSupportedException e) {
            throw new RuntimeCamelException(e);
        }
    }

    public String getDestination() {
        return destination;
    }

    public void setDestination(String destination) {
        this.destination = destination;
    }

    public String getApplication() {
        return application;
    }

    public void setApplication(String application) {
        this.application = application;
    }

    public String getApplicationArgument() {
        return applicationArgument;
    }

    public void setApplicationArgument(String applicationArgument) {
        this.applicationArgument = applicationArgument;
    }

    public String getCommand() {
        return command;
    }

    public void setCommand(String command) {
        this.command = command;
    }

    public boolean isFailOnErrorReply() {
        return failOnErrorReply;
    }

    public void setFailOnErrorReply(boolean failOnErrorReply) {
        this.failOnErrorReply = failOnErrorReply;
    }

    public String getHangupCause() {
        return hangupCause;
    }

    public void setHangupCause(String hangupCause) {
        this.hangupCause = hangupCause;
    }

    public String getEventName() {
        return eventName;
    }

    public void setEventName(String eventName) {
        this.eventName = eventName;
    }

    public String getEvents() {
        return events;
    }

    public void setEvents(String events) {
        this.events = events;
    }

    public EventFormat getFormat() {
        return format;
    }

    public void setFormat(EventFormat format) {
        this.format = format;
    }

    public Map<String, Object> getFilters() {
        return filters;
    }

    public void setFilters(Map<String, Object> filters) {
        this.filters = filters;
    }

    public int getConcurrentConsumers() {
        return concurrentConsumers;
    }

    public void setConcurrentConsumers(int concurrentConsumers) {
        this.concurrentConsumers = concurrentConsumers;
    }

    public String getBindAddress() {
        return bindAddress;
    }

    public void setBindAddress(String bindAddress) {
        this.bindAddress = bindAddress;
    }

    public int getBindPort() {
        return bindPort;
    }

    public void setBindPort(int bindPort) {
        this.bindPort = bindPort;
    }

    public String getAllowedPeers() {
        return allowedPeers;
    }

    public void setAllowedPeers(String allowedPeers) {
        this.allowedPeers = allowedPeers;
    }

    public int getMaxConcurrentCalls() {
        return maxConcurrentCalls;
    }

    public void setMaxConcurrentCalls(int maxConcurrentCalls) {
        this.maxConcurrentCalls = maxConcurrentCalls;
    }

    public boolean isHangupOnCompletion() {
        return hangupOnCompletion;
    }

    public void setHangupOnCompletion(boolean hangupOnCompletion) {
        this.hangupOnCompletion = hangupOnCompletion;
    }
}
