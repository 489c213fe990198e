package io.camelfreeswitch.simulator.internal;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The callee's keypad: scripted DTMF presses after the answer. Each key fires a DTMF event as
 * switch_channel_dequeue_dtmf does (the channel block and caller profile without variables, then DTMF-Digit,
 * DTMF-Duration in samples and DTMF-Source), and is read by an originate waiting for its confirm key.
 */
final class Keypad {

    /** FreeSWITCH's default digit length, in samples at 8 kHz (250 ms). */
    private static final String DURATION = "2000";
    private static final Duration BETWEEN_KEYS = Duration.ofMillis(300);

    private Keypad() {
    }

    /** Called once the channel is answered: schedules its behaviour's presses, if it has any. */
    static void answered(SwitchCore core, SimChannel ch) {
        if (ch.behaviour == null || ch.behaviour.keys() == null) {
            return;
        }
        String keys = ch.behaviour.keys();
        for (int i = 0; i < keys.length(); i++) {
            char key = keys.charAt(i);
            long delay = ch.behaviour.keysAfter().plus(BETWEEN_KEYS.multipliedBy(i)).toNanos();
            ScheduledFuture<?> press = core.schedule(() -> press(core, ch, key), delay, TimeUnit.NANOSECONDS);
            if (press != null) {
                ch.timers.add(press);
            }
        }
    }

    static void press(SwitchCore core, SimChannel ch, char key) {
        if (!ch.alive()) {
            return;
        }
        core.fireChannel(ch, "DTMF", "switch_channel.c", "switch_channel_dequeue_dtmf", 626, false,
                "DTMF-Digit", String.valueOf(key), "DTMF-Duration", DURATION, "DTMF-Source", "RTP");
        if (ch.job != null) {
            ch.job.dtmf(ch, key);
        }
    }
}
