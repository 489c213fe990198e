package io.camelfreeswitch.simulator.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Event emission: the header block every event carries, channel events as FreeSWITCH writes them, and delivery to
 * every connection that wants them (in firing order unless the seeded reorder is on).
 */
final class SwitchEvents {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final DateTimeFormatter GMT = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ENGLISH);

    private final SwitchCore core;
    private final List<EslSession> sessions;
    private final AtomicLong sequence = new AtomicLong(100);
    private final EventReorderer reorderer;

    SwitchEvents(SwitchCore core, List<EslSession> sessions, Long reorderSeed) {
        this.core = core;
        this.sessions = sessions;
        this.reorderer = reorderSeed == null ? null : new EventReorderer(new Random(reorderSeed), this::deliver, core);
    }

    /** Whether this channel's CHANNEL_PROGRESS goes out before its CHANNEL_CREATE (seeded reorder only). */
    boolean progressBeforeCreate() {
        return reorderer != null && reorderer.progressBeforeCreate();
    }

    SimEvent baseEvent(String name, String file, String function, int line) {
        long micros = core.nowMicros();
        ZonedDateTime t = Instant.ofEpochMilli(micros / 1000).atZone(ZoneId.systemDefault());
        return new SimEvent().add("Event-Name", name)
                .add("Core-UUID", core.coreUuid())
                .add("FreeSWITCH-Hostname", SwitchCore.HOSTNAME)
                .add("FreeSWITCH-Switchname", SwitchCore.HOSTNAME)
                .add("FreeSWITCH-IPv4", "127.0.0.1")
                .add("FreeSWITCH-IPv6", "::1")
                .add("Event-Date-Local", LOCAL.format(t))
                .add("Event-Date-GMT", GMT.format(t.withZoneSameInstant(ZoneId.of("GMT"))))
                .add("Event-Date-Timestamp", String.valueOf(micros))
                .add("Event-Calling-File", file)
                .add("Event-Calling-Function", function)
                .add("Event-Calling-Line-Number", String.valueOf(line))
                .add("Event-Sequence", String.valueOf(sequence.incrementAndGet()));
    }

    void fire(SimEvent e) {
        if (reorderer != null) {
            reorderer.fire(e);
        } else {
            deliver(e);
        }
    }

    private void deliver(SimEvent e) {
        for (EslSession s : sessions) {
            s.offer(e);
        }
    }

    void log(int level, String text, String file, String func, int line) {
        String stamp = LOCAL.format(ZonedDateTime.ofInstant(core.now(), ZoneId.systemDefault())) + ".000000";
        String l = stamp + " 99.00% [" + Logs.name(level) + "] " + file + ":" + line + " " + text + "\n";
        for (EslSession s : sessions) {
            s.offerLog(level, l, file, func, line);
        }
    }

    void fireBackgroundJob(String jobUuid, String command, String args, String body) {
        SimEvent e = baseEvent("BACKGROUND_JOB", "mod_event_socket.c", "api_exec", 1572)
                .add("Job-UUID", jobUuid)
                .add("Job-Command", command)
                .add("Job-Command-Arg", args)
                .body(body);
        fire(e);
    }

    /** A channel event: channel block, caller profile, variables (unless the real one omits them), extras. */
    SimEvent channelEvent(SimChannel ch, String name, String file, String func, int line, boolean withVariables,
                          String... extra) {
        SimEvent e = baseEvent(name, file, func, line);
        if (name.equals("CHANNEL_HANGUP_COMPLETE")) {
            e.add("Hangup-Cause", ch.hangupCause);
        }
        if (name.equals("CHANNEL_CALLSTATE")) {
            e.add("Original-Channel-Call-State", extra.length > 0 ? extra[0] : "DOWN");
            e.add("Channel-Call-State-Number", String.valueOf(SimChannel.callStateNumber(ch.callState)));
            extra = new String[0];
        }
        ch.writeHeaders(e, withVariables);
        for (int i = 0; i + 1 < extra.length; i += 2) {
            if (extra[i + 1] != null) {
                e.add(extra[i], extra[i + 1]);
            }
        }
        return e;
    }

    void fireChannel(SimChannel ch, String name, String file, String func, int line, boolean withVariables,
                     String... extra) {
        fire(channelEvent(ch, name, file, func, line, withVariables, extra));
    }

    void setState(SimChannel ch, String state) {
        ch.state = state;
        fireChannel(ch, "CHANNEL_STATE", "switch_channel.c", "switch_channel_perform_set_running_state", 2408, false);
    }

    void setCallState(SimChannel ch, String callState) {
        String previous = ch.callState;
        ch.callState = callState;
        fireChannel(ch, "CHANNEL_CALLSTATE", "switch_channel.c", "switch_channel_perform_set_callstate", 301, false, previous);
    }

    /** The CHANNEL_DATA header block that answers {@code connect} on an outbound socket. */
    SimEvent channelData(SimChannel ch) {
        SimEvent e = baseEvent("CHANNEL_DATA", "mod_event_socket.c", "parse_command", 2021);
        ch.writeProfile(e, "Channel-");
        ch.writeChannelBlock(e);
        ch.writeProfile(e, "Caller-");
        ch.writeVariables(e);
        e.add("Content-Type", "command/reply");
        e.add("Reply-Text", "+OK\n");
        e.add("Socket-Mode", "async");
        e.add("Control", "full");
        return e;
    }
}
