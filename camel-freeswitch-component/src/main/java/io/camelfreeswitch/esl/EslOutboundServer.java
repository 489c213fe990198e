package io.camelfreeswitch.esl;

import io.camelfreeswitch.esl.internal.EslCommands;
import io.camelfreeswitch.esl.internal.EslFrameDecoder;
import io.camelfreeswitch.esl.internal.EslPipeline;
import io.camelfreeswitch.esl.internal.Failures;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The server FreeSWITCH connects to for outbound sockets (dialplan {@code socket host:port async full}). For each
 * connection it sends {@code connect}, reads the CHANNEL_DATA reply and hands an {@link OutboundSession} to the
 * {@link OutboundSessionHandler} on a worker thread. Binds 127.0.0.1 unless told otherwise: whoever reaches this port
 * can pose as FreeSWITCH, so listen wider only with an allow-list of peers.
 */
public final class EslOutboundServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EslOutboundServer.class);

    private final Builder config;
    private final EventLoopGroup bossGroup;
    private final EventLoopGroup workerGroup;
    private final boolean ownsGroups;
    private final Executor pool;
    private final ExecutorService ownedPool;
    private final Set<OutboundSession> sessions = ConcurrentHashMap.newKeySet();
    private volatile Channel serverChannel;
    private final CompletableFuture<Void> closeFuture = new CompletableFuture<>();
    private volatile boolean closing;

    private EslOutboundServer(Builder config) {
        this.config = config;
        if (config.eventLoopGroup != null) {
            bossGroup = config.eventLoopGroup;
            workerGroup = config.eventLoopGroup;
            ownsGroups = false;
        } else {
            bossGroup = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("esl-outbound-accept", true),
                    NioIoHandler.newFactory());
            workerGroup = new MultiThreadIoEventLoopGroup(config.ioThreads,
                    new DefaultThreadFactory("esl-outbound-io", true), NioIoHandler.newFactory());
            ownsGroups = true;
        }
        if (config.executor != null) {
            pool = config.executor;
            ownedPool = null;
        } else {
            ownedPool = Executors.newCachedThreadPool(new DefaultThreadFactory("esl-outbound-session", true));
            pool = ownedPool;
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Binds; completes with this server once it listens. */
    public CompletableFuture<EslOutboundServer> start() {
        CompletableFuture<EslOutboundServer> started = new CompletableFuture<>();
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(bossGroup, workerGroup)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        accept(ch);
                    }
                });
        bootstrap.bind(config.host, config.port).addListener(f -> {
            if (f.isSuccess()) {
                serverChannel = ((io.netty.channel.ChannelFuture) f).channel();
                LOG.info("ESL outbound server listening on {}", serverChannel.localAddress());
                started.complete(this);
            } else {
                started.completeExceptionally(new ConnectionLostException("cannot listen for ESL outbound sockets on "
                        + config.host + ":" + config.port + ": " + f.cause().getMessage(), f.cause()));
                closeAsync();
            }
        });
        return started;
    }

    private void accept(SocketChannel ch) {
        InetSocketAddress remote = ch.remoteAddress();
        String peer = remote.getAddress().getHostAddress() + ":" + remote.getPort();
        if (closing || !allowed(remote.getAddress())) {
            LOG.warn("ESL outbound connection from {} refused ({})", peer, closing ? "closing" : "not allowed");
            ch.close();
            return;
        }
        OutboundSession session = new OutboundSession(pool, config.requestTimeout, config.eventFormat, peer);
        sessions.add(session);
        session.ended().whenComplete((cause, e) -> LOG.debug("Outbound call {} ended: {}", session.uniqueId(), cause));
        ch.closeFuture().addListener(f -> sessions.remove(session));
        EslPipeline.install(ch, new EslFrameDecoder(config.maxHeaderBlockBytes, config.maxBodyBytes, true),
                session.protocolHandler());
        ch.eventLoop().execute(() -> session.connect().whenComplete((data, failure) -> {
            if (failure != null) {
                LOG.warn("ESL outbound connect with {} failed: {}", peer, Failures.unwrap(failure)
                        .getMessage());
                session.abort();
                return;
            }
            pool.execute(() -> runHandler(session));
        }));
    }

    private void runHandler(OutboundSession session) {
        CompletionStage<?> stage;
        try {
            stage = config.handler.onSession(session);
        } catch (Throwable t) {
            LOG.warn("Outbound session handler failed for {}", session.uniqueId(), t);
            session.closeAsync();
            return;
        }
        if (stage == null) {
            session.closeAsync();
            return;
        }
        stage.whenComplete((result, failure) -> {
            if (failure != null) {
                LOG.warn("Outbound session handler for {} completed with an error", session.uniqueId(), failure);
            }
            session.closeAsync();
        });
    }

    private boolean allowed(InetAddress address) {
        return config.allowedPeers.isEmpty() || config.allowedPeers.contains(address);
    }

    /** The port listened on (useful with port 0). */
    public int port() {
        Channel ch = serverChannel;
        if (ch == null) {
            throw new IllegalStateException("not started");
        }
        return ((InetSocketAddress) ch.localAddress()).getPort();
    }

    /** Sessions currently open. */
    public Set<OutboundSession> sessions() {
        return Set.copyOf(sessions);
    }

    /** Stops listening, closes every open session ({@code exit}) and releases owned threads. */
    public CompletableFuture<Void> closeAsync() {
        if (closing) {
            return closeFuture;
        }
        closing = true;
        Channel ch = serverChannel;
        CompletableFuture<Void> unbound = new CompletableFuture<>();
        if (ch != null) {
            ch.close().addListener(f -> unbound.complete(null));
        } else {
            unbound.complete(null);
        }
        unbound.thenCompose(v -> CompletableFuture.allOf(sessions.stream().map(OutboundSession::closeAsync)
                        .toArray(CompletableFuture[]::new)).orTimeout(5, TimeUnit.SECONDS)
                        .exceptionally(e -> null))
                .whenComplete((v, e) -> {
                    if (ownsGroups) {
                        bossGroup.shutdownGracefully(0, 1, TimeUnit.SECONDS);
                        workerGroup.shutdownGracefully(0, 1, TimeUnit.SECONDS);
                    }
                    if (ownedPool != null) {
                        ownedPool.shutdown();
                    }
                    closeFuture.complete(null);
                });
        return closeFuture;
    }

    @Override
    public void close() {
        closeAsync().join();
    }

    public static final class Builder {
        private String host = "127.0.0.1";
        private int port = 8084;
        private OutboundSessionHandler handler;
        private final Set<InetAddress> allowedPeers = new HashSet<>();
        private EventFormat eventFormat = EventFormat.PLAIN;
        private Duration requestTimeout = Duration.ofSeconds(30);
        private int maxHeaderBlockBytes = EslFrameDecoder.DEFAULT_MAX_HEADER_BLOCK_BYTES;
        private int maxBodyBytes = EslFrameDecoder.DEFAULT_MAX_BODY_BYTES;
        private EventLoopGroup eventLoopGroup;
        private Executor executor;
        private int ioThreads = 1;

        private Builder() {
        }

        /** Address to bind; 127.0.0.1 by default. */
        public Builder host(String host) {
            this.host = EslCommands.requireToken("host", host);
            return this;
        }

        /** Port to bind; 8084 by default, 0 for an ephemeral one. */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be 0..65535: " + port);
            }
            this.port = port;
            return this;
        }

        public Builder handler(OutboundSessionHandler handler) {
            this.handler = Objects.requireNonNull(handler, "handler");
            return this;
        }

        /** Accept connections only from these addresses (IP literals or names); all when none is given. */
        public Builder allowPeer(String address) {
            try {
                allowedPeers.add(InetAddress.getByName(EslCommands.requireToken("address", address)));
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException("unknown peer address: " + address, e);
            }
            return this;
        }

        public Builder eventFormat(EventFormat format) {
            this.eventFormat = Objects.requireNonNull(format, "eventFormat");
            return this;
        }

        public Builder requestTimeout(Duration timeout) {
            if (timeout == null || timeout.isZero() || timeout.isNegative()) {
                throw new IllegalArgumentException("requestTimeout must be positive: " + timeout);
            }
            this.requestTimeout = timeout;
            return this;
        }

        public Builder maxHeaderBlockBytes(int bytes) {
            this.maxHeaderBlockBytes = bytes;
            return this;
        }

        public Builder maxBodyBytes(int bytes) {
            this.maxBodyBytes = bytes;
            return this;
        }

        /** Share an event loop group for accepting and I/O (not shut down by the server). */
        public Builder eventLoopGroup(EventLoopGroup group) {
            this.eventLoopGroup = group;
            return this;
        }

        /** Where session handlers, listeners and future completions run (not shut down by the server). */
        public Builder executor(Executor executor) {
            this.executor = executor;
            return this;
        }

        /** Event loop threads of the server's own group; 1 by default. */
        public Builder ioThreads(int threads) {
            if (threads < 1) {
                throw new IllegalArgumentException("ioThreads must be >= 1");
            }
            this.ioThreads = threads;
            return this;
        }

        public EslOutboundServer build() {
            if (handler == null) {
                throw new IllegalStateException("an OutboundSessionHandler is required");
            }
            return new EslOutboundServer(this);
        }
    }
}
