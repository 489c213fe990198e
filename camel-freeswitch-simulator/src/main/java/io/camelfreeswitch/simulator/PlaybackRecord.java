package io.camelfreeswitch.simulator;

import java.time.Instant;

/**
 * One thing a channel was played, as the ledger saw it.
 *
 * @param uuid        the channel's Unique-ID
 * @param media       what was played, as given ({@code tone_stream://%(2000,4000,440,480);loops=-1}, a file...)
 * @param answerState the channel's Answer-State when it started: {@code early} (pre-answered), {@code answered} or
 *                    {@code ringing}
 * @param started     when it started
 * @param stopped     when it stopped, or null while it plays
 * @param stoppedBy   why it stopped: "uuid_break", "end" (it was over), "hangup", "confirmed" (a confirm prompt
 *                    whose key was pressed), "replaced" (another playback started); null while it plays
 */
public record PlaybackRecord(String uuid, String media, String answerState, Instant started, Instant stopped,
                             String stoppedBy) {

    PlaybackRecord withStopped(Instant at, String by) {
        return new PlaybackRecord(uuid, media, answerState, started, at, by);
    }
}
