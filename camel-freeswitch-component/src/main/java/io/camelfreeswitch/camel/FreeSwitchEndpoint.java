package io.camelfreeswitch.camel;

import io.camelfreeswitch.call.RingMode;
import io.camelfreeswitch.call.balancer.LoadBalancer;
import org.apache.camel.AsyncEndpoint;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.EndpointServiceLocation;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.DefaultEndpoint;
import org.apache.camel.util.URISupport;

import java.util.Map;

/**
 * Drive FreeSWITCH over its Event Socket (ESL): ring groups that connect the first destination to answer (parallel,
 * sequential or load-balanced), originate, api and bgapi commands, call control (hangup, bridge, execute, answer),
 * sendevent, a consumer of FreeSWITCH events and a consumer of outbound-socket calls.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "freeswitch", title = "FreeSWITCH", syntax = "freeswitch:operation",
        category = { Category.NETWORKING }, headersClass = FreeSwitchConstants.class)
public class FreeSwitchEndpoint extends DefaultEndpoint implements AsyncEndpoint, EndpointServiceLocation {

    @UriPath(description = "What the endpoint does. Producers: ringGroup, originate, api, bgapi, hangup, bridge,"
            + " execute, answer, sendEvent. Consumers: events (FreeSWITCH events) and outbound (one exchange per"
            + " call that FreeSWITCH's socket application hands to the route).")
    @Metadata(required = true)
    private FreeSwitchOperation operation;

    @UriParam
    private FreeSwitchConfiguration configuration;

    public FreeSwitchEndpoint(String uri, FreeSwitchComponent component, FreeSwitchOperation operation,
            FreeSwitchConfiguration configuration) {
        super(uri, component);
        this.operation = operation;
        this.configuration = configuration;
    }

    @Override
    public FreeSwitchComponent getComponent() {
        return (FreeSwitchComponent) super.getComponent();
    }

    @Override
    public Producer createProducer() throws Exception {
        return switch (operation) {
            case ringGroup -> new RingGroupProducer(this);
            case originate -> new OriginateProducer(this);
            case api -> new ApiProducer(this, false);
            case bgapi -> new ApiProducer(this, true);
            case hangup -> new HangupProducer(this);
            case bridge -> new BridgeProducer(this);
            case execute -> new ExecuteProducer(this, false);
            case answer -> new ExecuteProducer(this, true);
            case sendEvent -> new SendEventProducer(this);
            case events, outbound -> throw new IllegalArgumentException("freeswitch:" + operation
                    + " can only start a route (from), it cannot be sent to: " + safeUri());
        };
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        Consumer consumer = switch (operation) {
            case events -> new EventsConsumer(this, processor);
            case outbound -> new OutboundConsumer(this, processor);
            default -> throw new IllegalArgumentException("freeswitch:" + operation
                    + " is a producer operation and cannot start a route; consumers are freeswitch:events and"
                    + " freeswitch:outbound: " + safeUri());
        };
        configureConsumer(consumer);
        return consumer;
    }

    /** Fails early, when the route starts, for options that could never work. */
    void validateForStart() {
        if (operation == FreeSwitchOperation.ringGroup) {
            requireBalancerFor(configuration.getMode(), configuration.getBalancer());
        }
        if (configuration.getTimeout() <= 0) {
            throw new IllegalArgumentException("Endpoint " + safeUri() + ": timeout must be positive");
        }
        if (configuration.getTotalTimeout() < 0) {
            throw new IllegalArgumentException("Endpoint " + safeUri() + ": totalTimeout must not be"
                    + " negative (0 means no cap)");
        }
        try {
            DestinationCapacities.defaults(configuration);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Endpoint " + safeUri() + ": maxCalls, wrapUpTime and noAnswerDelay"
                    + " must not be negative (0 means no limit, no rest): " + e.getMessage()); // the whole story
        }
        if (operation == FreeSwitchOperation.ringGroup && configuration.getWrapUpTime() > 0
                && configuration.getLoadScope() != io.camelfreeswitch.call.LeaseScope.CALL) {
            throw new IllegalArgumentException("Endpoint " + safeUri() + ": wrapUpTime starts when a call ends,"
                    + " which only loadScope=CALL follows");
        }
    }

    /**
     * The call model's rule ({@link RingMode#requireBalancer}), told in Camel's terms: which endpoint, and how to give
     * it a balancer. Checked when the route starts for the configured mode, and per exchange for a mode header.
     */
    void requireBalancerFor(RingMode mode, LoadBalancer balancer) {
        try {
            mode.requireBalancer(balancer);
        } catch (IllegalArgumentException e) {
            // not chained: the message already carries the rule's, and it is what users see as the root cause
            throw new IllegalArgumentException("Endpoint " + safeUri() + ": " + e.getMessage() + "; set the"
                    + " 'balancer' option (balancer=#myBalancer) or bind exactly one"
                    + " io.camelfreeswitch.call.balancer.LoadBalancer bean in the registry");
        }
    }

    /** The URI with any password masked, for error messages and logs. */
    String safeUri() {
        return URISupport.sanitizeUri(getEndpointUri());
    }

    SharedConnection acquireConnection() {
        return getComponent().getConnectionManager().acquire(configuration);
    }

    void releaseConnection(SharedConnection connection) {
        getComponent().getConnectionManager().release(connection);
    }

    @Override
    public String getServiceUrl() {
        return operation == FreeSwitchOperation.outbound
                ? configuration.getBindAddress() + ":" + configuration.getBindPort()
                : configuration.getHost() + ":" + configuration.getPort();
    }

    @Override
    public String getServiceProtocol() {
        return "esl";
    }

    @Override
    public Map<String, String> getServiceMetadata() {
        return configuration.getUsername() == null ? null : Map.of("username", configuration.getUsername());
    }

    public FreeSwitchOperation getOperation() {
        return operation;
    }

    /** What the endpoint does (the path of the URI). */
    public void setOperation(FreeSwitchOperation operation) {
        this.operation = operation;
    }

    public FreeSwitchConfiguration getConfiguration() {
        return configuration;
    }

    /** The endpoint's options. */
    public void setConfiguration(FreeSwitchConfiguration configuration) {
        this.configuration = configuration;
    }
}
