package io.camelfreeswitch.esl;

import java.util.Collection;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * What the call model needs from an ESL socket, whether we connected to FreeSWITCH (inbound client) or FreeSWITCH
 * connected to us for one call (outbound session). Every call returns at once; none blocks, and none may be
 * waited on from a Netty event loop. Commands are written in call order and their replies correlated in that order.
 * Arguments containing CR, LF or other control characters are rejected with an {@link IllegalArgumentException}
 * naming the argument, so no caller can inject a second command.
 * <p>
 * A future completed by an event ({@code bgapi}'s BACKGROUND_JOB, {@code execute}'s CHANNEL_EXECUTE_COMPLETE) is
 * completed on that event's lane, right after the events before it: its dependent stages run there too, so they
 * must not block; use the {@code *Async} stages with an executor of your own for anything that may.
 * <p>
 * <b>Threads</b>: events are delivered on serial lanes ({@link #lane(String)}) of the connection's event executor,
 * never on a Netty event loop, except those of channels pinned to the {@link #ioLane()}, which are handled on the
 * event loop itself by code that never blocks (the ring groups).
 */
public interface EslConnection extends AutoCloseable {

    /**
     * {@code api <command>}. Completes with the body of the {@code api/response} as FreeSWITCH sent it (including
     * a {@code -ERR ...} text: api results are not judged here). Note that FreeSWITCH handles nothing else on the
     * socket until an api command has finished: prefer {@link #bgapi(String)} for anything slow.
     */
    CompletableFuture<String> api(String command);

    /**
     * {@code bgapi <command>} with a fresh client-chosen {@code Job-UUID}, registered before the write. Completes
     * with the body of the matching {@code BACKGROUND_JOB} when it starts with {@code +OK} (the text after
     * {@code +OK }, trimmed); fails with {@link CommandRejectedException} carrying the cause when it is
     * {@code -ERR <CAUSE>}.
     */
    default CompletableFuture<String> bgapi(String command) {
        return bgapi(command, java.util.UUID.randomUUID().toString());
    }

    /** As {@link #bgapi(String)}, with the caller's {@code Job-UUID}. */
    CompletableFuture<String> bgapi(String command, String jobUuid);

    /**
     * Adds event names ({@code CHANNEL_ANSWER}, {@code ALL}, {@code CUSTOM sofia::register}) to this connection's
     * subscription. Subscriptions are additive and remembered: they are restored after a reconnect. Completes when
     * FreeSWITCH has acknowledged them; names already subscribed cost no command.
     */
    CompletableFuture<Void> subscribe(Collection<String> eventNames);

    /** Removes event names from the subscription ({@code nixevent}). */
    CompletableFuture<Void> unsubscribe(Collection<String> eventNames);

    /** {@code filter <header> <value>}; remembered and restored after a reconnect. */
    CompletableFuture<Void> filter(String header, String value);

    /** {@code filter delete <header> <value>}. */
    CompletableFuture<Void> filterDelete(String header, String value);

    /**
     * Runs a dialplan application on a channel ({@code sendmsg} with {@code call-command: execute},
     * {@code event-lock: true} and a fresh {@code Event-UUID}); completes with the matching
     * {@code CHANNEL_EXECUTE_COMPLETE} event, subscribing to that event first if needed.
     */
    CompletableFuture<EslEvent> execute(String uuid, String application, String argument);

    /** {@code sendmsg <uuid>} with {@code call-command: hangup} and {@code hangup-cause}; completes on the reply. */
    CompletableFuture<Void> hangup(String uuid, String cause);

    /** {@code sendevent <name>} with the given headers and optional body; completes on the reply. */
    CompletableFuture<Void> sendEvent(String eventName, Map<String, String> headers, String body);

    /** Listens to events by {@code Event-Name}; {@code "ALL"} receives every event. */
    Registration addEventListener(String eventName, EslEventListener listener);

    /** Listens to the events of one channel (by {@code Unique-ID}; O(1) dispatch), in arrival order. */
    Registration addChannelListener(String uniqueId, EslEventListener listener);

    /**
     * As {@link #addChannelListener(String, EslEventListener)}, and while the listener is registered the channel's
     * events (and the {@code BACKGROUND_JOB} of a {@code bgapi} whose Job-UUID is {@code uniqueId}) are delivered
     * on {@code lane}, which must be one of this connection's lanes: its {@link #ioLane()} or a {@link #lane(String)}.
     * Whoever follows several channels (a ring group its legs) thus handles all their events and its own tasks one at
     * a time, in order, without a lock. Register before the channel can have events (before originating it with that
     * uuid). A channel already pinned stays on the lane it was pinned to first, until its last pinning listener is
     * closed; pinning it to another lane meanwhile fails with {@link IllegalStateException}.
     *
     * @throws IllegalArgumentException when {@code lane} is not a lane of this connection
     */
    Registration addChannelListener(String uniqueId, Executor lane, EslEventListener listener);

    /**
     * The lane events keyed {@code laneKey} are delivered on: it runs the tasks given to it one at a time, in order,
     * interleaved with those events, on the connection's event executor (never on a Netty event loop). Tasks must
     * not block: they hold up the events of every channel that shares the lane.
     */
    Executor lane(String laneKey);

    /**
     * The I/O lane: runs the tasks given to it one at a time, in order, on the event loop of the connection's
     * socket (the current one: after a reconnect, the new socket's loop), interleaved with the events of the
     * channels pinned to it, which it handles where they are read, with no hand-off to another thread. A task
     * queued from the loop while the lane is idle runs at once; one queued by a running task runs after it, never
     * inside it. While there is no socket to run on, and after the connection is closed, tasks still run (on a loop
     * of the connection's group, or on the thread that queues them): nothing given to the lane is refused or lost.
     * <p>
     * Tasks, and the dependent stages of futures they complete, must <em>never block</em>, not even briefly: they
     * hold up every frame of the socket, the replies to other users' commands included. Hand anything that may
     * block, and anything user code sees, to another executor (such as a {@link #lane(String)}).
     */
    Executor ioLane();

    /** Listens to state changes; the listener is told the current state at once. */
    Registration addStateListener(ConnectionStateListener listener);

    /**
     * As {@link #addStateListener(ConnectionStateListener)}, told on {@code lane}, one that runs its tasks one at a
     * time in order (its {@link #ioLane()}, a {@link #lane(String)}): the current state is queued there at once, and
     * a state overtaken on the way by a newer one is not told. Whoever lives on a lane hears of the connection in
     * turn with its own tasks, without a trip through another thread.
     */
    Registration addStateListener(Executor lane, ConnectionStateListener listener);

    ConnectionState state();

    /** Closes the connection ({@code exit}); pending calls fail. Completes when the socket is closed. */
    CompletableFuture<Void> closeAsync();

    @Override
    default void close() {
        closeAsync().join();
    }
}
