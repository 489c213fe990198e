package io.camelfreeswitch.camel;

import io.camelfreeswitch.call.Channel;
import io.camelfreeswitch.esl.EslEvent;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.support.DefaultConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;

/**
 * Listens for FreeSWITCH's outbound sockets (dialplan {@code <action application="socket" data="host:port async
 * full"/>}) and routes one exchange per call. The call's socket stays open while the exchange is routed, and the
 * {@code freeswitch:} producers of the route act on this call over it. When the exchange completes the socket is
 * closed, or the call hung up when hangupOnCompletion is set.
 */
final class OutboundConsumer extends DefaultConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(OutboundConsumer.class);

    private final FreeSwitchEndpoint endpoint;
    private final FreeSwitchConfiguration configuration;
    private Semaphore calls;
    private OutboundServerAdapter.Listening server;

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
        server = OutboundServerAdapter.start(configuration.getBindAddress(), configuration.getBindPort(), this::onCall);
        LOG.info("Listening for FreeSWITCH outbound calls on {}:{}", configuration.getBindAddress(), server.port());
    }

    /** The port the server is bound to, which differs from bindPort when that is 0. */
    int boundPort() {
        return server == null ? -1 : server.port();
    }

    private void onCall(OutboundSocket socket) {
        if (!calls.tryAcquire()) {
            LOG.warn("Refusing a FreeSWITCH outbound call: {} calls are already routed (maxConcurrentCalls)",
                    configuration.getMaxConcurrentCalls());
            socket.close();
            return;
        }
        EslEvent channelData = socket.channelData();
        String uuid = channelData.uniqueId();
        Channel caller = Channel.track(socket.connection(), uuid, null);
        OutboundCall call = new OutboundCall(socket.connection(), caller, channelData);
        Exchange exchange = createExchange(false);
        exchange.setProperty(OutboundCall.EXCHANGE_PROPERTY, call);
        EventsConsumer.populate(exchange.getMessage(), channelData);
        exchange.getMessage().removeHeader(FreeSwitchConstants.EVENT_NAME);
        getAsyncProcessor().process(exchange, doneSync -> {
            call.publishCallerState(exchange.getMessage());
            if (exchange.getException() != null) {
                getExceptionHandler().handleException("Error routing FreeSWITCH outbound call " + uuid, exchange,
                        exchange.getException());
            }
            end(socket, call).whenComplete((v, e) -> calls.release());
            releaseExchange(exchange, false);
        });
    }

    private CompletableFuture<Void> end(OutboundSocket socket, OutboundCall call) {
        CompletableFuture<Void> hangup = configuration.isHangupOnCompletion() && !call.isCallerHungUp()
                ? call.caller().hangup("NORMAL_CLEARING").exceptionally(failure -> null)
                : CompletableFuture.completedFuture(null);
        return hangup.thenCompose(v -> socket.close()).exceptionally(failure -> {
            LOG.debug("Closing the socket of call {} failed: {}", call.uuid(), failure.getMessage());
            return null;
        });
    }

    @Override
    protected void doStop() throws Exception {
        if (server != null) {
            server.close();
            server = null;
        }
        super.doStop();
    }
}
