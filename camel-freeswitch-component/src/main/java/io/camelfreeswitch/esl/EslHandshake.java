package io.camelfreeswitch.esl;

import io.camelfreeswitch.esl.internal.EslMessage;
import io.camelfreeswitch.esl.internal.EslCommand;
import io.camelfreeswitch.esl.internal.EslCommands;
import io.camelfreeswitch.esl.internal.EslProtocolHandler;
import io.camelfreeswitch.esl.internal.EslReplies;
import io.netty.channel.Channel;

import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * The exchange that opens an inbound socket: FreeSWITCH greets with {@code auth/request}, we answer {@code auth}
 * (or {@code userauth}), and it accepts with {@code +OK} or refuses, then closes the socket. A peer that does not
 * complete this within connect + request timeout is not FreeSWITCH's event socket and is dropped.
 */
final class EslHandshake {

    /** What the client learns; {@link #refusing} on the event loop, the others on the completion executor. */
    interface Outcome {
        void accepted(EslProtocolHandler handler);

        /** The refusal was just read: FreeSWITCH closes the socket next, and that is no lost connection to retry. */
        void refusing(EslProtocolHandler handler);

        void refused(EslProtocolHandler handler, String replyText);
    }

    private final EslClientOptions options;
    private final Outcome outcome;
    private volatile PendingAuth pending;

    /** The auth command sent on a socket, and its verdict once its reply was read (null until then). */
    private static final class PendingAuth {
        final EslProtocolHandler handler;
        final EslCommand<Boolean> command;
        volatile Boolean accepted;

        PendingAuth(EslProtocolHandler handler, EslCommand<Boolean> command) {
            this.handler = handler;
            this.command = command;
        }
    }

    EslHandshake(EslClientOptions options, Outcome outcome) {
        this.options = options;
        this.outcome = outcome;
    }

    /** Closes the freshly connected socket unless {@code done} holds within connect + request timeout. */
    void expectGreeting(Channel ch, EslProtocolHandler handler, BooleanSupplier done) {
        long authWait = options.connectTimeout().plus(options.requestTimeout()).toMillis();
        ch.eventLoop().schedule(() -> {
            if (!done.getAsBoolean() && ch.isActive()) {
                handler.closeWith(new EslTimeoutException("no successful auth/request exchange within "
                        + authWait + " ms (is this FreeSWITCH's event socket?)"));
            }
        }, authWait, TimeUnit.MILLISECONDS);
    }

    /** FreeSWITCH's {@code auth/request}, on the event loop. */
    void onAuthRequest(EslProtocolHandler handler) {
        String user = options.user();
        EslCommand<Boolean> auth = user == null ? EslCommands.auth(options.password())
                : EslCommands.userauth(user, options.password());
        PendingAuth sent = new PendingAuth(handler, auth);
        pending = sent;
        handler.send(auth, options.requestTimeout()).whenComplete((reply, failure) -> {
            if (failure != null) {
                handler.close();
            } else if (Boolean.TRUE.equals(sent.accepted)) {
                outcome.accepted(handler);
            } else {
                outcome.refused(handler, EslReplies.replyText(reply));
            }
        });
    }

    /**
     * Every reply on the socket, on the event loop before its command completes: the auth reply is judged here, once,
     * so that a refusal is known before FreeSWITCH closes the socket.
     */
    void onReply(EslProtocolHandler handler, EslMessage reply) {
        PendingAuth sent = pending;
        if (sent == null || sent.handler != handler) {
            return;
        }
        pending = null;
        sent.accepted = sent.command.reply(reply);
        if (!sent.accepted) {
            outcome.refusing(handler);
        }
    }
}
