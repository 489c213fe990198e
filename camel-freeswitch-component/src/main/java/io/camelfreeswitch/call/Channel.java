package io.camelfreeswitch.call;

import io.camelfreeswitch.esl.CommandRejectedException;
import io.camelfreeswitch.esl.ConnectionState;
import io.camelfreeswitch.esl.EslConnection;
import io.camelfreeswitch.esl.EslEvent;
import io.camelfreeswitch.esl.Registration;
import io.camelfreeswitch.esl.internal.EslCommands;
import io.camelfreeswitch.esl.internal.Failures;
import io.camelfreeswitch.esl.internal.TransientEventListener;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/**
 * A FreeSWITCH channel seen through one ESL connection: its state follows the channel's events, and its actions are
 * commands on that connection. Obtain one with {@link #track(EslConnection, String, String)}, which starts listening
 * to the channel's events at once, so create it <em>before</em> sending the originate that creates the channel.
 * The connection must be subscribed to the channel events (CHANNEL_ANSWER, CHANNEL_HANGUP_COMPLETE, ...); the ring
 * group does that for its legs. From an outbound session, {@code Channel.track(session, session.uniqueId(), null)}
 * gives the caller's own channel (its events come through {@code myevents}).
 * <p>
 * The channel is over at its {@code CHANNEL_HANGUP_COMPLETE} (or {@code CHANNEL_DESTROY}), not at
 * {@code CHANNEL_HANGUP}: only then has FreeSWITCH finished with it, which is what load accounting needs.
 */
public final class Channel {

    private final EslConnection connection;
    private final String uuid;
    private final String destination;
    private final CompletableFuture<Channel> answered = new CompletableFuture<>();
    private final CompletableFuture<String> hungUp = new CompletableFuture<>();
    private final CompletableFuture<Channel> seen = new CompletableFuture<>();
    private final Registration registration;
    /** Where the futures users get complete, when its events are handled where nothing may block; else null. */
    private final Executor userLane;
    private volatile Registration stateRegistration;
    private volatile boolean missedEvents;
    private volatile String state = "CS_NEW";
    private volatile String answerState = "ringing";

    private Channel(EslConnection connection, String uuid, String destination, Executor lane, Executor userLane) {
        this.connection = Objects.requireNonNull(connection, "connection");
        this.userLane = userLane;
        this.uuid = Objects.requireNonNull(uuid, "uuid");
        this.destination = destination;
        TransientEventListener listener = this::onEvent; // reads the event during dispatch only
        this.registration = lane == null ? connection.addChannelListener(uuid, listener)
                : connection.addChannelListener(uuid, lane, listener);
        this.stateRegistration = lane == null ? connection.addStateListener(this::onConnectionState)
                : connection.addStateListener(lane, this::onConnectionState);
    }

    /**
     * While the connection is down the channel's events are lost, its CHANNEL_HANGUP_COMPLETE included: once it is
     * back, a channel that existed and that FreeSWITCH no longer knows is over. Without this a hung-up channel would
     * be tracked forever (its listener kept, {@link #hungUp()} never completed). A channel never seen is left to its
     * owner: its originate may still be under way.
     */
    private void onConnectionState(ConnectionState connectionState, Throwable cause) {
        if (connectionState == ConnectionState.DOWN || connectionState == ConnectionState.CONNECTING) {
            missedEvents = true;
        } else if (connectionState == ConnectionState.UP && missedEvents && !isHungUp()) {
            missedEvents = false;
            if (seen.isDone() && !seen.isCompletedExceptionally()) {
                EslCommands.uuidExists(uuid).api(connection).thenAccept(exists -> {
                    if (!exists) {
                        markHungUp("NORMAL_CLEARING");
                    }
                });
            }
        } else if (connectionState == ConnectionState.CLOSED) {
            stopWatchingConnection();
        }
    }

    /** Starts tracking the channel {@code uuid} on {@code connection}; {@code destination} may be {@code null}. */
    public static Channel track(EslConnection connection, String uuid, String destination) {
        return new Channel(connection, uuid, destination, null, null);
    }

    /**
     * As {@link #track(EslConnection, String, String)}, its events delivered on {@code lane}, one of the connection's;
     * the futures its public methods return complete on {@code userLane}, so that user code never runs on
     * {@code lane} (the I/O lane, where nothing may block).
     */
    static Channel track(EslConnection connection, String uuid, String destination, Executor lane,
                         Executor userLane) {
        return new Channel(connection, uuid, destination, Objects.requireNonNull(lane, "lane"),
                Objects.requireNonNull(userLane, "userLane"));
    }

    private void onEvent(EslEvent event) {
        seen.complete(this);
        String channelState = event.channelState();
        if (channelState != null) {
            state = channelState;
        }
        String newAnswerState = event.answerState();
        if (newAnswerState != null && !isHungUp()) {
            answerState = newAnswerState;
        }
        switch (event.eventName()) {
            case "CHANNEL_ANSWER" -> answered.complete(this);
            case "CHANNEL_HANGUP_COMPLETE", "CHANNEL_DESTROY" -> markHungUp(event.hangupCause());
            default -> {
                // other events (CHANNEL_HANGUP included: the channel is not finished yet) only update the state
            }
        }
    }

    /**
     * Records the end of the channel when it is learned other than from its events (a failed originate, a channel
     * FreeSWITCH no longer knows). Has no effect once the channel is known to be over.
     */
    void markHungUp(String cause) {
        if (hungUp.complete(cause == null ? "NORMAL_CLEARING" : cause)) {
            state = "CS_DESTROY";
            answerState = "hangup";
            registration.close();
            stopWatchingConnection();
            if (!seen.isDone() || !answered.isDone()) {
                ChannelHungUpException over = new ChannelHungUpException(uuid, hungUp.join());
                seen.completeExceptionally(over);
                answered.completeExceptionally(over);
            }
        }
    }

    private void stopWatchingConnection() {
        Registration watch = stateRegistration;
        if (watch != null) {
            watch.close();
        }
    }

    /** Stops listening to the channel's events without changing what is known about it. */
    void stopTracking() {
        registration.close();
        stopWatchingConnection();
    }

    public String uuid() {
        return uuid;
    }

    /** The dial string that created the channel, or {@code null} when it was not originated by us. */
    public String destination() {
        return destination;
    }

    public EslConnection connection() {
        return connection;
    }

    /** The last {@code Channel-State} seen ({@code CS_EXECUTE}, ...). */
    public String state() {
        return state;
    }

    /** The last {@code Answer-State} seen ({@code ringing}, {@code early}, {@code answered}, {@code hangup}). */
    public String answerState() {
        return answerState;
    }

    public boolean isAnswered() {
        return answered.isDone() && !answered.isCompletedExceptionally();
    }

    public boolean isHungUp() {
        return hungUp.isDone();
    }

    /** Completes with this channel when it answers; fails with {@link ChannelHungUpException} if it ends first. */
    public CompletableFuture<Channel> answered() {
        return forUser(answered);
    }

    /** Completes with the hang-up cause when the channel is over (its {@code CHANNEL_HANGUP_COMPLETE}). */
    public CompletableFuture<String> hungUp() {
        return forUser(hungUp);
    }

    /**
     * Completes when the first event about the channel arrives, i.e. when it exists on FreeSWITCH; fails with
     * {@link ChannelHungUpException} if it is known to be over first.
     */
    public CompletableFuture<Channel> seen() {
        return forUser(seen);
    }

    private <T> CompletableFuture<T> forUser(CompletableFuture<T> future) {
        // already complete: a copy, complete at once (a stage of the user's on that lane must not wait behind itself)
        return userLane == null || future.isDone() ? future.copy() : future.thenApplyAsync(value -> value, userLane);
    }

    /** As {@link #answered()}, completed where the channel's events are handled (its owner's lane). */
    CompletableFuture<Channel> answeredOnLane() {
        return answered.copy();
    }

    /** As {@link #hungUp()}, completed where the channel's events are handled (its owner's lane). */
    CompletableFuture<String> hungUpOnLane() {
        return hungUp.copy();
    }

    /** As {@link #seen()}, completed where the channel's events are handled (its owner's lane). */
    CompletableFuture<Channel> seenOnLane() {
        return seen.copy();
    }

    /**
     * Hangs the channel up with {@code cause}; completes when FreeSWITCH has accepted the command, or said the channel
     * no longer exists (it ended on its own meanwhile: what the caller wanted). In that case the channel counts as
     * hung up ({@link #hungUp()} completes with NORMAL_CLEARING unless its end was already heard) and stops listening
     * for its events, which will never come.
     */
    public CompletableFuture<Void> hangup(String cause) {
        if (isHungUp()) {
            return CompletableFuture.completedFuture(null);
        }
        return connection.hangup(uuid, cause).handle((ok, error) -> {
            Throwable reason = Failures.unwrap(error);
            if (reason == null) {
                return (Void) null;
            }
            if (reason instanceof CommandRejectedException rejected && isGone(rejected)) {
                markHungUp("NORMAL_CLEARING");
                return (Void) null;
            }
            throw reason instanceof RuntimeException runtime ? runtime : new CompletionException(reason);
        });
    }

    private static boolean isGone(CommandRejectedException rejected) {
        String text = rejected.replyText().toLowerCase(java.util.Locale.ROOT);
        return text.contains("invalid session id") || text.contains("no such channel");
    }

    /** Bridges this channel with {@code other} ({@code uuid_bridge}); both must be up on the same FreeSWITCH. */
    public CompletableFuture<Void> bridge(Channel other) {
        return EslCommands.uuidBridge(uuid, other.uuid()).bgapi(connection);
    }

    /** Runs a dialplan application on the channel; completes at its CHANNEL_EXECUTE_COMPLETE. */
    public CompletableFuture<EslEvent> execute(String application, String argument) {
        return connection.execute(uuid, application, argument);
    }

    /** Answers the channel (the {@code answer} application). */
    public CompletableFuture<EslEvent> answer() {
        return execute("answer", null);
    }

    @Override
    public String toString() {
        return "Channel[" + uuid + (destination == null ? "" : ", " + destination) + ", " + state + ", "
                + answerState + "]";
    }
}
