package io.camelfreeswitch.simulator.internal;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;

import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * The sockets: the inbound ESL listener on 127.0.0.1 and the outbound connections the simulator opens to a
 * client. Netty threads only decode and hand over to the switch core.
 */
public final class EslTransport {

    private final SwitchCore core;
    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
    private Channel server;

    public EslTransport(SwitchCore core) {
        this.core = core;
    }

    /** Binds 127.0.0.1:port (0 = ephemeral) and returns the bound port. */
    public synchronized int bind(int port) {
        if (server != null) {
            throw new IllegalStateException("already listening on " + server.localAddress());
        }
        ServerBootstrap b = new ServerBootstrap()
                .group(group)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(new EslCommandDecoder(), new SessionHandler(c -> new EslSession(core, c, null)));
                    }
                });
        ChannelFuture f = b.bind(new InetSocketAddress("127.0.0.1", port)).awaitUninterruptibly();
        if (!f.isSuccess()) {
            throw new IllegalStateException("cannot listen on 127.0.0.1:" + port + ": " + f.cause().getMessage(), f.cause());
        }
        server = f.channel();
        return ((InetSocketAddress) server.localAddress()).getPort();
    }

    public synchronized boolean listening() {
        return server != null && server.isActive();
    }

    /** Stops listening and closes every connection. */
    public synchronized void unbind() {
        if (server != null) {
            server.close().syncUninterruptibly();
            server = null;
        }
        CompletableFuture<Void> closed = core.call(() -> {
            core.sessions().forEach(EslSession::drop);
            return null;
        });
        try {
            closed.get(5, java.util.concurrent.TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            // the core is gone (simulator closed): nothing left to drop
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Opens an outbound-socket connection for {@code channel}; completes when TCP is connected. */
    public CompletableFuture<EslSession> connectOutbound(String host, int port, SimChannel channel) {
        CompletableFuture<EslSession> result = new CompletableFuture<>();
        Bootstrap b = new Bootstrap()
                .group(group)
                .channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 5000)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(new EslCommandDecoder(), new SessionHandler(c -> {
                            EslSession s = new EslSession(core, c, channel);
                            // runs before the session's registration task: both go through the core in order
                            core.execute(() -> channel.controllingSession = s);
                            result.complete(s);
                            return s;
                        }));
                    }
                });
        b.connect(host, port).addListener(f -> {
            if (!f.isSuccess()) {
                result.completeExceptionally(f.cause());
            }
        });
        return result;
    }

    public void shutdown() {
        group.shutdownGracefully(0, 2, java.util.concurrent.TimeUnit.SECONDS).syncUninterruptibly();
    }

    /** Bridges one Netty channel to its EslSession on the core thread. */
    private final class SessionHandler extends SimpleChannelInboundHandler<EslCommand> {

        private final Function<Channel, EslSession> factory;
        private EslSession session;

        SessionHandler(Function<Channel, EslSession> factory) {
            this.factory = factory;
        }

        @Override
        public void channelActive(ChannelHandlerContext ctx) {
            session = factory.apply(ctx.channel());
            EslSession s = session;
            core.execute(() -> {
                core.register(s);
                s.opened();
            });
            ctx.fireChannelActive();
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, EslCommand msg) {
            EslSession s = session;
            core.execute(() -> s.received(msg));
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            EslSession s = session;
            if (s != null) {
                core.execute(() -> {
                    core.unregister(s);
                    s.closed();
                });
            }
            ctx.fireChannelInactive();
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            // malformed input or a reset connection: FreeSWITCH just drops the socket
            ctx.close();
        }
    }
}
