package io.camelfreeswitch.camel;

import org.apache.camel.Exchange;

import java.util.LinkedHashMap;
import java.util.Map;

/** The channel variables of new legs: the endpoint's variable.* options overlaid by the CamelFreeSwitchVariables header. */
final class ChannelVariables {

    private ChannelVariables() {
    }

    static Map<String, String> merged(FreeSwitchConfiguration configuration, Exchange exchange) {
        Map<String, String> variables = new LinkedHashMap<>();
        if (configuration.getVariables() != null) {
            configuration.getVariables().forEach((name, value) -> variables.put(name, stringOf(value)));
        }
        Map<?, ?> header = exchange.getMessage().getHeader(FreeSwitchConstants.VARIABLES, Map.class);
        if (header != null) {
            header.forEach((name, value) -> variables.put(String.valueOf(name), stringOf(value)));
        }
        return variables;
    }

    private static String stringOf(Object value) {
        return value == null ? null : value.toString();
    }
}
