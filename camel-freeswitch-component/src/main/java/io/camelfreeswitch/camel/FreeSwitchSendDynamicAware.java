package io.camelfreeswitch.camel;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.spi.annotations.SendDynamic;
import org.apache.camel.support.component.SendDynamicAwareSupport;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Lets {@code toD("freeswitch:ringGroup?destinations=${header.group}")} use one endpoint and one producer for every
 * group: the destinations move from the URI into the {@link FreeSwitchConstants#DESTINATIONS} header, which the
 * producer reads first. Without it every distinct group would create, start and cache an endpoint of its own.
 * A destinations header the message already carries wins, exactly as it would over the endpoint option.
 */
@SendDynamic("freeswitch")
public class FreeSwitchSendDynamicAware extends SendDynamicAwareSupport {

    private static final String DESTINATIONS = "destinations";

    @Override
    public boolean isLenientProperties() {
        return false;
    }

    @Override
    public DynamicAwareEntry prepare(Exchange exchange, String uri, String originalUri) throws Exception {
        return new DynamicAwareEntry(uri, originalUri, endpointProperties(exchange, uri), null);
    }

    @Override
    public String resolveStaticUri(Exchange exchange, DynamicAwareEntry entry) throws Exception {
        if (!isRingGroup(entry.getUri()) || !entry.getProperties().containsKey(DESTINATIONS)) {
            return null;
        }
        Map<String, Object> properties = new LinkedHashMap<>(entry.getProperties());
        properties.remove(DESTINATIONS);
        return asEndpointUri(exchange, entry.getUri(), properties);
    }

    @Override
    public Processor createPreProcessor(Exchange exchange, DynamicAwareEntry entry) {
        Object destinations = entry.getProperties().get(DESTINATIONS);
        if (!isRingGroup(entry.getUri()) || destinations == null || hasDestinationsHeader(exchange)) {
            return null;
        }
        return ex -> ex.getMessage().setHeader(FreeSwitchConstants.DESTINATIONS, destinations.toString());
    }

    /** Removes the header the pre-processor set, so that the next toD of the same exchange computes its own. */
    @Override
    public Processor createPostProcessor(Exchange exchange, DynamicAwareEntry entry) {
        if (!isRingGroup(entry.getUri()) || !entry.getProperties().containsKey(DESTINATIONS)
                || hasDestinationsHeader(exchange)) {
            return null;
        }
        return ex -> ex.getMessage().removeHeader(FreeSwitchConstants.DESTINATIONS);
    }

    private static boolean hasDestinationsHeader(Exchange exchange) {
        return exchange.getMessage().getHeader(FreeSwitchConstants.DESTINATIONS) != null;
    }

    private static boolean isRingGroup(String uri) {
        String path = uri.substring(uri.indexOf(':') + 1);
        if (path.startsWith("//")) {
            path = path.substring(2);
        }
        int query = path.indexOf('?');
        return (query < 0 ? path : path.substring(0, query)).equalsIgnoreCase(FreeSwitchOperation.ringGroup.name());
    }
}
