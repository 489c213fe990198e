package io.camelfreeswitch.simulator.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The commands that change what one connection receives: {@code event}, {@code myevents}, {@code nixevent},
 * {@code noevents} and {@code filter}, parsed and answered with mod_event_socket's reply texts.
 */
final class SubscriptionCommands {

    private final EslSession session;
    private final EventSubscription subscription;

    SubscriptionCommands(EslSession session, EventSubscription subscription) {
        this.session = session;
        this.subscription = subscription;
    }

    static List<String> words(String s) {
        return s.isBlank() ? List.of() : Arrays.asList(s.trim().split("\\s+"));
    }

    void event(String arg) {
        List<String> w = words(arg);
        if (w.isEmpty()) {
            session.reply("-ERR invalid event format");
            return;
        }
        if (!subscription.subscribe(w.get(0), w.subList(1, w.size()))) {
            session.reply("-ERR invalid event format");
            return;
        }
        session.reply("+OK event listener enabled " + subscription.format());
    }

    void myEvents(String arg) {
        List<String> w = words(arg);
        SimChannel attached = session.attached();
        String uuid = attached != null ? attached.uuid : null;
        String format = "plain";
        for (String word : w) {
            String lw = word.toLowerCase(Locale.ROOT);
            if (lw.equals("plain") || lw.equals("json") || lw.equals("xml")) {
                format = lw;
            } else {
                uuid = word;
            }
        }
        if (uuid == null) {
            session.reply("-ERR must specify uuid");
            return;
        }
        subscription.myEvents(format, uuid);
        session.reply("+OK Events Enabled");
    }

    void nixEvent(String arg) {
        subscription.nix(words(arg));
        session.reply("+OK events nixed");
    }

    void noEvents() {
        subscription.noEvents();
        session.reply("+OK no longer listening for events");
    }

    void filter(String arg) {
        List<String> w = words(arg);
        if (!w.isEmpty() && w.get(0).equalsIgnoreCase("delete")) {
            if (w.size() < 2) {
                session.reply("-ERR invalid syntax");
                return;
            }
            String header = w.get(1);
            String value = w.size() > 2 ? String.join(" ", w.subList(2, w.size())) : null;
            if (subscription.deleteFilter(header, value)) {
                session.reply(header.equalsIgnoreCase("all") ? "+OK filter deleted."
                        : "+OK filter deleted. [" + header + "][" + (value == null ? "" : value) + "]");
            } else {
                session.reply("-ERR filter not found.");
            }
            return;
        }
        if (w.size() < 2) {
            session.reply("-ERR invalid syntax");
            return;
        }
        String value = String.join(" ", w.subList(1, w.size()));
        subscription.addFilter(w.get(0), value);
        session.reply("+OK filter added. [" + w.get(0) + "]=[" + value + "]");
    }
}
