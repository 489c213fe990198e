package io.camelfreeswitch.esl;

import io.camelfreeswitch.esl.internal.EslCommand;
import io.camelfreeswitch.esl.internal.EslCommands;
import io.camelfreeswitch.esl.internal.EslEvents;
import io.camelfreeswitch.esl.internal.EslMessage;
import io.camelfreeswitch.esl.internal.EslProtocolHandler;
import io.camelfreeswitch.esl.internal.SerialExecutor;
import io.netty.channel.EventLoop;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * One call handed to us by FreeSWITCH over an outbound socket ({@code socket host:port async full}). After
 * {@code connect}, {@link #channelData()} holds the channel's CHANNEL_DATA and {@link #uniqueId()} its uuid. Every
 * {@link EslConnection} command works on this socket too ({@code api}/{@code bgapi} included); the session-specific
 * ones act on its own channel. There is no reconnect: when the socket closes the session is over.
 */
public final class OutboundSession extends AbstractEslConnection {
    private static final Logger LOG = LoggerFactory.getLogger(OutboundSession.class);
    private static final Duration EXIT_GRACE = Duration.ofSeconds(2);

    private final EslProtocolHandler handler;
    private final String peer;
    private final CompletableFuture<String> ended = new CompletableFuture<>();
    private final CompletableFuture<Void> closed = new CompletableFuture<>();
    private volatile EslEvent channelData;
    private volatile String uniqueId;
    private volatile String lastHangupCause;
    private volatile boolean myEventsSent;
    private volatile boolean lingering;

    OutboundSession(Executor pool, Duration requestTimeout, EventFormat eventFormat, String peer) {
        super(pool, requestTimeout, eventFormat, ConnectionState.CONNECTING);
        this.peer = peer;
        this.handler = new EslProtocolHandler(new SocketOwner(), completions, peer);
    }

    EslProtocolHandler protocolHandler() {
        return handler;
    }

    /** Sends {@code connect}; completes with the CHANNEL_DATA of the call. */
    CompletableFuture<EslEvent> connect() {
        EslCommand<EslMessage> connect = EslCommands.connect();
        return handler.send(connect, requestTimeout).thenApply(reply -> {
            EslEvent data = EslEvents.fromHeaderBlock(connect.reply(reply));
            channelData = data;
            uniqueId = data.uniqueId();
            setState(ConnectionState.UP, null);
            return data;
        });
    }

    /** The CHANNEL_DATA FreeSWITCH sent in reply to {@code connect}: every channel variable of the call. */
    public EslEvent channelData() {
        return channelData;
    }

    /** Unique-ID of the call's channel. */
    public String uniqueId() {
        return uniqueId;
    }

    /** {@code myevents <format>}: this socket receives every event of its own channel. */
    public CompletableFuture<Void> myevents() {
        myEventsSent = true;
        return send(EslCommands.myevents(eventFormat));
    }

    /** {@code linger}: keep the socket open after hang-up until we send {@code exit}, so no final event is lost. */
    public CompletableFuture<Void> linger() {
        lingering = true;
        return send(EslCommands.linger());
    }

    /** {@code linger <seconds>}: as {@link #linger()}, but FreeSWITCH closes the socket after that time. */
    public CompletableFuture<Void> linger(Duration time) {
        lingering = true;
        return send(EslCommands.linger(time));
    }

    /** {@code divert_events on|off}: also receive events the channel's own applications would consume. */
    public CompletableFuture<Void> divertEvents(boolean on) {
        return send(EslCommands.divertEvents(on));
    }

    /**
     * Runs an application on this call (bare {@code sendmsg}, {@code event-lock: true}, fresh {@code Event-UUID});
     * completes with its CHANNEL_EXECUTE_COMPLETE. Sends {@code myevents} first if it was not sent yet.
     */
    public CompletableFuture<EslEvent> execute(String application, String argument) {
        return executeOn(null, application, argument);
    }

    /** Hangs this call up with the given cause (bare {@code sendmsg}, {@code call-command: hangup}). */
    public CompletableFuture<Void> hangup(String cause) {
        return hangupOn(null, cause);
    }

    /**
     * Completes when the call is over: at its CHANNEL_HANGUP_COMPLETE (needs {@link #myevents()}), at the
     * {@code text/disconnect-notice}, or when the socket closes, whichever comes first. The value is the hangup
     * cause when FreeSWITCH told it (CHANNEL_HANGUP or CHANNEL_HANGUP_COMPLETE), else {@code null}.
     */
    public CompletableFuture<String> ended() {
        return ended;
    }

    @Override
    CompletableFuture<Void> ensureExecuteCompleteEvents() {
        return myEventsSent ? CompletableFuture.completedFuture(null) : myevents();
    }

    @Override
    EslProtocolHandler activeHandler() {
        return handler.isOpen() ? handler : null;
    }

    @Override
    EventLoop ioLoop() {
        io.netty.channel.Channel channel = handler.channel();
        return channel == null ? null : channel.eventLoop();
    }

    @Override
    String peer() {
        return peer;
    }

    @Override
    boolean follows(EslEvent event) {
        String id = uniqueId;
        return id != null && id.equals(event.uniqueId());
    }

    @Override
    void onEvent(EslEvent event) {
        String id = uniqueId;
        if (id == null || !id.equals(event.uniqueId())) {
            return;
        }
        String name = event.eventName();
        if ("CHANNEL_HANGUP".equals(name) || "CHANNEL_HANGUP_COMPLETE".equals(name)) {
            String cause = event.hangupCause();
            if (cause != null) {
                lastHangupCause = cause;
            }
            if ("CHANNEL_HANGUP_COMPLETE".equals(name)) {
                completeAsync(ended, lastHangupCause);
            }
        }
    }

    /** Sends {@code exit} and closes the socket; completes once it is closed. */
    @Override
    public CompletableFuture<Void> closeAsync() {
        if (handler.isOpen()) {
            handler.send(EslCommands.exit(), EXIT_GRACE)
                    .whenComplete((reply, failure) -> handler.closeAfterWrites(EXIT_GRACE));
        } else {
            handler.close();
        }
        return closed;
    }

    /** Closes the socket at once, without {@code exit}. */
    void abort() {
        handler.close();
    }

    private final class SocketOwner implements EslProtocolHandler.Owner {
        @Override
        public void onAuthRequest(EslProtocolHandler h) {
            LOG.warn("auth/request on an outbound socket from {}: not FreeSWITCH's outbound mode; closing", peer);
            h.close();
        }

        @Override
        public void onEvent(EslProtocolHandler h, EslEvent event) {
            dispatcher.dispatch(event);
        }

        @Override
        public void onDisconnectNotice(EslProtocolHandler h, EslMessage notice) {
            LOG.debug("disconnect-notice on outbound session {} ({})", uniqueId, notice.header("Content-Disposition"));
            // the channel is gone; with linger the socket stays open until we say exit. Ordered after the events
            // already dispatched for this channel by going through the channel's own lane.
            String id = uniqueId;
            dispatcher.lane(id).execute(() -> completeAsync(ended, lastHangupCause));
        }

        @Override
        public void onClosed(EslProtocolHandler h, Throwable cause) {
            failPendingEvents(cause);
            String id = uniqueId;
            dispatcher.lane(id).execute(() -> {
                completeAsync(ended, lastHangupCause);
                completeAsync(closed, null);
            });
            setState(ConnectionState.CLOSED, null);
        }
    }

    boolean isLingering() {
        return lingering;
    }

    @Override
    public String toString() {
        return "OutboundSession{" + uniqueId + " from " + peer + ", " + state() + '}';
    }
}
