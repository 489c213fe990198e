package io.camelfreeswitch.simulator.internal;

import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Dialplan applications a channel runs: the main one (the originate's {@code &app()}, {@code park}, the outbound
 * {@code socket}) and the ones sent with {@code sendmsg execute}, which run one at a time inside it and fire
 * CHANNEL_EXECUTE / CHANNEL_EXECUTE_COMPLETE with the same Application-UUID (the client's Event-UUID if given).
 */
public final class Applications {

    private final SwitchCore core;
    private final Player player;

    Applications(SwitchCore core) {
        this.core = core;
        this.player = new Player(core);
    }

    public Player player() {
        return player;
    }

    /** The application the originate asked for, run on the answered (or early) winner. */
    void startMain(SimChannel ch, String app, String data) {
        if (!ch.alive()) {
            return;
        }
        core.setState(ch, "CS_EXECUTE");
        ch.mainApp = app;
        ch.mainAppData = data;
        ch.mainAppUuid = UUID.randomUUID().toString();
        ch.variables.put("current_application", app);
        if (data != null && !data.isEmpty()) {
            ch.variables.put("current_application_data", data);
        }
        fireExecute(ch, app, data, ch.mainAppUuid);
        if (app.equals("park")) {
            park(ch);
            return;
        }
        run(ch, app, data, "app hangup", response -> {
            if (!ch.alive()) {
                return;
            }
            fireComplete(ch, app, data, response, ch.mainAppUuid);
            ch.mainApp = null;
            // the dialplan (here: the single inline application) is over: FreeSWITCH hangs up
            core.hangup(ch, "NORMAL_CLEARING", "dialplan end");
        });
    }

    /** Marks an outbound-socket call as running {@code socket}. */
    public void startSocket(SimChannel ch, String data) {
        ch.mainApp = "socket";
        ch.mainAppData = data;
        ch.mainAppUuid = UUID.randomUUID().toString();
        ch.variables.put("current_application_data", data);
        ch.variables.put("current_application", "socket");
    }

    /**
     * {@code uuid_break}: the playback under way stops (its application completes) and, with {@code all}, the
     * applications queued behind it are dropped.
     */
    void breakPlayback(SimChannel ch, boolean all) {
        if (all) {
            ch.messageQueue.clear();
        }
        player.stop(ch, "uuid_break");
    }

    void queueMessage(SimChannel ch, String app, String data, String eventUuid, boolean fromControllingSocket) {
        if (!ch.alive()) {
            return;
        }
        ch.messageQueue.add(() -> runMessage(ch, app, data, eventUuid == null ? UUID.randomUUID().toString() : eventUuid));
        if (!ch.messageRunning) {
            next(ch);
        }
    }

    private void next(SimChannel ch) {
        Runnable r = ch.messageQueue.poll();
        if (r == null || !ch.alive()) {
            ch.messageRunning = false;
            return;
        }
        ch.messageRunning = true;
        r.run();
    }

    private void runMessage(SimChannel ch, String app, String data, String appUuid) {
        if ("socket".equals(ch.mainApp) && !ch.parked) {
            // the socket application parks the channel when it starts taking commands (see outbound capture)
            ch.parked = true;
            core.fireChannel(ch, "CHANNEL_PARK", "switch_ivr.c", "switch_ivr_park", 995, true);
        }
        ch.variables.put("current_application", app);
        fireExecute(ch, app, data, appUuid);
        if (app.equals("park")) {
            if (!ch.parked) {
                park(ch);
            }
            next(ch);
            return;
        }
        run(ch, app, data, "sendmsg " + app, response -> {
            if (!ch.alive()) {
                return;
            }
            fireComplete(ch, app, data, response, appUuid);
            next(ch);
        });
    }

    private void park(SimChannel ch) {
        ch.parked = true;
        core.fireChannel(ch, "CHANNEL_PARK", "switch_ivr.c", "switch_ivr_park", 995, true);
    }

    /** Runs one application; {@code done} receives the Application-Response. */
    private void run(SimChannel ch, String app, String data, String killedBy, Consumer<String> done) {
        switch (app.toLowerCase(Locale.ROOT)) {
            case "answer" -> {
                core.answer(ch);
                done.accept("_none_");
            }
            case "pre_answer" -> {
                core.earlyMedia(ch);
                done.accept("_none_");
            }
            case "playback", "endless_playback", "play_and_get_digits" -> player.play(ch, data, done);
            case "sleep" -> core.schedule(() -> {
                if (ch.alive()) {
                    done.accept("_none_");
                }
            }, parseLong(data, 0), TimeUnit.MILLISECONDS);
            case "hangup" -> core.hangup(ch, data == null || data.isBlank() ? "NORMAL_CLEARING" : data.trim(), killedBy);
            case "set", "export" -> {
                int eq = data == null ? -1 : data.indexOf('=');
                if (eq > 0) {
                    ch.variables.put(data.substring(0, eq), data.substring(eq + 1));
                }
                done.accept("_none_");
            }
            case "bridge" -> bridge(ch, data, done);
            default -> done.accept("_none_");
        }
    }

    private void bridge(SimChannel caller, String dial, Consumer<String> done) {
        OriginateCommand command;
        try {
            command = OriginateCommand.parse(dial + " &park()");
        } catch (IllegalArgumentException e) {
            caller.variables.put("originate_disposition", "INVALID_NUMBER_FORMAT");
            done.accept("INVALID_NUMBER_FORMAT");
            return;
        }
        caller.bridgeDone = done;
        OriginateJob job = new OriginateJob(core, command, callee -> {
            if (!caller.alive()) {
                core.hangup(callee, "ORIGINATOR_CANCEL", "bridge peer");
                return;
            }
            core.setState(callee, "CS_EXCHANGE_MEDIA");
            core.answer(caller);
            core.bridge(caller, callee);
        });
        caller.bridgeJob = job;
        job.start().thenAccept(result -> {
            caller.bridgeJob = null;
            if (result.startsWith("-ERR")) {
                String cause = result.substring(5).trim();
                caller.variables.put("originate_disposition", cause);
                caller.bridgeDone = null;
                if (caller.alive()) {
                    done.accept(cause);
                }
            }
        });
    }

    /** Called in the hangup sequence of {@code ch}, after CS_HANGUP. */
    void channelHungUp(SimChannel ch) {
        player.stop(ch, "hangup");
        if (ch.parked) {
            ch.parked = false;
            core.fireChannel(ch, "CHANNEL_UNPARK", "switch_ivr.c", "switch_ivr_park", 1300, true);
        }
        if (ch.mainApp != null) {
            fireComplete(ch, ch.mainApp, ch.mainAppData, "park".equals(ch.mainApp) ? "_none_" : "FILE PLAYED", ch.mainAppUuid);
        }
        ch.messageQueue.clear();
        if (ch.bridgeJob != null) {
            OriginateJob job = ch.bridgeJob;
            ch.bridgeJob = null;
            core.later(() -> job.cancel("ORIGINATOR_CANCEL", "bridge peer"));
        }
    }

    /** The other side of {@code ch}'s bridge is gone. */
    void peerLeftBridge(SimChannel ch) {
        if (ch.bridgeDone != null) {
            if ("true".equalsIgnoreCase(ch.variables.get("hangup_after_bridge"))) {
                ch.bridgeDone = null;
                core.hangup(ch, "NORMAL_CLEARING", "bridge peer");
                return;
            }
            // the caller of a bridge application carries on with its next application
            var done = ch.bridgeDone;
            ch.bridgeDone = null;
            done.accept("_none_");
        } else if ("true".equalsIgnoreCase(ch.variables.get("park_after_bridge"))) {
            if (!ch.parked) {
                park(ch);
            }
        } else {
            // uuid_bridge: when one side leaves, FreeSWITCH hangs up the other
            core.hangup(ch, "NORMAL_CLEARING", "bridge peer");
        }
    }

    private void fireExecute(SimChannel ch, String app, String data, String appUuid) {
        core.fireChannel(ch, "CHANNEL_EXECUTE", "switch_core_session.c", "switch_core_session_exec", 2941, true,
                "Application", app, "Application-Data", data == null || data.isEmpty() ? null : data,
                "Application-UUID", appUuid);
    }

    private void fireComplete(SimChannel ch, String app, String data, String response, String appUuid) {
        core.fireChannel(ch, "CHANNEL_EXECUTE_COMPLETE", "switch_core_session.c", "switch_core_session_exec", 2967, true,
                "Application", app, "Application-Data", data == null || data.isEmpty() ? null : data,
                "Application-Response", response, "Application-UUID", appUuid);
    }

    private static long parseLong(String s, long dflt) {
        try {
            return s == null ? dflt : Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            return dflt;
        }
    }
}
