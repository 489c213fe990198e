package io.camelfreeswitch.camel;

import org.apache.camel.Exchange;

/** Finds the channel a call-control producer acts on: the header, else the call of the outbound route. */
final class ChannelTarget {

    private ChannelTarget() {
    }

    static String uuid(Exchange exchange, OutboundCall call, String operation) {
        String uuid = exchange.getMessage().getHeader(FreeSwitchConstants.UUID, String.class);
        if (uuid == null && call != null) {
            uuid = call.uuid();
        }
        return checked(uuid, operation, FreeSwitchConstants.UUID);
    }

    /** A Unique-ID is written into command lines, so it may not carry spaces or control characters. */
    static String checked(String uuid, String operation, String header) {
        if (uuid == null || uuid.isBlank()) {
            throw new IllegalArgumentException("freeswitch:" + operation + " needs a channel: set the " + header
                    + " header (or use it inside a freeswitch:outbound route)");
        }
        if (!uuid.matches("[A-Za-z0-9_.:@\\-]+")) {
            throw new IllegalArgumentException("freeswitch:" + operation + ": '" + uuid.replaceAll("\\p{Cntrl}", "?")
                    + "' in " + header + " is not a channel Unique-ID");
        }
        return uuid;
    }
}
