package io.camelfreeswitch.esl;

import io.camelfreeswitch.esl.internal.EslCommand;
import io.camelfreeswitch.esl.internal.EslCommands;
import io.camelfreeswitch.esl.internal.EslProtocolHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * After a new socket's auth, before it counts as UP: sends the subscriptions and filters the connection remembers,
 * so the new socket delivers what the old one did. A refused one is logged and the socket kept; a socket that fails
 * meanwhile is closed (the client then tries again).
 */
final class SubscriptionRestore {
    private static final Logger LOG = LoggerFactory.getLogger(SubscriptionRestore.class);

    private final AbstractEslConnection connection;
    private final EslProtocolHandler handler;
    private final Duration timeout;
    private final List<String> names;
    private final List<String> filtersSent = new ArrayList<>();

    SubscriptionRestore(AbstractEslConnection connection, EslProtocolHandler handler, Duration timeout) {
        this.connection = connection;
        this.handler = handler;
        this.timeout = timeout;
        this.names = connection.subscriptionsSnapshot();
    }

    /** Completes once FreeSWITCH has answered every restored command; fails (and closes) if the socket did not. */
    CompletableFuture<Void> run() {
        List<CompletableFuture<?>> replies = new ArrayList<>();
        if (!names.isEmpty()) {
            replies.add(restore(EslCommands.event(connection.eventFormat, names)));
        }
        for (String[] filter : connection.filtersSnapshot()) {
            EslCommand<Void> command = EslCommands.filter(filter[0], filter[1]);
            filtersSent.add(command.description());
            replies.add(restore(command));
        }
        return CompletableFuture.allOf(replies.toArray(new CompletableFuture[0])).whenComplete((ok, failure) -> {
            if (failure != null) {
                LOG.debug("Restoring subscriptions on {} failed: {}", handler.peer(), failure.getMessage());
                handler.close();
            }
        });
    }

    private CompletableFuture<Void> restore(EslCommand<Void> command) {
        return handler.send(command, timeout).thenAccept(reply -> {
            try {
                command.reply(reply);
            } catch (CommandRejectedException refused) {
                LOG.warn("ESL at {} refused a restored subscription or filter: {}", handler.peer(),
                        refused.replyText());
            }
        });
    }

    /**
     * A subscribe or filter call made while we were restoring failed (not UP yet) but was remembered; sends what the
     * restore missed so this socket matches what the owner asked for.
     */
    void sendAddedSince() {
        List<String> missing = new ArrayList<>(connection.subscriptionsSnapshot());
        missing.removeAll(names);
        if (!missing.isEmpty()) {
            handler.send(EslCommands.event(connection.eventFormat, missing), timeout);
        }
        for (String[] filter : connection.filtersSnapshot()) {
            EslCommand<Void> command = EslCommands.filter(filter[0], filter[1]);
            if (!filtersSent.contains(command.description())) {
                handler.send(command, timeout);
            }
        }
    }
}
