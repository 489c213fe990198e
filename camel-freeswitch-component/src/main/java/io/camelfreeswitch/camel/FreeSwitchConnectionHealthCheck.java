package io.camelfreeswitch.camel;

import io.camelfreeswitch.esl.ConnectionState;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

import java.util.Map;
import java.util.function.Supplier;

/**
 * Readiness of one producer or consumer: UP while the FreeSWITCH connection it uses is authenticated, DOWN with the
 * reason (refused password, unreachable) otherwise. Never a liveness check: the connection reconnects by itself, and
 * restarting the application would not bring FreeSWITCH back any sooner.
 */
final class FreeSwitchConnectionHealthCheck extends AbstractHealthCheck {

    private final Supplier<SharedConnection> connection;

    /**
     * @param id         {@code producer:...} or {@code consumer:...}
     * @param connection the connection in use, or {@code null} while none is opened yet (producers open theirs
     *                   when their route starts, or at first use outside routes)
     */
    FreeSwitchConnectionHealthCheck(String id, Supplier<SharedConnection> connection) {
        super("camel", id);
        this.connection = connection;
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        SharedConnection shared = connection.get();
        if (shared == null) {
            builder.detail("freeswitch.connection", "none opened yet");
            builder.up();
            return;
        }
        ConnectionState state = shared.state();
        builder.detail("freeswitch.connection", shared.name());
        builder.detail("freeswitch.state", state.name());
        // a consumer's check is called by Camel's route check, which is also a liveness check: it must not fail it
        if (state == ConnectionState.UP || options.get(HealthCheck.CHECK_KIND) == HealthCheck.Kind.LIVENESS) {
            builder.up();
            return;
        }
        Throwable failure = shared.lastFailure();
        builder.message("FreeSWITCH event socket " + shared.name() + " is " + state
                + (failure == null ? "" : ": " + failure.getMessage()));
        if (failure != null) {
            builder.error(failure);
        }
        builder.down();
    }
}
