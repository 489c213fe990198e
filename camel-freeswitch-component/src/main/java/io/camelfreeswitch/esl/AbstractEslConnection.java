package io.camelfreeswitch.esl;

import io.camelfreeswitch.esl.internal.EslCommand;
import io.camelfreeswitch.esl.internal.EslCommands;
import io.camelfreeswitch.esl.internal.EslEvents;
import io.camelfreeswitch.esl.internal.EslMessage;
import io.camelfreeswitch.esl.internal.EslProtocolHandler;
import io.camelfreeswitch.esl.internal.EslReplies;
import io.camelfreeswitch.esl.internal.Failures;
import io.camelfreeswitch.esl.internal.SerialExecutor;
import io.camelfreeswitch.esl.internal.UrlDecoding;
import io.netty.channel.EventLoop;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * The commands both kinds of ESL connection offer (inbound client, outbound session), written over whatever socket
 * is current. Remembers subscriptions and filters so a reconnecting client can restore them, correlates
 * {@code bgapi} jobs (by Job-UUID) and {@code sendmsg execute} (by Event-UUID, echoed as Application-UUID), and
 * tells state listeners of every change in order, on one serial lane.
 */
abstract class AbstractEslConnection implements EslConnection {
    private static final Logger LOG = LoggerFactory.getLogger(AbstractEslConnection.class);
    protected final EventDispatcher dispatcher;
    protected final Executor completions;
    protected final Duration requestTimeout;
    protected final EventFormat eventFormat;
    private final AwaitedEvents awaited = new AwaitedEvents();
    private final Set<String> subscriptions = new LinkedHashSet<>();
    private final Map<String, String[]> filters = new LinkedHashMap<>();
    private final ConnectionStates states;

    AbstractEslConnection(Executor dispatchPool, Duration requestTimeout, EventFormat eventFormat,
                          ConnectionState initialState) {
        this.dispatcher = new EventDispatcher(dispatchPool, EventLoopLane.create(this::ioLoop),
                this::onEventInternally, this::awaits);
        // not a serial lane: a caller that joins one reply inside another's continuation must not deadlock
        this.completions = dispatchPool;
        this.requestTimeout = requestTimeout;
        this.eventFormat = eventFormat;
        this.states = new ConnectionStates(initialState, new SerialExecutor(dispatchPool), this::peer);
    }

    /** The socket commands go to now, or {@code null} when not usable. */
    abstract EslProtocolHandler activeHandler();

    /** host:port of the peer, for error messages. */
    abstract String peer();

    /** Makes sure CHANNEL_EXECUTE_COMPLETE events reach this connection (inbound: subscribe; outbound: myevents). */
    CompletableFuture<Void> ensureExecuteCompleteEvents() {
        return ensureSubscribed(AwaitedEvents.CHANNEL_EXECUTE_COMPLETE);
    }

    /** Sends the command on the current socket; completes with its reply as the command reads it. */
    <T> CompletableFuture<T> send(EslCommand<T> command, Duration timeout) {
        EslProtocolHandler handler = activeHandler();
        if (handler == null) {
            return CompletableFuture.failedFuture(new ConnectionLostException("not connected to ESL at " + peer()
                    + " (state " + state() + "); '" + command.description() + "' not sent"));
        }
        return handler.send(command, timeout).thenApply(command::reply);
    }

    <T> CompletableFuture<T> send(EslCommand<T> command) {
        return send(command, requestTimeout);
    }

    /**
     * As {@link #send(EslCommand)}, completed on the event loop (or at once when not connected): for acknowledgements
     * only the connection's own bookkeeping follows, which hands any failure to the caller through
     * {@link #failAsync}.
     */
    CompletableFuture<Void> sendAcknowledged(EslCommand<Void> command) {
        EslProtocolHandler handler = activeHandler();
        if (handler == null) {
            return send(command);
        }
        return handler.send(command, requestTimeout, true).thenApply(command::reply);
    }

    // ---- state ----

    @Override
    public ConnectionState state() {
        return states.state();
    }

    /** The cause given with the current state, if any. */
    Throwable stateCause() {
        return states.cause();
    }

    @Override
    public Registration addStateListener(ConnectionStateListener listener) {
        return states.addListener(listener);
    }

    @Override
    public Registration addStateListener(Executor lane, ConnectionStateListener listener) {
        return states.addListener(lane, listener);
    }

    /** See {@link ConnectionStates#set(ConnectionState, Throwable, Runnable)}. */
    boolean setState(ConnectionState newState, Throwable cause, Runnable afterwards) {
        return states.set(newState, cause, afterwards);
    }

    boolean setState(ConnectionState newState, Throwable cause) {
        return setState(newState, cause, null);
    }

    // ---- api / bgapi ----

    @Override
    public CompletableFuture<String> api(String command) {
        return api(command, requestTimeout);
    }

    /** As {@link #api(String)} with its own timeout (long-running api commands such as a blocking originate). */
    public CompletableFuture<String> api(String command, Duration timeout) {
        return send(EslCommands.api(command), timeout);
    }

    @Override
    public CompletableFuture<String> bgapi(String command, String jobUuid) {
        EslCommand<Void> bgapi = EslCommands.bgapi(command, jobUuid);
        CompletableFuture<String> result = new CompletableFuture<>();
        if (!awaited.addJob(jobUuid, new AwaitedEvents.PendingJob(bgapi.description(), result))) {
            throw new IllegalArgumentException("jobUuid " + jobUuid + " is already pending");
        }
        ensureSubscribed(AwaitedEvents.BACKGROUND_JOB);
        sendAcknowledged(bgapi).whenComplete((reply, failure) -> {
            if (failure != null) {
                awaited.dropJob(jobUuid);
                failAsync(result, Failures.unwrap(failure));
            }
        });
        return result;
    }

    // ---- subscriptions and filters ----

    @Override
    public CompletableFuture<Void> subscribe(Collection<String> eventNames) {
        List<String> added = new ArrayList<>();
        for (String name : validatedNames(eventNames)) {
            synchronized (subscriptions) {
                if (subscriptions.add(name)) {
                    added.add(name);
                }
            }
        }
        if (added.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        return send(EslCommands.event(eventFormat, added));
    }

    @Override
    public CompletableFuture<Void> unsubscribe(Collection<String> eventNames) {
        List<String> names = validatedNames(eventNames);
        synchronized (subscriptions) {
            subscriptions.removeAll(names);
        }
        if (names.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        return send(EslCommands.nixevent(names));
    }

    CompletableFuture<Void> ensureSubscribed(String eventName) {
        synchronized (subscriptions) {
            if (subscriptions.contains(eventName) || subscriptions.contains("ALL")) {
                return CompletableFuture.completedFuture(null);
            }
        }
        return subscribe(List.of(eventName)).exceptionally(failure -> {
            LOG.debug("Could not subscribe to {} on {}: {}", eventName, peer(), failure.getMessage());
            return null;
        });
    }

    private static List<String> validatedNames(Collection<String> eventNames) {
        if (eventNames == null) {
            throw new IllegalArgumentException("eventNames must not be null");
        }
        List<String> names = new ArrayList<>(eventNames.size());
        for (String name : eventNames) {
            names.add(EslCommands.requireToken("eventNames", name).strip());
        }
        return names;
    }

    @Override
    public CompletableFuture<Void> filter(String header, String value) {
        EslCommand<Void> filter = EslCommands.filter(header, value);
        synchronized (filters) {
            filters.put(header + '\u0000' + value, new String[] {header, value});
        }
        return send(filter);
    }

    @Override
    public CompletableFuture<Void> filterDelete(String header, String value) {
        EslCommand<Void> delete = EslCommands.filterDelete(header, value);
        synchronized (filters) {
            filters.remove(header + '\u0000' + value);
        }
        return send(delete);
    }

    /** The remembered subscriptions, in the order they were added. */
    List<String> subscriptionsSnapshot() {
        synchronized (subscriptions) {
            return new ArrayList<>(subscriptions);
        }
    }

    /** The remembered filters as {header, value} pairs. */
    List<String[]> filtersSnapshot() {
        synchronized (filters) {
            return new ArrayList<>(filters.values());
        }
    }

    // ---- sendmsg / sendevent ----

    @Override
    public CompletableFuture<EslEvent> execute(String uuid, String application, String argument) {
        EslCommands.requireToken("uuid", uuid);
        return executeOn(uuid, application, argument);
    }

    /** {@code uuid == null} sends a bare {@code sendmsg} (the outbound socket's own channel). */
    CompletableFuture<EslEvent> executeOn(String uuid, String application, String argument) {
        String eventUuid = UUID.randomUUID().toString();
        EslCommand<Void> execute = EslCommands.execute(uuid, application, argument, eventUuid);
        CompletableFuture<EslEvent> result = new CompletableFuture<>();
        awaited.addExecution(eventUuid, result);
        ensureExecuteCompleteEvents();
        sendAcknowledged(execute).whenComplete((reply, failure) -> {
            if (failure != null) {
                awaited.dropExecution(eventUuid);
                failAsync(result, Failures.unwrap(failure));
            }
        });
        return result;
    }

    @Override
    public CompletableFuture<Void> hangup(String uuid, String cause) {
        EslCommands.requireToken("uuid", uuid);
        return hangupOn(uuid, cause);
    }

    CompletableFuture<Void> hangupOn(String uuid, String cause) {
        return send(EslCommands.hangup(uuid, cause));
    }

    @Override
    public CompletableFuture<Void> sendEvent(String eventName, Map<String, String> headers, String body) {
        return send(EslCommands.sendevent(eventName, headers, body));
    }

    // ---- listeners ----

    @Override
    public Registration addEventListener(String eventName, EslEventListener listener) {
        return dispatcher.addEventListener(eventName, listener);
    }

    @Override
    public Registration addChannelListener(String uniqueId, EslEventListener listener) {
        return dispatcher.addChannelListener(uniqueId, listener);
    }

    @Override
    public Registration addChannelListener(String uniqueId, Executor lane, EslEventListener listener) {
        return dispatcher.addChannelListener(uniqueId, lane, listener);
    }

    @Override
    public Executor ioLane() {
        return dispatcher.ioLane();
    }

    /** The event loop of the current socket, or of the group it will be on; {@code null} when there is none. */
    abstract EventLoop ioLoop();

    @Override
    public Executor lane(String laneKey) {
        return dispatcher.lane(laneKey);
    }

    // ---- events and failures ----

    /**
     * Runs on the event's dispatch lane, before the listeners. {@code userLane}: where a user's future the event
     * completes is completed (in order with the channel's events there), when the dispatch lane is the event loop.
     */
    private void onEventInternally(EslEvent event, Executor userLane) {
        String name = event.eventName();
        if (AwaitedEvents.BACKGROUND_JOB.equals(name)) {
            AwaitedEvents.PendingJob job = awaited.takeJob(event);
            if (job != null) {
                // completed here, on the event's lane (EslConnection: dependents must not block), so whoever
                // follows this job on the same lane (a ring group's leg) goes on without a hand-off to another thread
                try {
                    job.future().complete(EslReplies.result(job.command(), event.body()));
                } catch (CommandRejectedException rejected) {
                    job.future().completeExceptionally(rejected);
                }
            }
        } else if (AwaitedEvents.CHANNEL_EXECUTE_COMPLETE.equals(name)) {
            CompletableFuture<EslEvent> execution = awaited.takeExecution(event);
            if (execution != null) {
                EslEvent kept = EslEvents.keep(event); // outlives the dispatch
                if (userLane != null) {
                    userLane.execute(() -> execution.complete(kept)); // the caller's stages never run on the loop
                } else {
                    execution.complete(kept);
                }
            }
        }
        onEvent(event);
    }

    /** Hook for subclasses, on the event's lane. */
    void onEvent(EslEvent event) {
    }

    /** Whether this connection waits for {@code event} (a job, an execution, what a subclass follows); on the loop. */
    private boolean awaits(EslEvent event) {
        return awaited.awaits(event) || follows(event);
    }

    /** Whether {@link #onEvent} needs {@code event}; on the event loop, must be cheap. */
    boolean follows(EslEvent event) {
        return false;
    }

    /** Fails bgapi jobs and executions waiting for events that the lost socket will never deliver. */
    void failPendingEvents(Throwable cause) {
        awaited.takeAll().forEach(pending -> failAsync(pending, cause));
    }

    <T> void completeAsync(CompletableFuture<T> future, T value) {
        try {
            completions.execute(() -> future.complete(value));
        } catch (java.util.concurrent.RejectedExecutionException e) {
            future.complete(value);
        }
    }

    void failAsync(CompletableFuture<?> future, Throwable cause) {
        try {
            completions.execute(() -> future.completeExceptionally(cause));
        } catch (java.util.concurrent.RejectedExecutionException e) {
            future.completeExceptionally(cause);
        }
    }
}
