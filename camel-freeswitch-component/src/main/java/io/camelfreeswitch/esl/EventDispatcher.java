package io.camelfreeswitch.esl;

import io.camelfreeswitch.esl.internal.EslEvents;
import io.camelfreeswitch.esl.internal.TransientEventListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Holds event listeners (by Event-Name and by Unique-ID, both O(1) lookups) and delivers events off the event loop.
 * Events are striped over serial lanes by Unique-ID (else Job-UUID, else name), so one channel's events arrive in
 * order, one at a time, while different channels proceed in parallel on the shared pool.
 *
 * <p>An event may borrow the socket's read buffer ({@link io.camelfreeswitch.esl.internal.WireEslEvent}): the
 * internal consumer and {@link TransientEventListener}s read it as it is, any other listener gets it kept (copied)
 * first, and the buffer is given back once the last listener has returned.
 */
final class EventDispatcher {
    private static final Logger LOG = LoggerFactory.getLogger(EventDispatcher.class);
    private static final int LANES = 32;

    private final ConcurrentHashMap<String, List<EslEventListener>> byName = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, List<EslEventListener>> byUniqueId = new ConcurrentHashMap<>();
    private final SerialExecutor[] lanes = new SerialExecutor[LANES];
    private final Consumer<EslEvent> internal;

    EventDispatcher(Executor executor, Consumer<EslEvent> internal) {
        for (int i = 0; i < LANES; i++) {
            lanes[i] = new SerialExecutor(executor);
        }
        this.internal = internal;
    }

    Registration addEventListener(String eventName, EslEventListener listener) {
        return add(byName, EslCommands.requireToken("eventName", eventName), listener);
    }

    Registration addChannelListener(String uniqueId, EslEventListener listener) {
        return add(byUniqueId, EslCommands.requireToken("uniqueId", uniqueId), listener);
    }

    private static Registration add(ConcurrentHashMap<String, List<EslEventListener>> map, String key,
                                    EslEventListener listener) {
        if (listener == null) {
            throw new IllegalArgumentException("listener must not be null");
        }
        map.compute(key, (k, list) -> {
            List<EslEventListener> result = list == null ? new CopyOnWriteArrayList<>() : list;
            result.add(listener);
            return result;
        });
        return () -> map.computeIfPresent(key, (k, list) -> {
            list.remove(listener);
            return list.isEmpty() ? null : list;
        });
    }

    /** Lane for a key; also used to complete futures in the order of the events that complete them. */
    Executor lane(String key) {
        int h = key == null ? 0 : key.hashCode();
        h ^= h >>> 16;
        return lanes[h & (LANES - 1)];
    }

    void dispatch(EslEvent event) {
        String key = event.uniqueId();
        if (key == null) {
            key = event.jobUuid();
        }
        if (key == null) {
            key = event.eventName();
        }
        lane(key).execute(() -> deliver(event));
    }

    private void deliver(EslEvent event) {
        try {
            try {
                internal.accept(event);
            } catch (Throwable t) {
                LOG.warn("ESL internal event handling failed for {}", event, t);
            }
            String name = event.eventName();
            if (name != null) {
                notify(byName.get(name), event);
            }
            notify(byName.get("ALL"), event);
            String uniqueId = event.uniqueId();
            if (uniqueId != null) {
                notify(byUniqueId.get(uniqueId), event);
            }
        } finally {
            EslEvents.release(event);
        }
    }

    private static void notify(List<EslEventListener> listeners, EslEvent event) {
        if (listeners == null) {
            return;
        }
        for (EslEventListener listener : listeners) {
            try {
                if (!(listener instanceof TransientEventListener)) {
                    EslEvents.keep(event);
                }
                listener.onEvent(event);
            } catch (Throwable t) {
                LOG.warn("ESL event listener {} failed on {}", listener, event, t);
            }
        }
    }
}
