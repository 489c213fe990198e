/**
 * The ESL wire format: frame decoding and the event implementations read from it. Not public API: it is kept out of
 * the OSGi exports and may change in any release; use {@link io.camelfreeswitch.esl.EslEvent} and the connections.
 */
package io.camelfreeswitch.esl.internal;
