package io.camelfreeswitch.karaf.route;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

import org.apache.camel.CamelContext;
import org.apache.camel.karaf.core.OsgiDefaultCamelContext;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

/**
 * The route bundle a Karaf user would write: it starts a Camel context the camel-karaf way (OsgiDefaultCamelContext,
 * which finds the freeswitch: component through the bundle that ships META-INF/services/org/apache/camel/component/freeswitch)
 * and runs {@link RingGroupRoute} once.
 */
public final class RingGroupRouteActivator implements BundleActivator {

    /** Written into the bundle by the test: where the simulator listens and where to report. */
    static final String SETTINGS = "ring-group-route.properties";

    private CamelContext camel;

    @Override
    public void start(BundleContext bundleContext) throws Exception {
        camel = new OsgiDefaultCamelContext(bundleContext);
        camel.getCamelContextExtension().setName("camel-freeswitch-karaf-it");
        camel.addRoutes(new RingGroupRoute(settings()));
        camel.start();
    }

    @Override
    public void stop(BundleContext bundleContext) {
        if (camel != null) {
            camel.stop();
        }
    }

    private static Properties settings() throws IOException {
        Properties settings = new Properties();
        try (InputStream in = RingGroupRouteActivator.class.getResourceAsStream("/" + SETTINGS)) {
            if (in == null) {
                throw new IllegalStateException(SETTINGS + " is missing from the route bundle");
            }
            settings.load(in);
        }
        return settings;
    }
}
