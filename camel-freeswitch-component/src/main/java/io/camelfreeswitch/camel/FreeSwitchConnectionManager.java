package io.camelfreeswitch.camel;

import io.camelfreeswitch.esl.EslConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Hands out one connection per FreeSWITCH server and credentials, counting its users: the first route to start opens
 * it, the last to stop closes it. A {@code client} bean given by the user is shared
 * the same way but never closed here: its owner closes it.
 */
final class FreeSwitchConnectionManager {

    private static final Logger LOG = LoggerFactory.getLogger(FreeSwitchConnectionManager.class);

    private final Map<Object, SharedConnection> connections = new HashMap<>();
    private EslConnectionFactory factory = new EslClientConnectionFactory();

    void setFactory(EslConnectionFactory factory) {
        this.factory = factory;
    }

    synchronized SharedConnection acquire(FreeSwitchConfiguration configuration) {
        return acquire(configuration, false);
    }

    /**
     * @param dedicated a connection nobody else uses, for a consumer whose server-side filters would otherwise hide
     *                  events from every other user of the socket (ring groups need their legs' events)
     */
    synchronized SharedConnection acquire(FreeSwitchConfiguration configuration, boolean dedicated) {
        EslConnection client = configuration.getClient();
        SharedConnection shared;
        if (dedicated && client == null) {
            ConnectionSettings settings = ConnectionSettings.of(configuration);
            Object key = new Object();
            LOG.info("Opening a dedicated FreeSWITCH event socket connection to {}", settings.identity());
            shared = new SharedConnection(key, settings.address(), factory.open(settings), true);
            connections.put(key, shared);
        } else if (client != null) {
            shared = connections.computeIfAbsent(new BeanKey(client),
                    key -> new SharedConnection(key, "bean-" + Integer.toHexString(System.identityHashCode(client)),
                            client, false));
        } else {
            ConnectionSettings settings = ConnectionSettings.of(configuration);
            shared = connections.computeIfAbsent(settings.identity(), key -> {
                LOG.info("Opening FreeSWITCH event socket connection to {}", key);
                return new SharedConnection(key, settings.address(), factory.open(settings), true);
            });
        }
        shared.retain();
        return shared;
    }

    synchronized CompletableFuture<Void> release(SharedConnection shared) {
        if (shared.release() > 0) {
            return CompletableFuture.completedFuture(null);
        }
        connections.remove(shared.key());
        LOG.info("Closing FreeSWITCH event socket connection to {}: its last route stopped", shared.name());
        return shared.close();
    }

    /** The connections open now, for the dev console. */
    synchronized List<SharedConnection> connections() {
        return List.copyOf(connections.values());
    }

    synchronized int openConnections() {
        return connections.size();
    }

    /**
     * Closes every connection, each after the hang-ups of the groups still ringing through it, and waits (bounded,
     * whatever interrupts the stopping thread) for that: an application stopping right after would otherwise exit
     * before its legs were hung up.
     */
    void closeAll() {
        List<CompletableFuture<Void>> closing = new ArrayList<>();
        synchronized (this) {
            List<SharedConnection> all = new ArrayList<>(connections.values());
            connections.clear();
            for (SharedConnection shared : all) {
                closing.add(shared.close());
            }
        }
        if (!StopWait.await(CompletableFuture.allOf(closing.toArray(new CompletableFuture[0])),
                RingingGroups.HANGUP_GRACE)) {
            LOG.warn("FreeSWITCH event socket connections not closed within {}", RingingGroups.HANGUP_GRACE);
        }
    }

    /** A client bean is shared by identity: two beans are two connections even if equal. */
    private record BeanKey(EslConnection client) {
        @Override
        public boolean equals(Object other) {
            return other instanceof BeanKey key && key.client == client;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(client);
        }
    }
}
