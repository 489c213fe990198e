package io.camelfreeswitch.call;

import io.camelfreeswitch.esl.EslConnection;
import io.camelfreeswitch.esl.internal.EslCommands;

import java.util.concurrent.CompletableFuture;

/**
 * What the caller of a ring group hears while it rings: like FreeSWITCH's bridge with {@code ringback} and
 * {@code instant_ringback=true}, the caller is pre-answered if it was not answered yet (early media), then hears
 * the ringback from the first leg's originate until the group ends, when it is broken off so that whatever follows
 * (a bridge, voicemail) starts clean.
 */
final class CallerRingback {

    private final EslConnection connection;
    private final String callerUuid;
    private final String media;
    private boolean playing;

    CallerRingback(EslConnection connection, String callerUuid, String ringback) {
        this.connection = connection;
        this.callerUuid = callerUuid;
        this.media = media(ringback);
    }

    /**
     * A tone ({@code %(2000,4000,440,480)}, or {@code tone_stream://...} without loops) is repeated until broken; a
     * stream ({@code local_stream://moh}) plays until broken; a sound file plays once.
     */
    static String media(String ringback) {
        if (ringback.startsWith("%(")) {
            return "tone_stream://" + ringback + ";loops=-1";
        }
        if (ringback.startsWith("tone_stream://") && !ringback.contains("loops=")) {
            return ringback + ";loops=-1";
        }
        return ringback;
    }

    /** uuid_broadcast splits its arguments on spaces: a ringback with one would be cut. */
    static void validate(String ringback) {
        if (ringback != null && (ringback.isBlank() || ringback.chars().anyMatch(Character::isWhitespace))) {
            throw new IllegalArgumentException("ringback must be a tone, a file or a stream without white space,"
                    + " was '" + ringback + "'");
        }
    }

    /** Starts the ringback once; later calls do nothing. */
    void start() {
        if (playing) {
            return;
        }
        playing = true;
        EslCommands.uuidPreAnswer(callerUuid).api(connection);
        EslCommands.uuidBroadcastPlayback(callerUuid, media).api(connection);
    }

    /** Breaks the ringback off, unless it never started or the caller is gone; completes once FreeSWITCH has. */
    CompletableFuture<Void> stop(boolean callerGone) {
        if (!playing || callerGone) {
            return CompletableFuture.completedFuture(null);
        }
        playing = false;
        return EslCommands.uuidBreakAll(callerUuid).api(connection).handle((ok, e) -> null);
    }
}
