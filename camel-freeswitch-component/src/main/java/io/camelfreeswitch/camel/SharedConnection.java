package io.camelfreeswitch.camel;

import io.camelfreeswitch.call.RingGroupFuture;
import io.camelfreeswitch.esl.AuthenticationException;
import io.camelfreeswitch.esl.ConnectionLostException;
import io.camelfreeswitch.esl.ConnectionState;
import io.camelfreeswitch.esl.EslConnection;
import io.camelfreeswitch.esl.Registration;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One ESL connection used by every endpoint with the same server and credentials, counted by the routes that use it.
 * It remembers why it last went down, for the health check and for error messages.
 */
final class SharedConnection {

    private final Object key;
    private final String name;
    private final EslConnection connection;
    private final boolean owned;
    private final CompletableFuture<Void> firstUp = new CompletableFuture<>();
    private final Registration stateRegistration;
    private final RingingGroups ringGroups = new RingingGroups();
    private volatile Throwable lastFailure;
    private volatile int references;

    SharedConnection(Object key, String name, EslConnection connection, boolean owned) {
        this.key = key;
        this.name = name;
        this.connection = connection;
        this.owned = owned;
        this.stateRegistration = connection.addStateListener(this::onStateChange);
    }

    private void onStateChange(ConnectionState state, Throwable cause) {
        if (state == ConnectionState.UP) {
            lastFailure = null;
            firstUp.complete(null);
        } else if (cause != null) {
            lastFailure = cause;
            if (cause instanceof AuthenticationException) {
                // a wrong password stays wrong: whoever waits for the connection must hear it now
                firstUp.completeExceptionally(cause);
            }
        }
    }

    Object key() {
        return key;
    }

    /** host:port (or the bean's description), for logs and health checks. */
    String name() {
        return name;
    }

    EslConnection connection() {
        return connection;
    }

    ConnectionState state() {
        return connection.state();
    }

    Throwable lastFailure() {
        return lastFailure;
    }

    int retain() {
        return ++references;
    }

    int release() {
        return --references;
    }

    int references() {
        return references;
    }

    /**
     * Waits (at route start, never on a message thread) for the connection to be authenticated. An authentication
     * failure is thrown; a server that does not answer in time is only reported, since the connection keeps
     * reconnecting and the health check shows it DOWN.
     *
     * @return true when the connection is up
     */
    boolean awaitUp(long timeoutMillis) throws Exception {
        if (connection.state() == ConnectionState.UP) {
            return true;
        }
        try {
            firstUp.get(timeoutMillis, TimeUnit.MILLISECONDS);
            return true;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw e;
        } catch (TimeoutException e) {
            return false;
        }
    }

    /**
     * Completes with the connection as soon as it is authenticated (at once when it already is), or fails after
     * {@code timeoutMillis} with a {@link ConnectionLostException} saying why it is not. Nothing waits on a thread.
     */
    CompletableFuture<EslConnection> ready(long timeoutMillis) {
        if (connection.state() == ConnectionState.UP) {
            return CompletableFuture.completedFuture(connection);
        }
        CompletableFuture<EslConnection> ready = new CompletableFuture<>();
        Registration registration = connection.addStateListener((state, cause) -> {
            if (state == ConnectionState.UP) {
                ready.complete(connection);
            } else if (state == ConnectionState.CLOSED) {
                ready.completeExceptionally(new ConnectionLostException("The connection to " + name + " is closed"));
            } else if (cause instanceof AuthenticationException) {
                ready.completeExceptionally(cause);
            }
        });
        ready.orTimeout(timeoutMillis, TimeUnit.MILLISECONDS).whenComplete((c, failure) -> registration.close());
        return ready.exceptionallyCompose(failure -> {
            if (failure instanceof TimeoutException) {
                Throwable last = lastFailure;
                return CompletableFuture.failedFuture(new ConnectionLostException("Not connected to FreeSWITCH at "
                        + name + " after " + timeoutMillis + " ms"
                        + (last == null ? "" : ": " + last.getMessage()), last));
            }
            return CompletableFuture.failedFuture(failure);
        });
    }

    /**
     * Remembers a group ringing through this connection: closing it first hangs the group up. Routes hang up their
     * own groups when they stop; this covers the others (a producer outside any route, a stop cut short).
     */
    void ringing(RingGroupFuture<?> group) {
        ringGroups.add(group);
    }

    /**
     * Completes with {@code hangups}, or as soon as this connection is not up: hang-ups cannot go through a connection
     * that is down, and a stopping application should not wait for it to come back.
     */
    CompletableFuture<Void> whileUp(CompletableFuture<Void> hangups) {
        CompletableFuture<Void> settled = new CompletableFuture<>();
        hangups.whenComplete((ok, failure) -> settled.complete(null));
        Registration watch = connection.addStateListener((state, cause) -> {
            if (state != ConnectionState.UP) {
                settled.complete(null);
            }
        });
        settled.whenComplete((ok, failure) -> watch.close());
        if (connection.state() != ConnectionState.UP) {
            // already down before the listener was added: no state change will come to say so
            settled.complete(null);
        }
        return settled;
    }

    /**
     * Hangs up the groups still ringing through this connection and, once FreeSWITCH has accepted those hang-ups
     * (or after {@link RingingGroups#HANGUP_GRACE}, or at once if the connection is down), closes it: closing first
     * would leave their legs ringing.
     */
    CompletableFuture<Void> close() {
        return whileUp(ringGroups.hangUpAll()).thenCompose(hungUp -> {
            stateRegistration.close();
            return owned ? connection.closeAsync() : CompletableFuture.<Void>completedFuture(null);
        });
    }
}
