/**
 * The ESL wire format and what only the connections use: frame decoding and the event implementations read from it
 * (bodies borrowed from the read buffer and given back after dispatch), the one command builder that writes every
 * command's text and judges every reply ({@link io.camelfreeswitch.esl.internal.EslCommands},
 * {@link io.camelfreeswitch.esl.internal.EslReplies}), the socket handler, and the serial executor behind the event
 * lanes. Not public API: it is kept out of the OSGi exports and may change in any release; use
 * {@link io.camelfreeswitch.esl.EslEvent} and the connections.
 */
package io.camelfreeswitch.esl.internal;
