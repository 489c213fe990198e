package io.camelfreeswitch.simulator.internal;

import java.util.Locale;

/**
 * {@code sendmsg [uuid]}: a message to a channel (this connection's own call when no uuid is given) — execute an
 * application, hang up, or one of the messages accepted and ignored. Replies first; what it causes runs after.
 */
final class SendmsgCommand {

    private final SwitchCore core;
    private final EslSession session;

    SendmsgCommand(SwitchCore core, EslSession session) {
        this.core = core;
        this.session = session;
    }

    void handle(String arg, EslCommand c) {
        SimChannel attached = session.attached();
        String uuid = !arg.isBlank() ? arg.trim() : c.header("Unique-ID");
        SimChannel target = uuid != null ? core.channel(uuid) : attached;
        if (target == null) {
            session.reply("-ERR invalid session id [" + (uuid == null ? "" : uuid) + "]");
            return;
        }
        String command = c.header("call-command");
        if (command == null) {
            session.reply("-ERR invalid command");
            return;
        }
        switch (command.toLowerCase(Locale.ROOT)) {
            case "execute" -> {
                String app = c.header("execute-app-name");
                if (app == null) {
                    session.reply("-ERR missing execute-app-name");
                    return;
                }
                String appArg = c.header("execute-app-arg");
                String data = appArg != null ? appArg : c.body() != null ? c.body() : "";
                session.reply("+OK");
                String eventUuid = c.header("Event-UUID");
                core.later(() -> core.applications().queueMessage(target, app, data, eventUuid, attached == target));
            }
            case "hangup" -> {
                String cause = c.header("hangup-cause");
                session.reply("+OK");
                core.later(() -> core.hangup(target, cause == null || cause.isBlank() ? "NORMAL_CLEARING" : cause.trim(),
                        "sendmsg hangup"));
            }
            case "unicast", "nomedia", "xferext" -> session.reply("+OK");
            default -> session.reply("-ERR invalid command");
        }
    }
}
