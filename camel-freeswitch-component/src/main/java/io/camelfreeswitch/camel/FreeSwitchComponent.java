package io.camelfreeswitch.camel;

import io.camelfreeswitch.call.LeaseScope;
import io.camelfreeswitch.call.RingGroupListener;
import io.camelfreeswitch.call.RingMode;
import io.camelfreeswitch.esl.EventFormat;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.HealthCheckComponent;
import org.apache.camel.util.ObjectHelper;
import org.apache.camel.util.PropertiesHelper;
import org.apache.camel.util.URISupport;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;

/**
 * The {@code freeswitch:} component. Its options are the defaults of every endpoint; endpoints that talk to the same
 * FreeSWITCH with the same credentials share one connection, opened with the first route and closed with the last.
 */
@Component("freeswitch")
public class FreeSwitchComponent extends HealthCheckComponent {

    @Metadata(description = "The shared configuration: component-level defaults of every endpoint option.")
    private FreeSwitchConfiguration configuration = new FreeSwitchConfiguration();

    @Metadata(label = "advanced", defaultValue = "true", description = "Whether ring group metrics are published"
            + " when the registry holds a Micrometer MeterRegistry (freeswitch.ringgroup.*, freeswitch.balancer.load).")
    private boolean metricsEnabled = true;
    @Metadata(label = "advanced", defaultValue = "100", description = "Most destinations that get their own"
            + " freeswitch.balancer.load gauge; further destinations are not tagged, so that dial strings cannot"
            + " grow the number of time series without bound.")
    private int metricsMaxDestinations = 100;

    private final FreeSwitchConnectionManager connectionManager = new FreeSwitchConnectionManager();
    private final RingGroupsInFlight ringGroupsInFlight = new RingGroupsInFlight();
    private ExecutorService continuationExecutor;
    private volatile RingGroupMetrics metrics;

    public FreeSwitchComponent() {
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        if (ObjectHelper.isEmpty(remaining)) {
            throw new IllegalArgumentException("The freeswitch URI '" + uri + "' names no operation; use one of "
                    + java.util.Arrays.toString(FreeSwitchOperation.values()));
        }
        FreeSwitchOperation operation = FreeSwitchOperation.parse(remaining, uri);
        checkEnum(uri, parameters, "mode", RingMode.class, "");
        checkEnum(uri, parameters, "loadScope", LeaseScope.class, "");
        checkEnum(uri, parameters, "format", EventFormat.class,
                "; FreeSWITCH's XML event format is not supported, PLAIN and JSON carry the same event");
        FreeSwitchConfiguration endpointConfiguration = configuration.copy();
        // multi-value options: variable.x=y and filter.Header=value, added to those set on the component
        endpointConfiguration.setVariables(merge(endpointConfiguration.getVariables(),
                PropertiesHelper.extractProperties(parameters, "variable.")));
        endpointConfiguration.setFilters(merge(endpointConfiguration.getFilters(),
                PropertiesHelper.extractProperties(parameters, "filter.")));
        FreeSwitchEndpoint endpoint = new FreeSwitchEndpoint(uri, this, operation, endpointConfiguration);
        setProperties(endpoint, parameters);
        return endpoint;
    }

    /** Camel's own conversion error names the value but not the choices; ours names both. */
    private static <E extends Enum<E>> void checkEnum(String uri, Map<String, Object> parameters, String option,
            Class<E> type, String note) {
        Object value = parameters.get(option);
        if (!(value instanceof String text) || text.startsWith("{{") || text.startsWith("#")) {
            return;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(text.strip())) {
                return;
            }
        }
        throw new IllegalArgumentException("Invalid " + option + " '" + text + "' in " + URISupport.sanitizeUri(uri)
                + "; expected one of " + java.util.Arrays.toString(type.getEnumConstants()) + note);
    }

    private static Map<String, Object> merge(Map<String, Object> base, Map<String, Object> added) {
        if (added.isEmpty()) {
            return base;
        }
        Map<String, Object> merged = base == null ? new LinkedHashMap<>() : new LinkedHashMap<>(base);
        merged.putAll(added);
        return merged;
    }

    /** Where exchanges continue after an ESL future completes: never on the Netty event loop that completed it. */
    synchronized ExecutorService continuationExecutor() {
        if (continuationExecutor == null) {
            continuationExecutor = getCamelContext().getExecutorServiceManager()
                    .newCachedThreadPool(this, "FreeSwitchContinuation");
        }
        return continuationExecutor;
    }

    FreeSwitchConnectionManager getConnectionManager() {
        return connectionManager;
    }

    RingGroupsInFlight getRingGroupsInFlight() {
        return ringGroupsInFlight;
    }

    /** Told about the ring groups of {@code routeId}; {@code null} when no metrics are published. */
    RingGroupListener ringGroupListener(String routeId) {
        RingGroupMetrics current = metrics;
        return current == null ? null : current.forRoute(routeId);
    }

    public boolean isMetricsEnabled() {
        return metricsEnabled;
    }

    /**
     * Whether ring group metrics are published when the registry holds a Micrometer MeterRegistry
     * (freeswitch.ringgroup.*, freeswitch.balancer.load).
     */
    public void setMetricsEnabled(boolean metricsEnabled) {
        this.metricsEnabled = metricsEnabled;
    }

    public int getMetricsMaxDestinations() {
        return metricsMaxDestinations;
    }

    /**
     * Most destinations that get their own freeswitch.balancer.load gauge; further destinations are not tagged, so
     * that dial strings cannot grow the number of time series without bound.
     */
    public void setMetricsMaxDestinations(int metricsMaxDestinations) {
        this.metricsMaxDestinations = metricsMaxDestinations;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        if (metricsEnabled) {
            metrics = RingGroupMetrics.bind(getCamelContext(), metricsMaxDestinations);
        }
    }

    public FreeSwitchConfiguration getConfiguration() {
        return configuration;
    }

    /** The shared configuration: component-level defaults of every endpoint option. */
    public void setConfiguration(FreeSwitchConfiguration configuration) {
        this.configuration = configuration;
    }

    @Override
    protected void doStop() throws Exception {
        RingGroupMetrics published = metrics;
        metrics = null;
        if (published != null) {
            published.close();
        }
        connectionManager.closeAll();
        synchronized (this) {
            if (continuationExecutor != null) {
                getCamelContext().getExecutorServiceManager().shutdown(continuationExecutor);
                continuationExecutor = null;
            }
        }
        super.doStop();
    }
}
