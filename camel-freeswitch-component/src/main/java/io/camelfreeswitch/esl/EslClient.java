package io.camelfreeswitch.esl;

import io.camelfreeswitch.esl.internal.EslCommands;
import io.camelfreeswitch.esl.internal.EslFrameDecoder;
import io.camelfreeswitch.esl.internal.EslMessage;
import io.camelfreeswitch.esl.internal.EslPipeline;
import io.camelfreeswitch.esl.internal.EslProtocolHandler;
import io.camelfreeswitch.esl.internal.SerialExecutor;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Inbound ESL client: we connect to FreeSWITCH (port 8021), authenticate, and keep the connection alive.
 *
 * <p>Life: {@link #connect(EslClientOptions)} (or {@link #start()}) opens the socket, answers {@code auth/request},
 * restores every remembered subscription and filter, then the state is {@link ConnectionState#UP}. When the socket
 * dies, pending commands, bgapi jobs and executions fail at once with {@link ConnectionLostException}, the state goes
 * DOWN, then CONNECTING, and the client retries with exponential back-off and jitter, forever unless
 * {@code maxReconnectAttempts} says otherwise; listeners are kept. A refused password is not retried: the state goes
 * DOWN with an {@link AuthenticationException}, the client stops reconnecting, and it must be closed and recreated
 * with the right credentials (retrying a wrong password would only fill FreeSWITCH's log and trip fail2ban).
 */
public final class EslClient extends AbstractEslConnection {
    private static final Logger LOG = LoggerFactory.getLogger(EslClient.class);
    private static final AtomicInteger CLIENT_IDS = new AtomicInteger();
    private static final Duration EXIT_GRACE = Duration.ofSeconds(2);

    private final EslClientOptions options;
    private final EventLoopGroup group;
    private final boolean ownsGroup;
    private final ExecutorService ownedExecutor;
    private final ReconnectWatchdog watchdog;
    private final EslHandshake handshake;
    private final CompletableFuture<EslClient> firstUp = new CompletableFuture<>();
    private final CompletableFuture<Void> closeFuture = new CompletableFuture<>();
    private final Object lifecycle = new Object();

    // guarded by lifecycle
    private boolean started;
    private boolean closed;
    private volatile boolean failFastOnFirstAttempt;
    private EslProtocolHandler current;

    private volatile EslProtocolHandler authenticated;
    /** The loop of the latest socket; the I/O lane runs there. */
    private volatile EventLoop socketLoop;

    private EslClient(EslClientOptions options, ExecutorService ownedExecutor, java.util.concurrent.Executor pool) {
        super(pool, options.requestTimeout(), options.eventFormat(), ConnectionState.DOWN);
        this.options = options;
        this.ownedExecutor = ownedExecutor;
        if (options.eventLoopGroup() != null) {
            this.group = options.eventLoopGroup();
            this.ownsGroup = false;
        } else {
            this.group = new MultiThreadIoEventLoopGroup(1,
                    new DefaultThreadFactory("esl-client-" + CLIENT_IDS.incrementAndGet(), true),
                    NioIoHandler.newFactory());
            this.ownsGroup = true;
        }
        this.watchdog = new ReconnectWatchdog(options, group);
        this.handshake = new EslHandshake(options, new HandshakeOutcome());
    }

    /** A client that is not connected yet; call {@link #start()}. */
    public static EslClient create(EslClientOptions options) {
        if (options.eventExecutor() != null) {
            return new EslClient(options, null, options.eventExecutor());
        }
        ExecutorService pool = Executors.newCachedThreadPool(new DefaultThreadFactory("esl-events", true));
        return new EslClient(options, pool, pool);
    }

    /**
     * Connects and authenticates. Fails (and closes the client) if that first attempt fails: with
     * {@link AuthenticationException} for refused credentials, {@link ConnectionLostException} naming host:port when
     * FreeSWITCH cannot be reached. Once up, the client reconnects by itself.
     */
    public static CompletableFuture<EslClient> connect(EslClientOptions options) {
        EslClient client = create(options);
        synchronized (client.lifecycle) {
            client.failFastOnFirstAttempt = true;
        }
        return client.start();
    }

    /**
     * Starts connecting; completes when the client is first UP. Unlike {@link #connect}, a failed first attempt is
     * retried like any lost connection (the future stays pending), except refused credentials, which fail it.
     */
    public CompletableFuture<EslClient> start() {
        synchronized (lifecycle) {
            if (closed) {
                return CompletableFuture.failedFuture(new ConnectionLostException("ESL client for "
                        + options.address() + " is closed"));
            }
            if (!started) {
                started = true;
                attempt();
            }
        }
        return firstUp;
    }

    public EslClientOptions options() {
        return options;
    }

    @Override
    String peer() {
        return options.address();
    }

    @Override
    EventLoop ioLoop() {
        EventLoop loop = socketLoop;
        return loop != null ? loop : group.isShuttingDown() ? null : group.next();
    }

    @Override
    EslProtocolHandler activeHandler() {
        EslProtocolHandler handler = authenticated;
        return handler != null && handler.isOpen() ? handler : null;
    }

    // ---- connecting ----

    /** Called with {@code lifecycle} held. */
    private void attempt() {
        watchdog.attempting();
        if (closed || watchdog.hasGivenUp()) {
            return;
        }
        if (state() != ConnectionState.CONNECTING) {
            setState(ConnectionState.CONNECTING, null);
        }
        EslProtocolHandler handler = new EslProtocolHandler(new SocketOwner(), completions, options.address());
        current = handler;
        Bootstrap bootstrap = new Bootstrap()
                .group(group)
                .channel(NioSocketChannel.class)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE,
                        options.connectTimeout().toMillis()))
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.SO_KEEPALIVE, true)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        socketLoop = ch.eventLoop();
                        EslPipeline.install(ch, new EslFrameDecoder(options.maxHeaderBlockBytes(),
                                options.maxBodyBytes(), true), handler);
                    }
                });
        ChannelFuture connecting;
        try {
            connecting = bootstrap.connect(options.host(), options.port());
        } catch (RuntimeException e) {
            attemptFailed(handler, new ConnectionLostException("cannot connect to ESL at " + options.address()
                    + ": " + e.getMessage(), e));
            return;
        }
        connecting.addListener((ChannelFuture f) -> {
            if (!f.isSuccess()) {
                Throwable cause = f.cause();
                attemptFailed(handler, new ConnectionLostException("cannot connect to ESL at " + options.address()
                        + ": " + (cause == null ? "cancelled" : cause.getMessage()), cause));
                return;
            }
            handshake.expectGreeting(f.channel(), handler, () -> authenticated == handler);
        });
    }

    private void attemptFailed(EslProtocolHandler handler, EslException cause) {
        boolean failFast;
        boolean gaveUp;
        int failedAttempts;
        synchronized (lifecycle) {
            if (current != handler || closed) {
                return;
            }
            current = null;
            failFast = failFastOnFirstAttempt && !firstUp.isDone();
            gaveUp = watchdog.attemptFailed(!failFast);
            failedAttempts = watchdog.failedAttempts();
        }
        LOG.debug("ESL connection attempt to {} failed: {}", options.address(), cause.getMessage());
        setState(ConnectionState.DOWN, cause);
        if (failFast) {
            // the caller learns why first; closing would otherwise report a bare "closed"
            completions.execute(() -> {
                firstUp.completeExceptionally(cause);
                closeAsync();
            });
            return;
        }
        if (gaveUp) {
            ConnectionLostException giveUp = new ConnectionLostException("gave up connecting to ESL at "
                    + options.address() + " after " + failedAttempts + " attempts", cause);
            completions.execute(() -> firstUp.completeExceptionally(giveUp));
            return;
        }
        scheduleReconnect();
    }

    private void scheduleReconnect() {
        synchronized (lifecycle) {
            if (closed || !watchdog.mayReconnect()) {
                return;
            }
            setState(ConnectionState.CONNECTING, state() == ConnectionState.DOWN ? stateCause() : null);
            watchdog.schedule(() -> {
                synchronized (lifecycle) {
                    attempt();
                }
            });
        }
    }

    /** Socket callbacks, all on the event loop. */
    private final class SocketOwner implements EslProtocolHandler.Owner {
        @Override
        public void onAuthRequest(EslProtocolHandler handler) {
            handshake.onAuthRequest(handler);
        }

        @Override
        public void onReply(EslProtocolHandler handler, EslMessage reply) {
            handshake.onReply(handler, reply);
        }

        @Override
        public void onEvent(EslProtocolHandler handler, EslEvent event) {
            dispatcher.dispatch(event);
        }

        @Override
        public void onDisconnectNotice(EslProtocolHandler handler, EslMessage notice) {
            LOG.debug("ESL at {} sent disconnect-notice: {}", options.address(), notice.bodyAsString().strip());
        }

        @Override
        public void onClosed(EslProtocolHandler handler, Throwable cause) {
            socketClosed(handler, cause);
        }
    }

    private final class HandshakeOutcome implements EslHandshake.Outcome {
        @Override
        public void accepted(EslProtocolHandler handler) {
            SubscriptionRestore restore = new SubscriptionRestore(EslClient.this, handler, requestTimeout);
            restore.run().thenRun(() -> {
                synchronized (lifecycle) {
                    if (closed || current != handler || !handler.isOpen()) {
                        return;
                    }
                    watchdog.resetAttempts();
                    authenticated = handler;
                }
                restore.sendAddedSince();
                setState(ConnectionState.UP, null);
                firstUp.complete(EslClient.this);
            });
        }

        @Override
        public void refusing(EslProtocolHandler handler) {
            // decided on the event loop: FreeSWITCH closes the socket right after -ERR, and that close must not be
            // mistaken for a lost connection worth retrying
            synchronized (lifecycle) {
                watchdog.giveUp();
            }
        }

        @Override
        public void refused(EslProtocolHandler handler, String replyText) {
            authenticationRefused(handler, replyText);
        }
    }

    private void authenticationRefused(EslProtocolHandler handler, String replyText) {
        AuthenticationException refused = new AuthenticationException("ESL at " + options.address() + " refused "
                + (options.user() == null ? "the password" : "userauth for " + options.user()) + ": "
                + (replyText == null ? "no Reply-Text" : replyText.strip())
                + "; not retrying (fix the credentials and create a new client)");
        synchronized (lifecycle) {
            watchdog.giveUp();
        }
        LOG.error(refused.getMessage());
        // only connect()'s first attempt closes the client; a refusal on a later reconnect leaves it DOWN with the
        // reason, as documented, so that health checks and listeners can still tell why
        boolean firstAttempt = !firstUp.isDone();
        setState(ConnectionState.DOWN, refused);
        firstUp.completeExceptionally(refused);
        handler.close();
        if (firstAttempt && failFastOnFirstAttempt) {
            closeAsync();
        }
    }

    private void socketClosed(EslProtocolHandler handler, Throwable cause) {
        boolean wasUp;
        synchronized (lifecycle) {
            wasUp = authenticated == handler;
            if (wasUp) {
                authenticated = null;
            }
        }
        ConnectionLostException lost = cause instanceof ConnectionLostException c ? c
                : new ConnectionLostException("connection to ESL at " + options.address() + " lost", cause);
        failPendingEvents(lost);
        synchronized (lifecycle) {
            if (closed) {
                return;
            }
            if (watchdog.hasGivenUp()) {
                current = null;
                return;
            }
        }
        if (wasUp) {
            LOG.warn("ESL connection to {} lost; reconnecting", options.address());
            synchronized (lifecycle) {
                current = null;
                watchdog.resetAttempts();
            }
            setState(ConnectionState.DOWN, lost);
            scheduleReconnect();
        } else {
            attemptFailed(handler, lost);
        }
    }

    // ---- closing ----

    /** Sends {@code exit}, closes the socket, fails what is pending and releases threads the client owns. */
    @Override
    public CompletableFuture<Void> closeAsync() {
        EslProtocolHandler handler;
        synchronized (lifecycle) {
            if (closed) {
                return closeFuture;
            }
            closed = true;
            watchdog.cancel();
            handler = current;
            current = null;
        }
        EslProtocolHandler up = authenticated;
        authenticated = null;
        CompletableFuture<?> exit = up != null && up.isOpen()
                ? up.send(EslCommands.exit(), EXIT_GRACE).handle((r, e) -> null)
                : CompletableFuture.completedFuture(null);
        exit.whenComplete((r, e) -> {
            CompletableFuture<Void> socketClosed = handler == null ? CompletableFuture.completedFuture(null)
                    : handler.closeAfterWrites(EXIT_GRACE);
            socketClosed.whenComplete((r2, e2) -> finishClose());
        });
        return closeFuture;
    }

    private void finishClose() {
        ConnectionLostException closedException = new ConnectionLostException("ESL client for " + options.address()
                + " was closed");
        failPendingEvents(closedException);
        firstUp.completeExceptionally(closedException);
        setState(ConnectionState.CLOSED, null, () -> {
            // the owned pool and group go last, after every queued event and completion ran
            if (ownsGroup) {
                group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            }
            closeFuture.complete(null);
            if (ownedExecutor != null) {
                ownedExecutor.shutdown();
            }
        });
    }

    @Override
    public String toString() {
        return "EslClient{" + options.address() + ", " + state() + '}';
    }
}
