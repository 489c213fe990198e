package io.camelfreeswitch.camel;

import io.camelfreeswitch.call.LeaseScope;
import io.camelfreeswitch.call.RingMode;
import io.camelfreeswitch.call.balancer.LoadBalancer;
import io.camelfreeswitch.esl.EslClientOptions;
import io.camelfreeswitch.esl.EslConnection;
import io.camelfreeswitch.esl.EventFormat;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.Configurer;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Options of the {@code freeswitch:} component and its endpoints. The component holds one instance whose values are
 * the defaults of every endpoint; each endpoint works on a {@link #copy()} it may override.
 */
@Configurer
@UriParams
public class FreeSwitchConfiguration implements Cloneable {

    // --- connection (inbound ESL: we connect to FreeSWITCH) ---

    @UriParam(defaultValue = EslClientOptions.DEFAULT_HOST, description = "Host of FreeSWITCH's event socket.")
    private String host = EslClientOptions.DEFAULT_HOST;
    @UriParam(defaultValue = "" + EslClientOptions.DEFAULT_PORT, description = "Port of FreeSWITCH's event socket.")
    private int port = EslClientOptions.DEFAULT_PORT;
    @UriParam(label = "security", description = "User for 'userauth user@domain' authentication; when empty the"
            + " plain 'auth' command with the password is used.")
    private String username;
    @UriParam(label = "security", secret = true, defaultValue = EslClientOptions.DEFAULT_PASSWORD,
            description = "Password of the event socket (event_socket.conf.xml), ClueCon by default like FreeSWITCH.")
    private String password = EslClientOptions.DEFAULT_PASSWORD;
    @UriParam(label = "advanced", defaultValue = "" + EslClientOptions.DEFAULT_CONNECT_TIMEOUT_MILLIS,
            javaType = "java.time.Duration", description = "How long to wait for the TCP connection and authentication.")
    private long connectTimeout = EslClientOptions.DEFAULT_CONNECT_TIMEOUT_MILLIS;
    @UriParam(label = "advanced", defaultValue = "" + EslClientOptions.DEFAULT_RECONNECT_INITIAL_DELAY_MILLIS,
            javaType = "java.time.Duration",
            description = "First delay before reconnecting after the connection is lost; doubled (with jitter) after"
                    + " each failed attempt up to reconnectMaxDelay.")
    private long reconnectInitialDelay = EslClientOptions.DEFAULT_RECONNECT_INITIAL_DELAY_MILLIS;
    @UriParam(label = "advanced", defaultValue = "" + EslClientOptions.DEFAULT_RECONNECT_MAX_DELAY_MILLIS,
            javaType = "java.time.Duration", description = "Longest delay between two reconnect attempts.")
    private long reconnectMaxDelay = EslClientOptions.DEFAULT_RECONNECT_MAX_DELAY_MILLIS;
    @UriParam(label = "advanced", defaultValue = "" + EslClientOptions.DEFAULT_REQUEST_TIMEOUT_MILLIS,
            javaType = "java.time.Duration",
            description = "How long a command may wait for its reply before it fails with a timeout.")
    private long requestTimeout = EslClientOptions.DEFAULT_REQUEST_TIMEOUT_MILLIS;
    @UriParam(label = "advanced", description = "An ESL connection to use instead of opening one from host, port and"
            + " password (for example an EslClient bean shared with other code). The component does not close it."
            + " Autowired: when the registry holds exactly one EslConnection bean, the component uses it.")
    @Metadata(autowired = true)
    private EslConnection client;

    // --- ringGroup ---

    @UriParam(label = "producer", description = "ringGroup: comma separated dial strings to ring (user/1001,"
            + "sofia/gateway/gw/123). The header CamelFreeSwitchDestinations overrides it.")
    private String destinations;
    @UriParam(label = "producer", defaultValue = "PARALLEL", enums = "PARALLEL,SEQUENTIAL,BALANCING",
            description = "ringGroup: PARALLEL rings all at once and the first to answer wins; SEQUENTIAL rings one"
                    + " at a time in order; BALANCING rings one at a time, least-loaded first, through the balancer."
                    + " The header CamelFreeSwitchMode overrides it.")
    private RingMode mode = RingMode.PARALLEL;
    @UriParam(label = "producer", defaultValue = "30000", javaType = "java.time.Duration",
            description = "ringGroup: how long each destination rings (PARALLEL: the whole group). Accepts"
                    + " durations such as 30s or 1m30s, or milliseconds.")
    private long timeout = 30000;
    @UriParam(label = "producer", javaType = "java.time.Duration",
            description = "ringGroup: cap on a whole SEQUENTIAL or BALANCING group (which may otherwise take the"
                    + " number of destinations times timeout); 0 means no cap.")
    private long totalTimeout;
    @UriParam(label = "producer", defaultValue = "CALL", enums = "CALL,RINGING",
            description = "ringGroup BALANCING: CALL counts a destination as loaded from ringing until its answered"
                    + " call hangs up; RINGING only while it rings.")
    private LeaseScope loadScope = LeaseScope.CALL;
    @UriParam(label = "producer", description = "ringGroup BALANCING: the LoadBalancer sharing load between groups"
            + " (#beanName). Autowired: when the registry holds exactly one LoadBalancer bean, the component uses it.")
    @Metadata(autowired = true)
    private LoadBalancer balancer;
    @UriParam(label = "producer", prefix = "variable.", multiValue = true,
            description = "ringGroup and originate: channel variables set on every new leg, as"
                    + " variable.caller_id_number=1000. The header CamelFreeSwitchVariables wins per name.")
    private Map<String, Object> variables;
    @UriParam(label = "producer", description = "ringGroup: fail the exchange with a RingGroupException"
            + " when nobody answers, instead of returning the NO_ANSWER outcome.")
    private boolean failOnNoAnswer;

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
            copy.variables = variables == null ? null : new LinkedHashMap<>(variables);
            copy.filters = filters == null ? null : new LinkedHashMap<>(filters);
            return copy;
        } catch (CloneNotSupportedException e) {
            throw new RuntimeCamelException(e);
        }
    }

    public String getHost() {
        return host;
    }

    public void setHost(String host) {
        this.host = host;
    }

    public int getPort() {
        return port;
    }

    public void setPort(int port) {
        this.port = port;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public long getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(long connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public long getReconnectInitialDelay() {
        return reconnectInitialDelay;
    }

    public void setReconnectInitialDelay(long reconnectInitialDelay) {
        this.reconnectInitialDelay = reconnectInitialDelay;
    }

    public long getReconnectMaxDelay() {
        return reconnectMaxDelay;
    }

    public void setReconnectMaxDelay(long reconnectMaxDelay) {
        this.reconnectMaxDelay = reconnectMaxDelay;
    }

    public long getRequestTimeout() {
        return requestTimeout;
    }

    public void setRequestTimeout(long requestTimeout) {
        this.requestTimeout = requestTimeout;
    }

    public EslConnection getClient() {
        return client;
    }

    public void setClient(EslConnection client) {
        this.client = client;
    }

    public String getDestinations() {
        return destinations;
    }

    public void setDestinations(String destinations) {
        this.destinations = destinations;
    }

    public RingMode getMode() {
        return mode;
    }

    public void setMode(RingMode mode) {
        this.mode = mode;
    }

    public long getTimeout() {
        return timeout;
    }

    public void setTimeout(long timeout) {
        this.timeout = timeout;
    }

    public long getTotalTimeout() {
        return totalTimeout;
    }

    public void setTotalTimeout(long totalTimeout) {
        this.totalTimeout = totalTimeout;
    }

    public LeaseScope getLoadScope() {
        return loadScope;
    }

    public void setLoadScope(LeaseScope loadScope) {
        this.loadScope = loadScope;
    }

    public LoadBalancer getBalancer() {
        return balancer;
    }

    public void setBalancer(LoadBalancer balancer) {
        this.balancer = balancer;
    }

    public Map<String, Object> getVariables() {
        return variables;
    }

    public void setVariables(Map<String, Object> variables) {
        this.variables = variables;
    }

    public boolean isFailOnNoAnswer() {
        return failOnNoAnswer;
    }

    public void setFailOnNoAnswer(boolean failOnNoAnswer) {
        this.failOnNoAnswer = failOnNoAnswer;
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

    // ===== ringGroup BALANCING: agent capacity (fields, getters and setters kept together in this block) =====

    @UriParam(label = "producer", description = "ringGroup BALANCING: calls a destination may be on at once; a"
            + " destination already on that many (counted by the balancer, across groups and instances) is skipped,"
            + " not rung. 0 means no limit. The header CamelFreeSwitchDestinationCapacity overrides it per"
            + " destination.")
    private int maxCalls;
    @UriParam(label = "producer", javaType = "java.time.Duration", description = "ringGroup BALANCING: after a"
            + " destination's answered call ends, how long it is not offered another (wrap-up); needs loadScope"
            + " CALL. 0 means none. The header CamelFreeSwitchDestinationCapacity overrides it per destination.")
    private long wrapUpTime;
    @UriParam(label = "producer", javaType = "java.time.Duration", description = "ringGroup BALANCING: after a"
            + " destination was rung and did not answer, how long it is not offered again. 0 means none. The header"
            + " CamelFreeSwitchDestinationCapacity overrides it per destination.")
    private long noAnswerDelay;

    public int getMaxCalls() {
        return maxCalls;
    }

    public void setMaxCalls(int maxCalls) {
        this.maxCalls = maxCalls;
    }

    public long getWrapUpTime() {
        return wrapUpTime;
    }

    public void setWrapUpTime(long wrapUpTime) {
        this.wrapUpTime = wrapUpTime;
    }

    public long getNoAnswerDelay() {
        return noAnswerDelay;
    }

    public void setNoAnswerDelay(long noAnswerDelay) {
        this.noAnswerDelay = noAnswerDelay;
    }

    // ===== end of ringGroup BALANCING capacity =====
}
