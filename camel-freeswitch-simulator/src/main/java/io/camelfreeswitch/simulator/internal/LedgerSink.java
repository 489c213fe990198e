package io.camelfreeswitch.simulator.internal;

import java.time.Instant;

/** Where the switch core reports channel life-cycle facts (the public SimulatorLedger). */
public interface LedgerSink {

    void created(String uuid, String destination, Instant at);

    void answered(String uuid, Instant at);

    void bridged(String uuid, Instant at);

    void hungUp(String uuid, Instant at, String cause, String killedBy);

    void destroyed(String uuid);

    /** {@code answerState} is the channel's when the playback started: "early" once pre-answered. */
    default void playbackStarted(String uuid, String media, String answerState, Instant at) {
    }

    default void playbackStopped(String uuid, String media, Instant at, String stoppedBy) {
    }
}
