package io.camelfreeswitch.camel;

import io.camelfreeswitch.call.LeaseScope;
import io.camelfreeswitch.call.RingMode;
import io.camelfreeswitch.call.balancer.LoadBalancer;
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
import java.util.Set;
import java.util.concurrent.ExecutorService;

/**
 * The {@code freeswitch:} component. Its options are the defaults of every endpoint; endpoints that talk to the same
 * FreeSWITCH with the same credentials share one connection, opened with the first route and closed with the last.
 */
@Component("freeswitch")
public class FreeSwitchComponent extends HealthCheckComponent {

    @Metadata(description = "The shared configuration: component-level defaults of every endpoint option.")
    private FreeSwitchConfiguration configuration = new FreeSwitchConfiguration();

    private final FreeSwitchConnectionManager connectionManager = new FreeSwitchConnectionManager(this);
    private ExecutorService continuationExecutor;

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

    /** The single LoadBalancer bean in the registry, or null when there is none or more than one. */
    LoadBalancer lookupSingleLoadBalancer() {
        Set<LoadBalancer> balancers = getCamelContext().getRegistry().findByType(LoadBalancer.class);
        return balancers.size() == 1 ? balancers.iterator().next() : null;
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

    public FreeSwitchConfiguration getConfiguration() {
        return configuration;
    }

    /** The shared configuration: component-level defaults of every endpoint option. */
    public void setConfiguration(FreeSwitchConfiguration configuration) {
        this.configuration = configuration;
    }

    @Override
    protected void doStop() throws Exception {
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
