package io.camelfreeswitch.esl.internal;

import io.camelfreeswitch.esl.ConnectionLostException;
import io.camelfreeswitch.esl.EslDecoderException;
import io.camelfreeswitch.esl.EslEvent;
import io.camelfreeswitch.esl.EslTimeoutException;

import io.camelfreeswitch.esl.internal.EslMessage;
import io.camelfreeswitch.esl.internal.EslEvents;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.EventLoop;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.util.concurrent.ScheduledFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * One ESL socket: writes commands and matches replies to them. FreeSWITCH answers commands strictly in order, so
 * a single FIFO per socket is the whole correlation; both enqueue and write happen on the event loop so the queue
 * order is the wire order. A timed-out command fails its caller but keeps its slot: its late reply is consumed
 * there and later replies still reach their own commands. Futures are completed on {@code completions}, never on
 * the event loop, so callers' continuations cannot block it.
 */
public final class EslProtocolHandler extends SimpleChannelInboundHandler<EslMessage> {
    private static final Logger LOG = LoggerFactory.getLogger(EslProtocolHandler.class);

    /** What the connection owning this socket is told; all calls happen on the event loop. */
    public interface Owner {
        default void onActive(EslProtocolHandler handler) {
        }

        void onAuthRequest(EslProtocolHandler handler);

        /** A reply arrived, before the future of its command completes (elsewhere). */
        default void onReply(EslProtocolHandler handler, EslMessage reply) {
        }

        void onEvent(EslProtocolHandler handler, EslEvent event);

        void onDisconnectNotice(EslProtocolHandler handler, EslMessage notice);

        /** The socket closed; every pending command has already failed. */
        void onClosed(EslProtocolHandler handler, Throwable cause);
    }

    private static final class PendingReply {
        final String description;
        final CompletableFuture<EslMessage> future;
        final boolean onLoop;
        ScheduledFuture<?> timeout;

        PendingReply(String description, CompletableFuture<EslMessage> future, boolean onLoop) {
            this.description = description;
            this.future = future;
            this.onLoop = onLoop;
        }
    }

    private final Owner owner;
    private final Executor completions;
    private final String peer;
    private final ArrayDeque<PendingReply> pending = new ArrayDeque<>();
    private volatile Channel channel;
    private volatile boolean closed;
    private Throwable failure;

    public EslProtocolHandler(Owner owner, Executor completions, String peer) {
        this.owner = owner;
        this.completions = completions;
        this.peer = peer;
    }

    public String peer() {
        return peer;
    }

    public Channel channel() {
        return channel;
    }

    public boolean isOpen() {
        Channel ch = channel;
        return ch != null && ch.isActive() && !closed;
    }

    /** Writes the command and completes with its reply frame, unjudged; errors name its description. */
    public CompletableFuture<EslMessage> send(EslCommand<?> command, Duration timeout) {
        return send(command, timeout, false);
    }

    /**
     * As {@link #send(EslCommand, Duration)}; with {@code onLoop} the future completes on the event loop itself,
     * sparing a thread hand-off per reply, so its dependent stages must never block (the library's own bookkeeping:
     * a {@code bgapi} acknowledgement that only matters when it fails).
     */
    public CompletableFuture<EslMessage> send(EslCommand<?> command, Duration timeout, boolean onLoop) {
        String description = command.description();
        String wire = command.wire();
        CompletableFuture<EslMessage> future = new CompletableFuture<>();
        Channel ch = channel;
        if (ch == null || closed) {
            future.completeExceptionally(notConnected(description));
            return future;
        }
        EventLoop loop = ch.eventLoop();
        PendingReply reply = new PendingReply(description, future, onLoop);
        if (loop.inEventLoop()) {
            write(ch, wire, timeout, reply);
        } else {
            try {
                loop.execute(() -> write(ch, wire, timeout, reply));
            } catch (RejectedExecutionException e) {
                future.completeExceptionally(notConnected(description));
            }
        }
        return future;
    }

    private void write(Channel ch, String wire, Duration timeout, PendingReply reply) {
        String description = reply.description;
        if (closed || !ch.isActive()) {
            fail(reply, notConnected(description));
            return;
        }
        pending.add(reply);
        if (timeout != null && !timeout.isZero() && !timeout.isNegative()) {
            reply.timeout = ch.eventLoop().schedule(() -> fail(reply,
                    new EslTimeoutException("no reply from " + peer + " to '" + description + "' within "
                            + timeout.toMillis() + " ms")), timeout.toNanos(), TimeUnit.NANOSECONDS);
        }
        ch.writeAndFlush(ByteBufUtil.writeUtf8(ch.alloc(), wire)).addListener(written -> {
            if (!written.isSuccess()) {
                LOG.debug("ESL write to {} failed; closing", peer, written.cause());
                ch.close();
            }
        });
    }

    /** Closes the socket, giving the reason pending commands will see. */
    public void closeWith(Throwable reason) {
        Channel ch = channel;
        if (ch == null) {
            return;
        }
        ch.eventLoop().execute(() -> {
            if (failure == null) {
                failure = reason;
            }
            LOG.warn("Closing ESL connection to {}: {}", peer, reason.getMessage());
            ch.close();
        });
    }

    /**
     * Closes the socket once every command written so far has left it: Netty drops writes still queued when a channel
     * closes, and a hang-up dropped there leaves a phone ringing. A peer that stopped reading cannot keep the socket
     * open past {@code grace}. Completes when the socket is closed.
     */
    public CompletableFuture<Void> closeAfterWrites(Duration grace) {
        CompletableFuture<Void> closed = new CompletableFuture<>();
        Channel ch = channel;
        if (ch == null) {
            closed.complete(null);
            return closed;
        }
        ch.closeFuture().addListener(f -> closed.complete(null));
        Runnable flushThenClose = () -> {
            ScheduledFuture<?> stuck = ch.eventLoop().schedule(() -> ch.close(), grace.toNanos(),
                    TimeUnit.NANOSECONDS);
            // the empty write completes after every earlier write on this channel has been flushed (or failed)
            ch.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(flushed -> {
                stuck.cancel(false);
                ch.close();
            });
        };
        try {
            ch.eventLoop().execute(flushThenClose);
        } catch (RejectedExecutionException e) {
            ch.close(); // the event loop is gone, and with it anything it had not written
        }
        return closed;
    }

    /** Closes the socket; pending commands fail with ConnectionLostException. */
    public void close() {
        Channel ch = channel;
        if (ch != null) {
            ch.close();
        }
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        channel = ctx.channel();
        owner.onActive(this);
        super.channelActive(ctx);
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        channel = ctx.channel();
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, EslMessage message) {
        String type = message.contentType();
        if (type == null) {
            LOG.debug("ESL frame without Content-Type from {} ignored: {}", peer, message);
            return;
        }
        switch (type) {
            case "command/reply", "api/response" -> completeNext(message);
            case "text/event-plain", "text/event-json", "text/event-xml" -> {
                EslEvent event;
                try {
                    event = EslEvents.fromMessage(message);
                } catch (EslDecoderException e) {
                    LOG.warn("Unreadable ESL event from {} dropped: {}", peer, e.getMessage());
                    return;
                }
                owner.onEvent(this, event);
            }
            case "auth/request" -> owner.onAuthRequest(this);
            case "text/disconnect-notice" -> owner.onDisconnectNotice(this, message);
            default -> LOG.debug("ESL frame of type {} from {} ignored", type, peer);
        }
    }

    private void completeNext(EslMessage message) {
        PendingReply reply = pending.poll();
        if (reply == null) {
            LOG.warn("ESL reply from {} matches no command, ignored: {}", peer, message);
            return;
        }
        if (reply.timeout != null) {
            reply.timeout.cancel(false);
        }
        owner.onReply(this, message);
        if (reply.onLoop) {
            reply.future.complete(message);
        } else if (!reply.future.isDone()) {
            try {
                completions.execute(() -> reply.future.complete(message));
            } catch (RejectedExecutionException e) {
                reply.future.complete(message);
            }
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        closed = true;
        ConnectionLostException lost = new ConnectionLostException("connection to ESL at " + peer + " lost"
                + (failure == null ? "" : ": " + failure.getMessage()), failure);
        PendingReply reply;
        while ((reply = pending.poll()) != null) {
            if (reply.timeout != null) {
                reply.timeout.cancel(false);
            }
            fail(reply, lost);
        }
        owner.onClosed(this, lost);
        super.channelInactive(ctx);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (failure == null) {
            failure = cause;
        }
        if (cause instanceof EslDecoderException) {
            LOG.warn("Closing ESL connection to {}: {}", peer, cause.getMessage());
        } else {
            LOG.debug("Closing ESL connection to {} after an error", peer, cause);
        }
        ctx.close();
    }

    private void fail(PendingReply reply, Throwable cause) {
        CompletableFuture<?> future = reply.future;
        if (future.isDone()) {
            return;
        }
        if (reply.onLoop) {
            future.completeExceptionally(cause);
            return;
        }
        try {
            completions.execute(() -> future.completeExceptionally(cause));
        } catch (RejectedExecutionException e) {
            future.completeExceptionally(cause);
        }
    }

    private ConnectionLostException notConnected(String description) {
        return new ConnectionLostException("not connected to ESL at " + peer + "; '" + description + "' not sent");
    }
}
