package io.camelfreeswitch.simulator.internal;

import io.netty.channel.Channel;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * One ESL connection (inbound: a client connected to us; outbound: we connected to a client for a call). Every
 * method runs on the switch core thread. Commands run one at a time, like mod_event_socket's reader: a blocking
 * {@code api} stops this connection's command processing and output until it finishes.
 */
public final class EslSession {

    private final SwitchCore core;
    private final Channel netty;
    private final Outbox outbox;
    private final SimChannel attached;          // outbound mode: the call this socket controls
    private final EventSubscription subscription = new EventSubscription();
    private final SubscriptionCommands subscriptionCommands = new SubscriptionCommands(this, subscription);
    private final SendmsgCommand sendmsg;
    private final Deque<EslCommand> pending = new ArrayDeque<>();
    private boolean busy;
    private boolean authenticated;
    private boolean closed;
    private boolean lingering;
    private int lingerSeconds = -1;
    private boolean eventsStopped;
    private int logLevel = -1;

    EslSession(SwitchCore core, Channel netty, SimChannel attached) {
        this.core = core;
        this.netty = netty;
        this.outbox = new Outbox(netty, core);
        this.attached = attached;
        this.sendmsg = new SendmsgCommand(core, this);
        this.authenticated = attached != null;
    }

    public boolean outbound() {
        return attached != null;
    }

    public SimChannel attached() {
        return attached;
    }

    Channel netty() {
        return netty;
    }

    void opened() {
        if (attached == null) {
            outbox.send(Frames.authRequest(), false);
        }
    }

    void received(EslCommand command) {
        if (closed) {
            return;
        }
        pending.add(command);
        pump();
    }

    private void pump() {
        while (!busy && !closed && !pending.isEmpty()) {
            EslCommand next = pending.poll();
            long delay = core.replyDelayMillis();
            if (delay > 0) {
                busy = true;
                core.schedule(() -> {
                    busy = false;
                    runAndContinue(next);
                }, delay, TimeUnit.MILLISECONDS);
                return;
            }
            runAndContinue(next);
        }
    }

    private void runAndContinue(EslCommand command) {
        if (closed) {
            return;
        }
        CompletableFuture<?> done;
        try {
            done = handle(command);
        } catch (RuntimeException e) {
            outbox.send(Frames.commandReply("-ERR " + e.getMessage()), false);
            done = CompletableFuture.completedFuture(null);
        }
        if (!done.isDone()) {
            busy = true;
            done.whenComplete((r, t) -> core.execute(() -> {
                busy = false;
                pump();
            }));
        } else {
            pump();
        }
    }

    private CompletableFuture<?> handle(EslCommand c) {
        String verb = c.verb();
        String arg = c.argument();
        if (!authenticated) {
            switch (verb) {
                case "auth" -> authenticate(arg);
                case "userauth" -> {
                    int colon = arg.lastIndexOf(':');
                    authenticate(colon < 0 ? "" : arg.substring(colon + 1));
                }
                case "exit" -> exit();
                default -> reply("-ERR command not found");
            }
            return done();
        }
        switch (verb) {
            case "auth", "userauth" -> reply("+OK accepted");
            case "connect" -> connect();
            case "api" -> {
                return api(arg);
            }
            case "bgapi" -> bgapi(arg, c.header("Job-UUID"));
            case "event" -> subscriptionCommands.event(arg);
            case "myevents" -> subscriptionCommands.myEvents(arg);
            case "nixevent" -> subscriptionCommands.nixEvent(arg);
            case "noevents" -> subscriptionCommands.noEvents();
            case "filter" -> subscriptionCommands.filter(arg);
            case "divert_events" -> reply(arg.equalsIgnoreCase("on") ? "+OK events diverted" : "+OK events not diverted");
            case "linger" -> {
                lingering = true;
                lingerSeconds = parseSeconds(arg);
                reply("+OK will linger");
            }
            case "nolinger" -> {
                lingering = false;
                reply("+OK will not linger");
            }
            case "log" -> log(arg);
            case "nolog" -> {
                logLevel = -1;
                reply("+OK no longer logging");
            }
            case "sendmsg" -> sendmsg.handle(arg, c);
            case "sendevent" -> sendevent(arg, c);
            case "resume" -> reply("+OK");
            case "exit" -> exit();
            default -> reply("-ERR command not found");
        }
        return done();
    }

    private static int parseSeconds(String arg) {
        try {
            return arg.isBlank() ? -1 : Integer.parseInt(arg.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static CompletableFuture<Void> done() {
        return CompletableFuture.completedFuture(null);
    }

    void reply(String text, String... headers) {
        outbox.send(Frames.commandReply(text, headers), false);
    }

    private void authenticate(String password) {
        if (!core.refusingAuth() && core.password().equals(password.trim())) {
            authenticated = true;
            reply("+OK accepted");
        } else {
            reply("-ERR invalid");
            outbox.sendAndClose(Frames.disconnectNotice());
            closed = true;
        }
    }

    private void exit() {
        reply("+OK bye");
        outbox.sendAndClose(attached == null ? Frames.disconnectNotice() : Frames.outboundDisconnectNotice(attached.uuid));
        closed = true;
        if (attached != null) {
            core.later(() -> core.hangup(attached, "NORMAL_CLEARING", "socket closed"));
        }
    }

    private void connect() {
        if (attached == null) {
            reply("-ERR command not found");
            return;
        }
        SimEvent data = core.channelData(attached);
        outbox.send(data.toPlain(), false);
    }

    private CompletableFuture<?> api(String line) {
        Object marker = outbox.hold();
        CompletableFuture<String> result;
        try {
            result = core.api(line, this);
        } catch (RuntimeException e) {
            // a bug in one command must not leave the socket blocked behind its hold marker
            result = CompletableFuture.failedFuture(e);
        }
        return result.handle((body, failure) -> {
            String text = failure == null ? body : "-ERR " + failure.getMessage() + "\n";
            outbox.release(marker, Frames.apiResponse(text));
            return null;
        });
    }

    private void bgapi(String line, String requestedJobUuid) {
        String jobUuid = requestedJobUuid == null || requestedJobUuid.isBlank() ? UUID.randomUUID().toString() : requestedJobUuid;
        reply("+OK Job-UUID: " + jobUuid, "Job-UUID", jobUuid);
        int sp = line.indexOf(' ');
        String command = sp < 0 ? line : line.substring(0, sp);
        String args = sp < 0 ? "" : line.substring(sp + 1);
        CompletableFuture<String> result;
        try {
            result = core.api(line, this);
        } catch (RuntimeException e) {
            result = CompletableFuture.failedFuture(e);
        }
        result.handle((body, failure) -> {
            String text = failure == null ? body : "-ERR " + failure.getMessage() + "\n";
            core.fireBackgroundJob(jobUuid, command, args, text);
            return null;
        });
    }

    private void log(String arg) {
        int level = 7;
        if (!arg.isBlank()) {
            level = Logs.level(arg.trim());
        }
        logLevel = level;
        reply("+OK log level " + level + " [" + level + "]");
    }

    private void sendevent(String arg, EslCommand c) {
        String name = arg.isBlank() ? "CUSTOM" : arg.trim().split("\\s+")[0];
        SimEvent e = core.baseEvent(name, "mod_event_socket.c", "parse_command", 2334);
        String eventUuid = UUID.randomUUID().toString();
        c.headers().forEach((k, v) -> {
            if (!k.equalsIgnoreCase("Content-Length")) {
                e.add(k, v);
            }
        });
        e.add("Event-UUID", eventUuid);
        if (c.body() != null && !c.body().isEmpty()) {
            e.body(c.body());
        }
        reply("+OK " + eventUuid);
        core.fire(e);
    }

    /** Called for every fired event; decides and writes. */
    void offer(SimEvent e) {
        if (closed || eventsStopped || !authenticated || !subscription.wants(e)) {
            return;
        }
        outbox.send(Frames.event(e, subscription.format()), true);
    }

    void offerLog(int level, String line, String file, String func, int lineNo) {
        if (closed || logLevel < level) {
            return;
        }
        outbox.send(Frames.logData(line, level, file, func, lineNo), false);
    }

    /** Outbound mode: the controlled channel reached CHANNEL_HANGUP_COMPLETE. */
    void attachedHungUp() {
        if (closed) {
            return;
        }
        eventsStopped = true;
        if (lingering) {
            outbox.send(Frames.lingerNotice(attached.uuid, attached.name, lingerSeconds), false);
            if (lingerSeconds > 0) {
                // the linger time is over: FreeSWITCH says goodbye and closes
                core.schedule(() -> {
                    if (!closed) {
                        outbox.sendAndClose(Frames.outboundDisconnectNotice(attached.uuid));
                        closed = true;
                    }
                }, lingerSeconds, TimeUnit.SECONDS);
            }
        } else {
            outbox.sendAndClose(Frames.outboundDisconnectNotice(attached.uuid));
            closed = true;
        }
    }

    void sendGarbage(byte[] bytes) {
        outbox.writeRaw(bytes);
    }

    /** The socket is gone (either side). */
    void closed() {
        closed = true;
        outbox.discard();
        if (attached != null && attached.alive()) {
            core.hangup(attached, "NORMAL_CLEARING", "socket closed");
        }
    }

    void drop() {
        closed = true;
        outbox.discard();
        netty.close();
    }
}
