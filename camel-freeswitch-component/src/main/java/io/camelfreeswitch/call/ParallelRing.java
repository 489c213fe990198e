package io.camelfreeswitch.call;

import java.time.Duration;

/**
 * PARALLEL: every destination is rung at once. The first leg to answer wins and every other leg is hung up with
 * LOSE_RACE ("answered elsewhere" on the phones). Nobody answers within the timeout: every leg is hung up with
 * NO_ANSWER and the group ends empty. Every leg failed (busy, rejected, unreachable) before that: it ends empty at
 * once.
 */
final class ParallelRing implements RingStrategy {

    @Override
    public void start(RingEngine engine) {
        Duration ringFor = engine.nextRingTime();
        if (ringFor == null) {
            engine.timeOut();
            return;
        }
        for (String destination : engine.request().destinations()) {
            engine.ring(destination, ringFor, null); // each leg is hung up when that is up; the last one ends the group
        }
    }

    @Override
    public void legEnded(RingEngine engine, Leg leg) {
        if (engine.allLegsOver() && engine.winner() == null) {
            engine.finishExhausted();
        }
    }
}
