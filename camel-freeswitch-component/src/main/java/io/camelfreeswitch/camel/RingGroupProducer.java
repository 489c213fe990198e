package io.camelfreeswitch.camel;

import io.camelfreeswitch.call.Channel;
import io.camelfreeswitch.call.RingGroup;
import io.camelfreeswitch.call.RingGroupFuture;
import io.camelfreeswitch.call.RingGroupOutcome;
import io.camelfreeswitch.call.RingGroupRequest;
import io.camelfreeswitch.call.RingGroupResult;
import io.camelfreeswitch.call.RingMode;
import io.camelfreeswitch.call.balancer.LoadBalancer;
import io.camelfreeswitch.esl.EslConnection;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.ExchangeHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;

/**
 * Rings a group and puts the {@link RingGroupResult} in the body, with the outcome, the answered channel and its
 * destination in headers. Nobody answering is an outcome to route on, not a failure, unless failOnNoAnswer is set.
 * Inside an outbound route the outbound call is the caller: its hang-up cancels the group.
 */
final class RingGroupProducer extends FreeSwitchProducer {

    private static final Logger LOG = LoggerFactory.getLogger(RingGroupProducer.class);
    /** Groups started by this producer whose hang-ups may still be due. */
    private final RingingGroups ringing = new RingingGroups();
    /** Guards {@link #stopping}: a group is either seen by {@link #doStop()} or never started. */
    private final Object startGate = new Object();
    private boolean stopping;
    /** For the dev console; masked once here rather than on every group. */
    private final String safeUri = endpoint.safeUri();
    private LoadBalancer balancer;

    RingGroupProducer(FreeSwitchEndpoint endpoint) {
        super(endpoint);
    }

    @Override
    protected void doStart() throws Exception {
        balancer = configuration.getBalancer();
        synchronized (startGate) {
            stopping = false;
        }
        super.doStart();
    }

    /**
     * A ring group must see its legs' events. An outbound socket cannot: once {@code myevents} is on (and it must be,
     * for the caller's own events and for execute), FreeSWITCH sends it the events of its own channel only. So the
     * group rings over the shared inbound connection, which sees every channel, with the outbound call as its caller:
     * the caller hanging up still cancels every leg.
     */
    @Override
    protected boolean actsOverCallSocket() {
        return false;
    }

    @Override
    protected CompletableFuture<?> invoke(Exchange exchange, EslConnection connection, OutboundCall call) {
        String routeId = routeIdOf(exchange);
        RingGroupRequest request = request(exchange, call, routeId);
        RingGroupFuture<RingGroupResult> ring;
        synchronized (startGate) {
            if (stopping) {
                // its hang-ups could race the connection's close: refuse it rather than ring unwatched legs
                return CompletableFuture.failedFuture(new RejectedExecutionException("Endpoint "
                        + endpoint.safeUri() + " is stopping: ring group to " + request.destinations()
                        + " not started"));
            }
            ring = RingGroup.ring(connection, request);
            ringing.add(ring);
        }
        endpoint.getComponent().getRingGroupsInFlight().track(new RingGroupsInFlight.Group(routeId, safeUri,
                request, ring, Instant.now()));
        SharedConnection shared = heldConnection();
        if (shared != null && shared.connection() == connection) {
            shared.ringing(ring);
        }
        return ring.exceptionallyCompose(failure -> CompletableFuture.failedFuture(ring.isCancelled()
                ? new RejectedExecutionException("Endpoint " + endpoint.safeUri() + " stopped while its ring group to "
                        + request.destinations() + " was ringing: every leg was hung up")
                : failure)).thenApply(result -> {
            publish(exchange.getMessage(), result);
            if (call != null && result.outcome() == RingGroupOutcome.CANCELLED
                    && call.uuid().equals(request.callerUuid())) {
                // the group may learn of the caller's hang-up before the call's own socket does
                exchange.getMessage().setHeader(FreeSwitchConstants.CALLER_HUNG_UP, Boolean.TRUE);
            }
            boolean unanswered = result.outcome() == RingGroupOutcome.NO_ANSWER
                    || result.outcome() == RingGroupOutcome.CANCELLED
                    || result.outcome() == RingGroupOutcome.UNAVAILABLE;
            if (result.outcome() == RingGroupOutcome.FAILED || unanswered && configuration.isFailOnNoAnswer()) {
                throw new RingGroupException(result);
            }
            return result;
        });
    }

    /**
     * A stopping route (forced after Camel's graceful-shutdown wait, or the whole context) must not leave the legs
     * of its unfinished groups ringing on FreeSWITCH nor their leases counted: cancel them, which hangs up every leg
     * with ORIGINATOR_CANCEL, and wait until FreeSWITCH has accepted those hang-ups before the connection may be
     * closed. The wait is bounded and survives interrupts (containers and supervisors interrupt the threads they
     * stop); even if it were cut short, the connection's own close hangs up what is left before closing.
     */
    @Override
    protected void doStop() throws Exception {
        synchronized (startGate) {
            stopping = true;
        }
        if (!ringing.isEmpty()) {
            LOG.info("Endpoint {} stopping: hanging up {} ring group(s) still ringing", endpoint.safeUri(),
                    ringing.size());
            CompletableFuture<Void> hangups = ringing.hangUpAll();
            SharedConnection shared = heldConnection();
            if (!StopWait.await(shared == null ? hangups : shared.whileUp(hangups), RingingGroups.HANGUP_GRACE)) {
                LOG.warn("Endpoint {} stopping: hang-ups of ringing legs not accepted within {}",
                        endpoint.safeUri(), RingingGroups.HANGUP_GRACE);
            }
        }
        super.doStop();
    }

    /** The route the exchange is in, else the producer's, else "none" (a ProducerTemplate): a metrics tag. */
    private String routeIdOf(Exchange exchange) {
        String routeId = ExchangeHelper.getAtRouteId(exchange);
        if (routeId == null) {
            routeId = getRouteId();
        }
        return routeId == null ? "none" : routeId;
    }

    private RingGroupRequest request(Exchange exchange, OutboundCall call, String routeId) {
        Message message = exchange.getMessage();
        RingMode mode = mode(message.getHeader(FreeSwitchConstants.MODE));
        endpoint.requireBalancerFor(mode, balancer);
        String callerUuid = message.getHeader(FreeSwitchConstants.CALLER_UUID, String.class);
        if (callerUuid == null && call != null) {
            callerUuid = call.uuid();
        }
        return destinations(message).builder()
                .mode(mode)
                .timeout(Duration.ofMillis(configuration.getTimeout()))
                .totalTimeout(configuration.getTotalTimeout() > 0 ? Duration.ofMillis(configuration.getTotalTimeout())
                        : null)
                .leaseScope(configuration.getLoadScope())
                .capacity(DestinationCapacities.of(configuration, message))
                .balancer(balancer)
                .variables(ChannelVariables.merged(configuration, exchange))
                .callerUuid(callerUuid)
                .callerIdNamePrefix(configuration.getCallerIdNamePrefix())
                .callerIdNumberPrefix(configuration.getCallerIdNumberPrefix())
                .confirmKey(headerOr(message, FreeSwitchConstants.CONFIRM_KEY, configuration.getConfirmKey()))
                .confirmPrompt(configuration.getConfirmPrompt())
                .confirmTimeout(Duration.ofMillis(configuration.getConfirmTimeout()))
                .ringback(headerOr(message, FreeSwitchConstants.RINGBACK, configuration.getRingback()))
                .listener(endpoint.getComponent().ringGroupListener(routeId))
                .build();
    }

    private static String headerOr(Message message, String header, String option) {
        String value = message.getHeader(header, String.class);
        return value != null ? value : option;
    }

    private RingMode mode(Object header) {
        if (header == null) {
            return configuration.getMode();
        }
        if (header instanceof RingMode mode) {
            return mode;
        }
        try {
            return RingMode.valueOf(header.toString().strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Header " + FreeSwitchConstants.MODE + " is '" + header
                    + "'; expected one of " + Arrays.toString(RingMode.values()), e);
        }
    }

    private DestinationList destinations(Message message) {
        Object header = message.getHeader(FreeSwitchConstants.DESTINATIONS);
        DestinationList destinations = DestinationList.parse(header != null ? header : configuration.getDestinations());
        if (destinations.isEmpty()) {
            throw new IllegalArgumentException("Endpoint " + endpoint.safeUri() + " has no destinations to"
                    + " ring: set the 'destinations' option or the " + FreeSwitchConstants.DESTINATIONS + " header");
        }
        return destinations;
    }

    static void publish(Message message, RingGroupResult result) {
        message.setHeader(FreeSwitchConstants.RING_GROUP_OUTCOME, result.outcome());
        Channel winner = result.winner();
        if (winner != null) {
            message.setHeader(FreeSwitchConstants.ANSWERED_UUID, winner.uuid());
            message.setHeader(FreeSwitchConstants.ANSWERED_DESTINATION, winner.destination());
        } else {
            message.removeHeader(FreeSwitchConstants.ANSWERED_UUID);
            message.removeHeader(FreeSwitchConstants.ANSWERED_DESTINATION);
        }
    }
}
