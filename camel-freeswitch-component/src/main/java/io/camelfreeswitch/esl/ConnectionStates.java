package io.camelfreeswitch.esl;

import io.camelfreeswitch.esl.internal.SerialExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * A connection's state and its listeners: every change is told to every listener in order, on one serial lane, and
 * a listener added is told the current state on that lane too, so it can neither overtake nor be overtaken by a
 * concurrent change. A listener added with a lane of its own (a ring group on the I/O lane) is told there, the
 * current state with no trip through the state lane; a tell overtaken on the way by a later one is dropped, so it
 * never hears an older state after a newer.
 */
final class ConnectionStates {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionStates.class);

    private final CopyOnWriteArrayList<Told> listeners = new CopyOnWriteArrayList<>();
    private final SerialExecutor lane;
    private final Supplier<String> peer;
    private final Object lock = new Object();
    // written under lock
    private volatile ConnectionState state;
    private volatile Throwable cause;
    /** Counts the changes: a listener told on a lane of its own tells an old state from a new one by it. */
    private long version;

    ConnectionStates(ConnectionState initial, SerialExecutor lane, Supplier<String> peer) {
        this.state = initial;
        this.lane = lane;
        this.peer = peer;
    }

    ConnectionState state() {
        return state;
    }

    Throwable cause() {
        return cause;
    }

    Registration addListener(ConnectionStateListener listener) {
        requireListener(listener);
        Told told = (version, newState, newCause) -> notify(listener, newState, newCause);
        listeners.add(told);
        lane.execute(() -> {
            if (listeners.contains(told)) {
                notify(listener, state, cause);
            }
        });
        return () -> listeners.remove(told);
    }

    /**
     * As {@link #addListener(ConnectionStateListener)}, told on {@code where}, a serial executor: the current state
     * is queued there at once (from a task running there, to run right after it).
     */
    Registration addListener(Executor where, ConnectionStateListener listener) {
        requireListener(listener);
        if (where == null) {
            throw new IllegalArgumentException("lane must not be null");
        }
        ToldOnLane told = new ToldOnLane(where, listener);
        long now;
        ConnectionState current;
        Throwable why;
        synchronized (lock) {
            listeners.add(told);
            now = version;
            current = state;
            why = cause;
        }
        told.tell(now, current, why);
        return () -> listeners.remove(told);
    }

    /**
     * Records and announces a change; nothing happens once CLOSED, or when neither state nor cause changed.
     * {@code afterwards} runs on the state lane once every listener was told (or at once when nothing changed).
     */
    boolean set(ConnectionState newState, Throwable newCause, Runnable afterwards) {
        long changed;
        List<Told> told;
        synchronized (lock) {
            if (state == ConnectionState.CLOSED || (state == newState && newCause == cause)) {
                if (afterwards != null) {
                    lane.execute(afterwards);
                }
                return false;
            }
            state = newState;
            cause = newCause;
            changed = ++version;
            told = List.copyOf(listeners); // exactly those added before this change: they read an older version
        }
        LOG.debug("ESL connection {} is {}{}", peer.get(), newState,
                newCause == null ? "" : ": " + newCause.getMessage());
        lane.execute(() -> {
            told.forEach(listener -> listener.tell(changed, newState, newCause));
            if (afterwards != null) {
                afterwards.run();
            }
        });
        return true;
    }

    private static void requireListener(ConnectionStateListener listener) {
        if (listener == null) {
            throw new IllegalArgumentException("listener must not be null");
        }
    }

    private static void notify(ConnectionStateListener listener, ConnectionState state, Throwable cause) {
        try {
            listener.onStateChange(state, cause);
        } catch (Throwable t) {
            LOG.warn("ESL state listener failed", t);
        }
    }

    /** How a listener hears of change {@code version}; called on the state lane. */
    @FunctionalInterface
    private interface Told {
        void tell(long version, ConnectionState state, Throwable cause);
    }

    /** A listener told on a lane of its own; {@code lastTold} is read and written on that lane only. */
    private static final class ToldOnLane implements Told {
        private final Executor where;
        private final ConnectionStateListener listener;
        private long lastTold = -1;

        ToldOnLane(Executor where, ConnectionStateListener listener) {
            this.where = where;
            this.listener = listener;
        }

        @Override
        public void tell(long version, ConnectionState state, Throwable cause) {
            where.execute(() -> {
                if (version > lastTold) {
                    lastTold = version;
                    ConnectionStates.notify(listener, state, cause);
                }
            });
        }
    }
}
