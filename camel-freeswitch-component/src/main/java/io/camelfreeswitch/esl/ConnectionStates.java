package io.camelfreeswitch.esl;

import io.camelfreeswitch.esl.internal.SerialExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * A connection's state and its listeners: every change is told to every listener in order, on one serial lane, and
 * a listener added is told the current state on that lane too, so it can neither overtake nor be overtaken by a
 * concurrent change.
 */
final class ConnectionStates {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionStates.class);

    private final CopyOnWriteArrayList<ConnectionStateListener> listeners;
    private final SerialExecutor lane;
    private final Supplier<String> peer;
    private final Object lock = new Object();
    // written under lock
    private volatile ConnectionState state;
    private volatile Throwable cause;

    /** Announces to {@code listeners}, the connection's list of them. */
    ConnectionStates(ConnectionState initial, CopyOnWriteArrayList<ConnectionStateListener> listeners,
                     SerialExecutor lane, Supplier<String> peer) {
        this.state = initial;
        this.listeners = listeners;
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
        if (listener == null) {
            throw new IllegalArgumentException("listener must not be null");
        }
        listeners.add(listener);
        lane.execute(() -> {
            if (listeners.contains(listener)) {
                notify(listener, state, cause);
            }
        });
        return () -> listeners.remove(listener);
    }

    /**
     * Records and announces a change; nothing happens once CLOSED, or when neither state nor cause changed.
     * {@code afterwards} runs on the state lane once every listener was told (or at once when nothing changed).
     */
    boolean set(ConnectionState newState, Throwable newCause, Runnable afterwards) {
        synchronized (lock) {
            if (state == ConnectionState.CLOSED || (state == newState && newCause == cause)) {
                if (afterwards != null) {
                    lane.execute(afterwards);
                }
                return false;
            }
            state = newState;
            cause = newCause;
        }
        LOG.debug("ESL connection {} is {}{}", peer.get(), newState,
                newCause == null ? "" : ": " + newCause.getMessage());
        List<ConnectionStateListener> told = new ArrayList<>(listeners);
        lane.execute(() -> {
            told.forEach(l -> notify(l, newState, newCause));
            if (afterwards != null) {
                afterwards.run();
            }
        });
        return true;
    }

    private static void notify(ConnectionStateListener listener, ConnectionState state, Throwable cause) {
        try {
            listener.onStateChange(state, cause);
        } catch (Throwable t) {
            LOG.warn("ESL state listener failed", t);
        }
    }
}
