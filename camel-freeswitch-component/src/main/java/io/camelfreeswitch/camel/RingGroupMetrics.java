package io.camelfreeswitch.camel;

import io.camelfreeswitch.call.RingGroupListener;
import org.apache.camel.CamelContext;
import org.slf4j.LoggerFactory;

/**
 * The ring group metrics of one Camel context. Nothing here names Micrometer: the component works, and its OSGi
 * bundle resolves, without it; {@link MicrometerRingGroupMetrics} is loaded only once Micrometer is known present.
 */
interface RingGroupMetrics extends AutoCloseable {

    String METER_REGISTRY_CLASS = "io.micrometer.core.instrument.MeterRegistry";

    /** Told about the ring groups of one route; the same listener every time for the same route. */
    RingGroupListener forRoute(String routeId);

    /** Removes every meter of this context from the registry. */
    @Override
    void close();

    /**
     * The metrics of {@code context}, or {@code null} when Micrometer is not on the classpath or the Camel registry
     * holds no MeterRegistry to publish to.
     */
    static RingGroupMetrics bind(CamelContext context, int maxDestinations) {
        try {
            Class.forName(METER_REGISTRY_CLASS, false, RingGroupMetrics.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError absent) {
            LoggerFactory.getLogger(RingGroupMetrics.class).debug("Micrometer is not on the classpath: no ring group"
                    + " metrics");
            return null;
        }
        return MicrometerRingGroupMetrics.bind(context, maxDestinations);
    }
}
