package io.camelfreeswitch.camel;

import io.camelfreeswitch.call.Channel;
import io.camelfreeswitch.esl.EslOutboundServer;
import io.camelfreeswitch.esl.OutboundSession;
import io.camelfreeswitch.esl.internal.Failures;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.support.DefaultConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Listens for FreeSWITCH's outbound sockets (dialplan {@code <action application="socket" data="host:port async
 * full"/>}) and routes one exchange per call. The call's socket stays open while the exchange is routed, and the
 * {@code freeswitch:} producers of the route act on this call over it. When the exchange completes the socket is
 * closed, or the call hung up first when hangupOnCompletion is set.
 */
final class OutboundConsumer extends DefaultConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(OutboundConsumer.class);

    private final FreeSwitchEndpoint endpoint;
    private final FreeSwitchConfiguration configuration;
    private Semaphore calls;
    private EslOutboundServer server;

    OutboundConsumer(FreeSwitchEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
        this.endpoint = endpoint;
        this.configuration = endpoint.getConfiguration();
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        if (configuration.getMaxConcurrentCalls() <= 0) {
            throw new IllegalArgumentException("Endpoint " + endpoint.safeUri()
                    + ": maxConcurrentCalls must be positive");
        }
        calls = new Semaphore(configuration.getMaxConcurrentCalls());
        EslOutboundServer.Builder builder = EslOutboundServer.builder()
                .host(configuration.getBindAddress())
                .port(configuration.getBindPort())
                .requestTimeout(Duration.ofMillis(configuration.getRequestTimeout()))
                .handler(this::onSession);
        if (configuration.getAllowedPeers() != null) {
            for (String peer : configuration.getAllowedPeers().split(",")) {
                if (!peer.isBlank()) {
                    builder.allowPeer(peer.strip());
                }
            }
        }
        server = builder.build();
        server.start().get(configuration.getConnectTimeout(), TimeUnit.MILLISECONDS);
        LOG.info("Listening for FreeSWITCH outbound calls on {}:{}", configuration.getBindAddress(), server.port());
    }

    /** The port the server is bound to, which differs from bindPort when that is 0. */
    int boundPort() {
        return server == null ? -1 : server.port();
    }

    /** Completes when the call's exchange is done; the server then closes the socket. */
    private CompletableFuture<Void> onSession(OutboundSession session) {
        if (!calls.tryAcquire()) {
            LOG.warn("Refusing FreeSWITCH outbound call {}: {} calls are already routed (maxConcurrentCalls)",
                    session.uniqueId(), configuration.getMaxConcurrentCalls());
            return CompletableFuture.completedFuture(null);
        }
        // tracked before myevents, so that none of the caller's events can slip by
        Channel caller;
        try {
            caller = Channel.track(session, session.uniqueId(), null);
        } catch (RuntimeException e) {
            calls.release(); // a CHANNEL_DATA without a usable Unique-ID must not cost a call slot for good
            throw e;
        }
        OutboundCall call = new OutboundCall(session, caller);
        // linger: after the caller hangs up the socket stays ours until the exchange is done, so the route can
        // still hang up the legs it rang
        return session.myevents()
                .thenCompose(v -> session.linger())
                .thenCompose(v -> route(call))
                .whenComplete((v, failure) -> {
                    calls.release();
                    if (failure != null) {
                        LOG.warn("FreeSWITCH outbound call {} failed: {}", session.uniqueId(),
                                Failures.unwrap(failure).getMessage());
                    }
                });
    }

    private CompletableFuture<Void> route(OutboundCall call) {
        CompletableFuture<Void> routed = new CompletableFuture<>();
        Exchange exchange = createExchange(false);
        exchange.setProperty(OutboundCall.EXCHANGE_PROPERTY, call);
        EventsConsumer.populate(exchange.getMessage(), call.channelData());
        exchange.getMessage().removeHeader(FreeSwitchConstants.EVENT_NAME);
        exchange.getMessage().setHeader(FreeSwitchConstants.UUID, call.uuid());
        getAsyncProcessor().process(exchange, doneSync -> {
            call.publishCallerState(exchange.getMessage());
            if (exchange.getException() != null) {
                getExceptionHandler().handleException("Error routing FreeSWITCH outbound call " + call.uuid(),
                        exchange, exchange.getException());
            }
            releaseExchange(exchange, false);
            hangupIfConfigured(call).whenComplete((v, e) -> routed.complete(null));
        });
        return routed;
    }

    private CompletableFuture<Void> hangupIfConfigured(OutboundCall call) {
        if (!configuration.isHangupOnCompletion() || call.isCallerHungUp()) {
            return CompletableFuture.completedFuture(null);
        }
        return call.session().hangup("NORMAL_CLEARING").exceptionally(failure -> {
            LOG.debug("Hanging up call {} on completion failed: {}", call.uuid(), failure.getMessage());
            return null;
        });
    }

    @Override
    protected void doStop() throws Exception {
        if (server != null) {
            // bounded, and not cut short by an interrupt: the sessions' last commands (hang-ups) go out first
            if (!StopWait.await(server.closeAsync(), Duration.ofMillis(configuration.getConnectTimeout()))) {
                LOG.warn("Outbound socket server on port {} not closed within {} ms", server.port(),
                        configuration.getConnectTimeout());
            }
            server = null;
        }
        super.doStop();
    }
}
