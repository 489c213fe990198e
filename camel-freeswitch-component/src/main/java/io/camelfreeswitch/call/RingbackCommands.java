package io.camelfreeswitch.call;

/**
 * The api commands that play ringback to a ring group's caller and stop it, written in one place. Arguments are
 * checked by {@link CallerRingback#validate(String)} and by the connection (no control characters).
 */
final class RingbackCommands {

    private RingbackCommands() {
    }

    /** Early media for a caller not yet answered, as FreeSWITCH's bridge does before its ringback; no-op otherwise. */
    static String preAnswer(String uuid) {
        return "uuid_pre_answer " + uuid;
    }

    /** Plays {@code media} to the caller only ({@code aleg}), until it ends or is broken. */
    static String play(String uuid, String media) {
        return "uuid_broadcast " + uuid + " playback::" + media + " aleg";
    }

    /** Stops what the caller hears and drops anything queued behind it, so that what follows starts clean. */
    static String stop(String uuid) {
        return "uuid_break " + uuid + " all";
    }
}
