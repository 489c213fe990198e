/**
 * FreeSWITCH Event Socket (ESL) protocol on Netty, with no Camel dependency.
 *
 * <ul>
 *   <li>{@code internal.EslFrameDecoder} turns bytes into {@code internal.EslMessage}s
 *       (header block + Content-Length body, LF or CRLF, size caps checked before allocating);
 *       {@code internal.EslEvents} turns event frames into {@link io.camelfreeswitch.esl.EslEvent}s
 *       (plain: lazily URL-decoded; JSON: strictly validated, values read lazily; FreeSWITCH's XML event format is not read).</li>
 *   <li>{@link io.camelfreeswitch.esl.EslClient} is the inbound client (we connect to port 8021): auth, api, bgapi
 *       with client Job-UUIDs, subscriptions and filters restored after every reconnect.</li>
 *   <li>{@link io.camelfreeswitch.esl.EslOutboundServer} accepts FreeSWITCH's outbound sockets and hands each call
 *       to an {@link io.camelfreeswitch.esl.OutboundSessionHandler} as an
 *       {@link io.camelfreeswitch.esl.OutboundSession}.</li>
 * </ul>
 *
 * <p>Threading: replies are matched to commands through one FIFO per socket, touched only on its event loop.
 * Listeners, state listeners and every returned future run on the dispatch executor, never on the event loop.
 * Events are striped over serial lanes by Unique-ID, so one channel's events arrive in order, one at a time; a
 * listener that blocks holds up the channels sharing its lane, so hand long work elsewhere. The one exception is
 * the I/O lane ({@code EslConnection.ioLane()}): channels pinned to it are handled on the event loop itself, by code
 * that never blocks (the ring groups), and hand what users see to a dispatch lane.
 *
 * <p>Commands: every command text is built by one builder, {@code io.camelfreeswitch.esl.internal.EslCommands},
 * which also says how each reply is judged ({@code +OK}, {@code -ERR} as a
 * {@link io.camelfreeswitch.esl.CommandRejectedException}); the socket handler that writes commands and matches their
 * replies, {@code EslProtocolHandler}, lives there too. That package is not API and is not exported by the bundle.
 * Reconnecting clients re-authenticate ({@code EslHandshake}) and restore subscriptions and filters
 * ({@code SubscriptionRestore}) before they are UP again, retrying with back-off and jitter ({@code ReconnectWatchdog}).
 *
 * <p>Safety: every argument that reaches the wire is checked by that builder; a CR, LF or other control character is
 * an {@link java.lang.IllegalArgumentException} naming the argument. Passwords never appear in logs,
 * {@code toString()} or exceptions.
 */
package io.camelfreeswitch.esl;
