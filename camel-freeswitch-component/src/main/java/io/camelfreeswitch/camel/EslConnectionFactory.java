package io.camelfreeswitch.camel;

import io.camelfreeswitch.esl.EslConnection;

/** Opens the inbound ESL connections the component shares between endpoints. */
@FunctionalInterface
interface EslConnectionFactory {

    /** Starts connecting (and reconnecting) at once; returns without waiting for the connection to come up. */
    EslConnection open(ConnectionSettings settings);
}
