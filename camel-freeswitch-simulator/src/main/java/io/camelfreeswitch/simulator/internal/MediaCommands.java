package io.camelfreeswitch.simulator.internal;

import java.util.concurrent.CompletableFuture;

/**
 * The api commands that change what a channel hears, with mod_commands' replies: {@code uuid_pre_answer} (nothing
 * on success), {@code uuid_broadcast} ({@code +OK Message Sent}, even for an unknown uuid) and {@code uuid_break}
 * (nothing on success). A broadcast runs like an application sent with {@code sendmsg execute}: queued behind what
 * the channel is running, with CHANNEL_EXECUTE / CHANNEL_EXECUTE_COMPLETE.
 */
final class MediaCommands {

    private final SwitchCore core;

    MediaCommands(SwitchCore core) {
        this.core = core;
    }

    CompletableFuture<String> execute(String command, String[] argv) {
        return CompletableFuture.completedFuture(switch (command) {
            case "uuid_pre_answer" -> preAnswer(argv);
            case "uuid_broadcast" -> broadcast(argv);
            default -> breakPlayback(argv);
        });
    }

    private String preAnswer(String[] argv) {
        SimChannel ch = argv.length > 0 ? core.channel(argv[0]) : null;
        if (ch == null || !ch.alive()) {
            return "-ERROR\n";
        }
        core.later(() -> core.earlyMedia(ch));
        return "";
    }

    private String broadcast(String[] argv) {
        if (argv.length < 2) {
            return "-USAGE: <uuid> <path> [aleg|bleg|holdb|both]\n";
        }
        SimChannel ch = core.channel(argv[0]);
        if (ch != null && ch.alive()) {
            String path = argv[1];
            int sep = path.indexOf("::");
            String app = sep < 0 ? "playback" : path.substring(0, sep);
            String data = sep < 0 ? path : path.substring(sep + 2);
            core.later(() -> core.applications().queueMessage(ch, app, data, null, false));
        }
        return "+OK Message Sent\n";
    }

    private String breakPlayback(String[] argv) {
        SimChannel ch = argv.length > 0 ? core.channel(argv[0]) : null;
        if (ch == null || !ch.alive()) {
            return "-ERR No Such Channel!\n";
        }
        boolean all = argv.length > 1 && argv[1].contains("all");
        core.applications().breakPlayback(ch, all);
        return "";
    }
}
