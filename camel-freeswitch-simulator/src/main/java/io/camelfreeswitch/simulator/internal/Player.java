package io.camelfreeswitch.simulator.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a channel hears: one playback at a time, recorded in the ledger from start to stop. A repeated tone
 * ({@code tone_stream://...;loops=-1}) or a {@code local_stream://} plays until it is broken ({@code uuid_break}) or
 * the channel hangs up; anything else ends on its own ({@code silence_stream://N} after N ms, other media after
 * 100 ms).
 * Core thread only.
 */
public final class Player {

    private static final Pattern SILENCE = Pattern.compile("silence_stream://(\\d+)");
    private static final long DEFAULT_PLAYBACK_MILLIS = 100;

    private record Playing(String media, Consumer<String> done, ScheduledFuture<?> end) {
    }

    private final SwitchCore core;
    private final Map<SimChannel, Playing> playing = new HashMap<>();

    Player(SwitchCore core) {
        this.core = core;
    }

    /** Plays {@code media} on {@code ch}; {@code done} receives the Application-Response when it stops. */
    void play(SimChannel ch, String media, Consumer<String> done) {
        play(ch, media, millis(media), done);
    }

    /** Plays {@code media} on {@code ch} until it is stopped, as an originate repeats its confirm prompt. */
    void playUntilStopped(SimChannel ch, String media) {
        play(ch, media, -1, response -> { });
    }

    private void play(SimChannel ch, String media, long millis, Consumer<String> done) {
        stop(ch, "replaced");
        core.ledger().playbackStarted(ch.uuid, media, ch.answerState, core.now());
        ScheduledFuture<?> end = millis < 0 ? null
                : core.schedule(() -> stop(ch, "end"), millis, TimeUnit.MILLISECONDS);
        playing.put(ch, new Playing(media, done, end));
    }

    /** Stops what {@code ch} hears, if anything; {@code by} says why ("uuid_break", "end", "hangup", ...). */
    boolean stop(SimChannel ch, String by) {
        Playing p = playing.remove(ch);
        if (p == null) {
            return false;
        }
        if (p.end() != null) {
            p.end().cancel(false);
        }
        // the ledger at once, as the audio stops at once; the application completes after the reply, as it does
        core.ledger().playbackStopped(ch.uuid, p.media(), core.now(), by);
        core.later(() -> {
            if (ch.alive()) {
                p.done().accept("FILE PLAYED");
            }
        });
        return true;
    }

    /** How long {@code media} plays, or -1 for until broken. */
    static long millis(String media) {
        if (media == null) {
            return DEFAULT_PLAYBACK_MILLIS;
        }
        if (media.startsWith("local_stream://") || media.startsWith("tone_stream://") && media.contains("loops=-1")) {
            return -1;
        }
        Matcher m = SILENCE.matcher(media);
        return m.find() ? Long.parseLong(m.group(1)) : DEFAULT_PLAYBACK_MILLIS;
    }
}
