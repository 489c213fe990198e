package io.camelfreeswitch.camel;

import io.camelfreeswitch.esl.ConnectionState;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

import java.util.Map;

/** UP while the shared connection is authenticated; DOWN with the reason (refused password, unreachable) otherwise. */
final class FreeSwitchConnectionHealthCheck extends AbstractHealthCheck {

    private final SharedConnection connection;

    FreeSwitchConnectionHealthCheck(SharedConnection connection) {
        super("camel", "freeswitch-" + connection.name());
        this.connection = connection;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        ConnectionState state = connection.state();
        builder.detail("freeswitch.connection", connection.name());
        builder.detail("freeswitch.state", state.name());
        if (state == ConnectionState.UP) {
            builder.up();
            return;
        }
        Throwable failure = connection.lastFailure();
        builder.message("FreeSWITCH event socket " + connection.name() + " is " + state
                + (failure == null ? "" : ": " + failure.getMessage()));
        if (failure != null) {
            builder.error(failure);
        }
        builder.down();
    }
}
