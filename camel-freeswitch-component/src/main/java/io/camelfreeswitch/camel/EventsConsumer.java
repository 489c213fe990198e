package io.camelfreeswitch.camel;

import io.camelfreeswitch.esl.EslEvent;
import io.camelfreeswitch.esl.Registration;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.support.DefaultConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One exchange per FreeSWITCH event. Events of one channel are routed one after the other in arrival order; events
 * of different channels concurrently, up to concurrentConsumers. The subscription and listeners live on the
 * connection, which restores them itself after a reconnect. A consumer with server-side filters or a non-plain
 * format gets a connection of its own, because FreeSWITCH applies both to the whole socket.
 */
final class EventsConsumer extends DefaultConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(EventsConsumer.class);

    private final FreeSwitchEndpoint endpoint;
    private final FreeSwitchConfiguration configuration;
    private final List<Registration> registrations = new ArrayList<>();
    private volatile SharedConnection connection;
    private ExecutorService executor;
    private OrderedDispatcher<EslEvent> dispatcher;

    EventsConsumer(FreeSwitchEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
        this.endpoint = endpoint;
        this.configuration = endpoint.getConfiguration();
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        if (endpoint.getComponent().isHealthCheckConsumerEnabled()) {
            // Camel's consumer check of this route (consumer:<routeId>, camel.health.consumersEnabled) asks this one
            FreeSwitchConnectionHealthCheck check = new FreeSwitchConnectionHealthCheck(
                    "consumer:freeswitch-" + getRouteId(), () -> connection);
            check.setCamelContext(endpoint.getCamelContext());
            setHealthCheck(check);
        }
        try {
            subscribe();
        } catch (Exception e) {
            // Camel does not stop a consumer whose start failed: give back the pool, listeners and connection here,
            // or a refused password or a bad filter would leave them behind on every restart of the route
            doStop();
            throw e;
        }
    }

    private void subscribe() throws Exception {
        EventSelection selection = EventSelection.parse(configuration.getEvents());
        executor = endpoint.getCamelContext().getExecutorServiceManager().newFixedThreadPool(this,
                "FreeSwitchEvents", Math.max(1, configuration.getConcurrentConsumers()));
        dispatcher = new OrderedDispatcher<>(configuration.getConcurrentConsumers(), executor, this::route);
        boolean dedicated = configuration.getFilters() != null && !configuration.getFilters().isEmpty();
        connection = endpoint.getComponent().getConnectionManager().acquire(configuration, dedicated);
        boolean up = connection.awaitUp(configuration.getConnectTimeout());
        if (!up) {
            LOG.warn("FreeSWITCH at {} is not reachable yet; {} subscribes as soon as it connects",
                    connection.name(), endpoint.safeUri());
        }
        for (String name : selection.listenerNames()) {
            registrations.add(connection.connection().addEventListener(name, event -> {
                if (selection.accepts(event)) {
                    dispatcher.submit(event.uniqueId(), event);
                }
            }));
        }
        List<CompletableFuture<Void>> acknowledgements = new ArrayList<>();
        if (configuration.getFilters() != null) {
            for (Map.Entry<String, Object> filter : configuration.getFilters().entrySet()) {
                acknowledgements.add(connection.connection().filter(filter.getKey(), String.valueOf(filter.getValue())));
            }
        }
        // when FreeSWITCH is down the client subscribes (and filters) after connecting
        acknowledgements.add(connection.connection().subscribe(selection.subscriptionNames())
                .exceptionally(failure -> {
                    LOG.warn("Subscribing {} to {} failed: {}", endpoint.safeUri(),
                            selection.subscriptionNames(), failure.getMessage());
                    return null;
                }));
        if (up) {
            awaitAcknowledged(acknowledgements);
        }
    }

    /**
     * A started route hears every event from then on: a call placed right after the context starts must not slip
     * past a subscription FreeSWITCH has not acknowledged yet. Bounded by the request timeout, as each command is.
     */
    private void awaitAcknowledged(List<CompletableFuture<Void>> acknowledgements) throws InterruptedException {
        CompletableFuture<Void> all = CompletableFuture.allOf(acknowledgements.toArray(CompletableFuture[]::new));
        try {
            all.get(configuration.getRequestTimeout(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            LOG.warn("{}: FreeSWITCH did not accept every filter: {}", endpoint.safeUri(), e.getCause().getMessage());
        } catch (TimeoutException e) {
            LOG.warn("{}: FreeSWITCH has not acknowledged the subscription within {} ms; events may start later",
                    endpoint.safeUri(), configuration.getRequestTimeout());
        }
    }

    private void route(EslEvent event, Runnable done) {
        Exchange exchange = createExchange(false);
        try {
            populate(exchange.getMessage(), event);
        } catch (RuntimeException e) {
            exchange.setException(e);
        }
        getAsyncProcessor().process(exchange, doneSync -> {
            try {
                if (exchange.getException() != null) {
                    getExceptionHandler().handleException("Error routing FreeSWITCH event " + event.eventName(),
                            exchange, exchange.getException());
                }
                releaseExchange(exchange, false);
            } finally {
                done.run();
            }
        });
    }

    static void populate(Message message, EslEvent event) {
        Map<String, Object> headers = new LinkedHashMap<>(event.headers());
        headers.put(FreeSwitchConstants.EVENT_NAME, event.eventName());
        if (event.eventSubclass() != null) {
            headers.put(FreeSwitchConstants.EVENT_SUBCLASS, event.eventSubclass());
        }
        if (event.uniqueId() != null) {
            headers.put(FreeSwitchConstants.UUID, event.uniqueId());
        }
        if (event.hangupCause() != null) {
            headers.put(FreeSwitchConstants.HANGUP_CAUSE, event.hangupCause());
        }
        if (event.sequence() >= 0) {
            headers.put(FreeSwitchConstants.EVENT_SEQUENCE, event.sequence());
        }
        message.getHeaders().putAll(headers);
        message.setBody(event);
    }

    @Override
    protected void doStop() throws Exception {
        registrations.forEach(Registration::close);
        registrations.clear();
        if (connection != null) {
            endpoint.releaseConnection(connection);
            connection = null;
        }
        if (executor != null) {
            endpoint.getCamelContext().getExecutorServiceManager().shutdownGraceful(executor);
            executor = null;
        }
        super.doStop();
    }

    /** The events option: names to subscribe to, and which events the route accepts. */
    record EventSelection(List<String> subscriptionNames, Set<String> listenerNames, Set<String> customSubclasses) {

        static EventSelection parse(String events) {
            List<String> subscriptions = new ArrayList<>();
            Set<String> listeners = new HashSet<>();
            Set<String> subclasses = new HashSet<>();
            String text = events == null || events.isBlank() ? "ALL" : events;
            for (String token : text.split(",")) {
                String name = token.strip();
                if (name.isEmpty()) {
                    continue;
                }
                if (!name.matches("[A-Za-z0-9_:. \\-]+")) {
                    throw new IllegalArgumentException("freeswitch:events: '" + name.replaceAll("\\p{Cntrl}", "?")
                            + "' is not an event name");
                }
                String[] words = name.split("\\s+");
                String eventName = words[0].toUpperCase(java.util.Locale.ROOT);
                if (eventName.equals("CUSTOM")) {
                    for (int i = 1; i < words.length; i++) {
                        subclasses.add(words[i]);
                    }
                } else if (words.length > 1) {
                    throw new IllegalArgumentException("freeswitch:events: '" + name + "': only CUSTOM takes"
                            + " subclasses; separate event names with commas");
                }
                subscriptions.add(String.join(" ", words).replaceFirst("^\\S+", eventName));
                listeners.add(eventName);
            }
            if (listeners.contains("ALL")) {
                listeners = Set.of("ALL");
            }
            return new EventSelection(List.copyOf(subscriptions), Set.copyOf(listeners), Set.copyOf(subclasses));
        }

        /** CUSTOM events pass only when no subclass was named or theirs was; everything else was chosen by name. */
        boolean accepts(EslEvent event) {
            if (customSubclasses.isEmpty() || !"CUSTOM".equals(event.eventName())) {
                return true;
            }
            return customSubclasses.contains(event.eventSubclass());
        }
    }
}
