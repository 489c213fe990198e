package io.camelfreeswitch.simulator.internal;

import java.util.concurrent.CompletableFuture;

/** Opens the TCP connection of FreeSWITCH's {@code socket host:port} application for a channel. */
@FunctionalInterface
public interface OutboundConnector {

    /** Completes when the connection is up, exceptionally when it cannot be made. */
    CompletableFuture<?> connect(String host, int port, SimChannel channel);
}
