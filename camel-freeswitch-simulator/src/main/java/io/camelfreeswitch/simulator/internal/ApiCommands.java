package io.camelfreeswitch.simulator.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/** The api commands the simulator knows, answering with FreeSWITCH 1.10's texts (see the captures). */
final class ApiCommands {

    static final String NO_SUCH_CHANNEL = "-ERR No such channel!\n";

    private final SwitchCore core;
    private final MediaCommands media;

    ApiCommands(SwitchCore core) {
        this.core = core;
        this.media = new MediaCommands(core);
    }

    CompletableFuture<String> execute(String line, EslSession origin) {
        String trimmed = line.trim();
        int sp = trimmed.indexOf(' ');
        String cmd = sp < 0 ? trimmed : trimmed.substring(0, sp);
        String args = sp < 0 ? "" : trimmed.substring(sp + 1).trim();
        String[] argv = args.isEmpty() ? new String[0] : args.split("\\s+");
        switch (cmd.toLowerCase(Locale.ROOT)) {
            case "originate":
                try {
                    return core.originate(OriginateCommand.parse(args));
                } catch (IllegalArgumentException e) {
                    String msg = e.getMessage();
                    return done(msg.startsWith("-") ? msg : "-ERR INVALID_NUMBER_FORMAT " + msg + "\n");
                }
            case "status":
                return done(status());
            case "version":
                return done("FreeSWITCH Version 1.10.12-release~64bit ( 64bit)\n");
            case "hostname":
                return done(SwitchCore.HOSTNAME);
            case "global_getvar":
                return done(argv.length > 0 && argv[0].equals("hostname") ? SwitchCore.HOSTNAME : "");
            case "create_uuid":
                return done(UUID.randomUUID().toString());
            case "uuid_kill":
                return withChannel(argv, ch -> {
                    String cause = argv.length > 1 ? argv[1] : "NORMAL_CLEARING";
                    core.later(() -> core.hangup(ch, cause, "uuid_kill"));
                    return "+OK\n";
                });
            case "uuid_answer":
                return withChannel(argv, ch -> {
                    core.later(() -> core.answer(ch));
                    return "+OK\n";
                });
            case "uuid_pre_answer", "uuid_broadcast", "uuid_break":
                return media.execute(cmd.toLowerCase(Locale.ROOT), argv);
            case "uuid_exists":
                return done(argv.length > 0 && core.channel(argv[0]) != null ? "true" : "false");
            case "uuid_getvar":
                return withChannel(argv, ch -> {
                    if (argv.length < 2) {
                        return "-USAGE: <uuid> <var>\n";
                    }
                    String v = Variables.get(ch, argv[1]);
                    return v == null ? "_undef_" : v;
                });
            case "uuid_setvar":
                return withChannel(argv, ch -> {
                    if (argv.length < 2) {
                        return "-USAGE: <uuid> <var> [value]\n";
                    }
                    String value = argv.length > 2 ? args.substring(args.indexOf(argv[1]) + argv[1].length()).trim() : null;
                    if (value == null) {
                        ch.variables.remove(argv[1]);
                    } else {
                        ch.variables.put(argv[1], value);
                    }
                    return "+OK\n";
                });
            case "uuid_bridge":
                return uuidBridge(argv);
            case "hupall":
                return hupall(argv);
            case "show":
                return done(show(args));
            case "log":
                if (argv.length > 0) {
                    String text = args.substring(argv[0].length()).trim();
                    core.log(Logs.level(argv[0]), text, "mod_commands.c", "log_function", 7200);
                }
                return done("+OK\n");
            case "echo":
                return done(args);
            default:
                return done("-ERR " + cmd + " Command not found!\n");
        }
    }

    private static CompletableFuture<String> done(String s) {
        return CompletableFuture.completedFuture(s);
    }

    private CompletableFuture<String> withChannel(String[] argv, java.util.function.Function<SimChannel, String> f) {
        SimChannel ch = argv.length > 0 ? core.channel(argv[0]) : null;
        if (ch == null || !ch.alive()) {
            return done(NO_SUCH_CHANNEL);
        }
        return done(f.apply(ch));
    }

    private CompletableFuture<String> uuidBridge(String[] argv) {
        if (argv.length < 2) {
            return done("-USAGE: <uuid> <other_uuid>\n");
        }
        SimChannel a = core.channel(argv[0]);
        SimChannel b = core.channel(argv[1]);
        if (a == null || b == null || !a.alive() || !b.alive()) {
            return done("-ERR Invalid uuid\n");
        }
        core.later(() -> {
            if (a.alive() && b.alive()) {
                core.bridge(a, b);
            }
        });
        return done("+OK " + b.uuid + "\n");
    }

    private CompletableFuture<String> hupall(String[] argv) {
        String cause = argv.length > 0 ? argv[0] : "MANAGER_REQUEST";
        String var = argv.length > 2 ? argv[1] : null;
        String value = argv.length > 2 ? argv[2] : null;
        List<SimChannel> victims = new ArrayList<>();
        for (SimChannel ch : core.liveChannels()) {
            if (var == null || value.equals(Variables.get(ch, var))) {
                victims.add(ch);
            }
        }
        core.later(() -> victims.forEach(ch -> core.hangup(ch, cause, "hupall")));
        return done("+OK hangup all channels with cause " + cause + "\n");
    }

    private String status() {
        long upMillis = core.clock().millis() - core.startedMillis();
        long s = upMillis / 1000;
        int live = core.liveChannels().size();
        return "UP 0 years, " + (s / 86400) + " days, " + (s / 3600 % 24) + " hours, " + (s / 60 % 60) + " minutes, "
                + (s % 60) + " seconds, " + (upMillis % 1000) + " milliseconds, 0 microseconds\n"
                + "FreeSWITCH (Version 1.10.12-release  64bit) is ready\n"
                + core.sessionsSinceStartup() + " session(s) since startup\n"
                + live + " session(s) - peak " + core.peakSessions() + ", last 5min " + core.peakSessions() + " \n"
                + "0 session(s) per Sec out of max 200, peak 0, last 5min 0 \n"
                + "1000 session(s) max\n"
                + "min idle cpu 0.00/99.77\n"
                + "Current Stack Size/Max 240K/8192K\n";
    }

    private String show(String args) {
        String[] w = args.split("\\s+");
        String what = w.length > 0 ? w[0].toLowerCase(Locale.ROOT) : "";
        boolean json = args.toLowerCase(Locale.ROOT).endsWith("as json");
        if (!what.equals("channels") && !what.equals("calls")) {
            return "-USAGE: show channels|calls [as json]\n";
        }
        return json ? ShowChannels.json(core.liveChannels()) : ShowChannels.csv(core.liveChannels());
    }
}
