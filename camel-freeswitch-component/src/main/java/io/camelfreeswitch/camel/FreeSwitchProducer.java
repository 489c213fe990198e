package io.camelfreeswitch.camel;

import io.camelfreeswitch.esl.EslConnection;
import io.camelfreeswitch.esl.internal.Failures;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.Route;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.WritableHealthCheckRepository;
import org.apache.camel.spi.RouteIdAware;
import org.apache.camel.support.DefaultAsyncProducer;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * Base of every {@code freeswitch:} producer: runs one asynchronous ESL operation per exchange and finishes the
 * exchange when its future completes, without any thread waiting for it. Inside a route started by
 * {@code freeswitch:outbound} the operation runs over that call's socket; elsewhere over the shared connection,
 * opened when the producer's route starts (or, outside routes and in outbound routes, the first time it is needed,
 * so that a route that only handles outbound calls never connects to port 8021).
 */
abstract class FreeSwitchProducer extends DefaultAsyncProducer implements RouteIdAware {

    protected final FreeSwitchEndpoint endpoint;
    protected final FreeSwitchConfiguration configuration;
    private SharedConnection shared;
    private String routeId;
    private WritableHealthCheckRepository healthChecks;
    private FreeSwitchConnectionHealthCheck healthCheck;

    FreeSwitchProducer(FreeSwitchEndpoint endpoint) {
        super(endpoint);
        this.endpoint = endpoint;
        this.configuration = endpoint.getConfiguration();
    }

    /** Starts the operation; the returned future's value (if not null) becomes the body. */
    protected abstract CompletableFuture<?> invoke(Exchange exchange, EslConnection connection, OutboundCall call)
            throws Exception;

    /** Whether, inside an outbound route, the operation runs over the call's own socket (the default). */
    protected boolean actsOverCallSocket() {
        return true;
    }

    @Override
    protected void doStart() throws Exception {
        endpoint.validateForStart();
        super.doStart();
        registerHealthCheck();
        if (routeId != null) {
            // routes are registered once the context is about to run: only then can we see what feeds this one
            endpoint.getCamelContext().addStartupListener((context, alreadyStarted) -> {
                if (isRunAllowed() && startsWithRoute()) {
                    // opening does not wait: the connection comes up (and shows in the health check) meanwhile
                    sharedConnection();
                }
            });
        }
    }

    /**
     * Camel's producer checks: shown only when the context enables them (camel.health.producersEnabled, off by
     * default) and this component does not disable its own (healthCheckProducerEnabled).
     */
    private void registerHealthCheck() {
        if (!endpoint.getComponent().isHealthCheckProducerEnabled()) {
            return;
        }
        healthChecks = HealthCheckHelper.getHealthCheckRepository(endpoint.getCamelContext(), "producers",
                WritableHealthCheckRepository.class);
        if (healthChecks != null) {
            healthCheck = new FreeSwitchConnectionHealthCheck(
                    "producer:" + (routeId == null ? "" : routeId + ":") + endpoint.safeUri(), this::heldConnection);
            healthCheck.setCamelContext(endpoint.getCamelContext());
            healthChecks.addHealthCheck(healthCheck);
        }
    }

    /** True in a route that FreeSWITCH does not feed with outbound calls: such a route needs the shared connection. */
    private boolean startsWithRoute() {
        Route route = routeId == null ? null : endpoint.getCamelContext().getRoute(routeId);
        if (route == null) {
            return false;
        }
        return !actsOverCallSocket() || !(route.getEndpoint() instanceof FreeSwitchEndpoint consumerEndpoint
                && consumerEndpoint.getOperation() == FreeSwitchOperation.outbound);
    }

    @Override
    public String getRouteId() {
        return routeId;
    }

    @Override
    public void setRouteId(String routeId) {
        this.routeId = routeId;
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        CompletableFuture<?> operation;
        OutboundCall call = OutboundCall.of(exchange);
        try {
            if (call != null && actsOverCallSocket()) {
                operation = invoke(exchange, call.session(), call);
            } else {
                SharedConnection connection = sharedConnection();
                operation = connection.ready(configuration.getConnectTimeout())
                        .thenCompose(ready -> {
                            try {
                                return invoke(exchange, ready, call);
                            } catch (Exception e) {
                                return CompletableFuture.failedFuture(e);
                            }
                        });
            }
        } catch (Exception e) {
            exchange.setException(e);
            callback.done(true);
            return true;
        }
        if (operation.isDone()) {
            complete(exchange, call, operation);
            callback.done(true);
            return true;
        }
        // the rest of the route runs on the component's threads, not on the ESL client's completion threads
        Executor continuation = endpoint.getComponent().continuationExecutor();
        operation.whenComplete((value, failure) -> {
            Runnable finish = () -> {
                complete(exchange, call, operation);
                callback.done(false);
            };
            try {
                continuation.execute(finish);
            } catch (RejectedExecutionException stopped) {
                finish.run(); // the component stopped meanwhile: the exchange must still be completed
            }
        });
        return false;
    }

    private void complete(Exchange exchange, OutboundCall call, CompletableFuture<?> operation) {
        try {
            Object value = operation.join();
            if (value != null) {
                exchange.getMessage().setBody(value);
            }
        } catch (Exception e) {
            exchange.setException(Failures.unwrap(e));
        }
        if (call != null) {
            call.publishCallerState(exchange.getMessage());
        }
    }

    /** The shared connection this producer holds now, without opening one; {@code null} when it holds none. */
    synchronized SharedConnection heldConnection() {
        return shared;
    }

    private synchronized SharedConnection sharedConnection() {
        if (shared == null) {
            shared = endpoint.acquireConnection();
        }
        return shared;
    }

    @Override
    protected void doStop() throws Exception {
        SharedConnection connection;
        synchronized (this) {
            connection = shared;
            shared = null;
        }
        if (connection != null) {
            endpoint.releaseConnection(connection);
        }
        if (healthChecks != null && healthCheck != null) {
            healthChecks.removeHealthCheck(healthCheck);
            healthCheck = null;
        }
        super.doStop();
    }

    /** The header if present, else the endpoint option. */
    static String headerOr(Exchange exchange, String header, String option) {
        String value = exchange.getMessage().getHeader(header, String.class);
        return value != null ? value : option;
    }

    static String required(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what);
        }
        return value;
    }
}
