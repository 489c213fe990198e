package io.camelfreeswitch.esl;

import io.camelfreeswitch.esl.internal.EslCommands;
import io.camelfreeswitch.esl.internal.EslEvents;
import io.camelfreeswitch.esl.internal.SerialExecutor;
import io.camelfreeswitch.esl.internal.TransientEventListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;
import java.util.function.Predicate;

/**
 * Holds event listeners (by Event-Name and by Unique-ID, both O(1) lookups) and delivers events off the event loop.
 * Events are striped over serial lanes by Unique-ID (else Job-UUID, else name), so one channel's events arrive in
 * order, one at a time, while different channels proceed in parallel on the shared pool.
 * <p>
 * A channel listener registered with a lane <em>pins</em> its channel: while such a listener is registered, the
 * events keyed by that uuid (its channel's events, and a BACKGROUND_JOB whose Job-UUID is that uuid) go to that lane
 * instead. An owner of several channels (a ring group) thereby sees all their events, and the tasks it runs on its
 * lane, one at a time on the thread that delivers them: no lock, no second executor. Pin a uuid before anything can
 * send its events (a channel we are about to originate): a channel whose events are already flowing would have them
 * on two lanes for a moment. A channel pinned to the {@linkplain #ioLane() I/O lane} has its events delivered on the
 * event loop that read them, at once when that lane is idle, else after the tasks queued before them: no thread is
 * woken for them. There only the listeners that pinned the channel hear them; any other listener of such an event
 * hears it on the pool lane of its uuid, as if it were not pinned, so user code never runs on the event loop.
 * <p>An event may borrow the socket's read buffer ({@link io.camelfreeswitch.esl.internal.WireEslEvent}): the
 * internal consumer and {@link TransientEventListener}s read it as it is, any other listener gets it kept (copied)
 * first, and the buffer is given back once the last listener has returned.
 */
final class EventDispatcher {
    private static final Logger LOG = LoggerFactory.getLogger(EventDispatcher.class);
    private static final int LANES = 32;

    private final ConcurrentHashMap<String, List<EslEventListener>> byName = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, List<EslEventListener>> byUniqueId = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Pin> pins = new ConcurrentHashMap<>();
    private final SerialExecutor[] lanes = new SerialExecutor[LANES];
    private final SerialExecutor ioLane;
    private final BiConsumer<EslEvent, Executor> internal;
    private final Predicate<EslEvent> internalInterest;

    /**
     * {@code internal} handles every event the connection itself waits for ({@code internalInterest}: a job's result,
     * an execution's end), before the listeners; it is given the lane where user futures the event completes must be
     * completed, or {@code null} when that is the lane it runs on.
     */
    EventDispatcher(Executor executor, SerialExecutor ioLane, BiConsumer<EslEvent, Executor> internal,
                    Predicate<EslEvent> internalInterest) {
        for (int i = 0; i < LANES; i++) {
            lanes[i] = new SerialExecutor(executor);
        }
        this.ioLane = ioLane;
        this.internal = internal;
        this.internalInterest = internalInterest;
    }

    Registration addEventListener(String eventName, EslEventListener listener) {
        return add(byName, EslCommands.requireToken("eventName", eventName), listener);
    }

    Registration addChannelListener(String uniqueId, EslEventListener listener) {
        return add(byUniqueId, EslCommands.requireToken("uniqueId", uniqueId), listener);
    }

    /**
     * As {@link #addChannelListener(String, EslEventListener)}, the uuid pinned to {@code lane}, which must be one of
     * this dispatcher's lanes: the I/O lane or a keyed one.
     */
    Registration addChannelListener(String uniqueId, Executor lane, EslEventListener listener) {
        SerialExecutor pinTo = ownLane(lane);
        Registration listening = addChannelListener(uniqueId, listener);
        pins.compute(uniqueId, (k, pin) -> {
            if (pin != null && pin.lane != pinTo) {
                listening.close();
                throw new IllegalStateException("channel " + uniqueId + " is already pinned to another lane: its"
                        + " events cannot follow two owners one step at a time");
            }
            return pin == null ? new Pin(pinTo, List.of(listener)) : pin.with(listener);
        });
        AtomicBoolean unpinned = new AtomicBoolean();
        return () -> {
            listening.close();
            if (unpinned.compareAndSet(false, true)) {
                pins.computeIfPresent(uniqueId, (k, pin) -> pin.without(listener));
            }
        };
    }

    private SerialExecutor ownLane(Executor lane) {
        if (lane == ioLane) {
            return ioLane;
        }
        for (SerialExecutor keyed : lanes) {
            if (keyed == lane) {
                return keyed;
            }
        }
        throw new IllegalArgumentException("a channel can only be pinned to a lane of its own connection (its"
                + " ioLane() or a lane(key)), not to " + lane);
    }

    /** The lane whose turns run on the connection's event loop. */
    SerialExecutor ioLane() {
        return ioLane;
    }

    /** How many uuids are pinned to a lane now (monitoring, tests). */
    int pinned() {
        return pins.size();
    }

    /** How many tasks and events wait on the lane of {@code key} (monitoring, tests). */
    int queued(String key) {
        return lane(key).queued();
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

    /**
     * The lane the events keyed {@code key} are delivered on (its pinned lane, if pinned); also used to complete
     * futures in the order of the events that complete them.
     */
    SerialExecutor lane(String key) {
        Pin pin = key == null ? null : pins.get(key);
        // a channel pinned to the I/O lane is heard on the event loop by its owners only; anyone else, who may block,
        // hears it on its pool lane
        return pin != null && pin.lane != ioLane ? pin.lane : hashedLane(key);
    }

    private SerialExecutor hashedLane(String key) {
        int h = key == null ? 0 : key.hashCode();
        h ^= h >>> 16;
        return lanes[h & (LANES - 1)];
    }

    /** The lane a uuid is pinned to, and the listeners that pinned it (its owners). */
    private record Pin(SerialExecutor lane, List<EslEventListener> owners) {
        Pin with(EslEventListener owner) {
            List<EslEventListener> more = new ArrayList<>(owners);
            more.add(owner);
            return new Pin(lane, List.copyOf(more));
        }

        /** {@code null} once its last owner is gone. */
        Pin without(EslEventListener owner) {
            List<EslEventListener> fewer = new ArrayList<>(owners);
            fewer.remove(owner);
            return fewer.isEmpty() ? null : new Pin(lane, List.copyOf(fewer));
        }
    }

    void dispatch(EslEvent event) {
        try {
            String key = event.uniqueId();
            if (key == null) {
                key = event.jobUuid();
            }
            if (key == null) {
                key = event.eventName();
            }
            Pin pin = pins.get(key);
            if (pin != null && pin.lane == ioLane) {
                // decided here, in the order the events were read: the others' deliveries keep that order
                SerialExecutor others = hashedLane(key);
                List<EslEventListener> owners = pin.owners;
                if (othersListen(event, owners)) {
                    EslEvent kept = EslEvents.keep(event); // outlives the dispatch on the event loop
                    others.execute(() -> notifyAllBut(owners, kept));
                }
                ioLane.execute(() -> deliverOnIoLane(event, owners, others));
            } else if (pin != null || anyoneWants(event)) {
                (pin != null ? pin.lane : hashedLane(key)).execute(() -> deliver(event));
            } else {
                EslEvents.release(event); // a channel's events after its last listener left: no hand-off for nothing
            }
        } catch (RuntimeException | Error e) {
            EslEvents.release(event); // never queued: nothing else would give its buffer back
            throw e;
        }
    }

    /**
     * Whether a listener or the connection itself waits for {@code event} now. One registered later misses it, as it
     * would miss any event read before it registered.
     */
    private boolean anyoneWants(EslEvent event) {
        return othersListen(event, List.of()) || internalInterest.test(event);
    }

    private void deliver(EslEvent event) {
        try {
            handleInternally(event, null);
            notifyAllBut(List.of(), event);
        } finally {
            EslEvents.release(event);
        }
    }

    /** Whether a listener other than {@code owners} listens to {@code event}: by name, ALL, or of its channel. */
    private boolean othersListen(EslEvent event, List<EslEventListener> owners) {
        String name = event.eventName();
        if ((name != null && byName.containsKey(name)) || byName.containsKey("ALL")) {
            return true;
        }
        String uniqueId = event.uniqueId();
        List<EslEventListener> ofChannel = uniqueId == null ? null : byUniqueId.get(uniqueId);
        if (ofChannel != null) {
            for (EslEventListener listener : ofChannel) {
                if (!owners.contains(listener)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * On the event loop only the owners of the pin hear the event (they promised not to block), those of them still
     * listening; the others heard it on {@code others}, the pool lane of its key, where the futures of user code it
     * completes are completed too.
     */
    private void deliverOnIoLane(EslEvent event, List<EslEventListener> owners, SerialExecutor others) {
        try {
            handleInternally(event, others);
            String uniqueId = event.uniqueId();
            List<EslEventListener> ofChannel = uniqueId == null ? null : byUniqueId.get(uniqueId);
            if (ofChannel != null) {
                for (EslEventListener listener : ofChannel) {
                    if (owners.contains(listener)) {
                        notify(listener, event);
                    }
                }
            }
        } finally {
            EslEvents.release(event);
        }
    }

    private void handleInternally(EslEvent event, Executor userLane) {
        try {
            internal.accept(event, userLane);
        } catch (Throwable t) {
            LOG.warn("ESL internal event handling failed for {}", event, t);
        }
    }

    /** Tells every listener of {@code event} except those in {@code skipped}. */
    private void notifyAllBut(List<EslEventListener> skipped, EslEvent event) {
        String name = event.eventName();
        if (name != null) {
            notify(byName.get(name), skipped, event);
        }
        notify(byName.get("ALL"), skipped, event);
        String uniqueId = event.uniqueId();
        if (uniqueId != null) {
            notify(byUniqueId.get(uniqueId), skipped, event);
        }
    }

    private static void notify(List<EslEventListener> listeners, List<EslEventListener> skipped, EslEvent event) {
        if (listeners == null) {
            return;
        }
        for (EslEventListener listener : listeners) {
            if (!skipped.contains(listener)) {
                notify(listener, event);
            }
        }
    }

    private static void notify(EslEventListener listener, EslEvent event) {
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
