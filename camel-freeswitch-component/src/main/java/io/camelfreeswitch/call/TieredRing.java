package io.camelfreeswitch.call;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * TIERED: the destinations in ordered tiers (FreeSWITCH's {@code a,b|c,d}). Every destination of a tier rings at
 * once, as PARALLEL, for the timeout; nobody in the tier answers in that time, or all of them fail, and its legs are
 * hung up with NO_ANSWER and the next tier rings. The first to answer wins and every other leg gets LOSE_RACE. The
 * total timeout caps the whole group.
 */
final class TieredRing implements RingStrategy {

    private final List<List<String>> tiers;
    private final List<Leg> ringing = new ArrayList<>();
    private int next;

    TieredRing(RingGroupRequest request) {
        this.tiers = request.tiers();
    }

    @Override
    public void start(RingEngine engine) {
        ringNextTier(engine);
    }

    private void ringNextTier(RingEngine engine) {
        ringing.clear();
        if (engine.isFinished()) {
            return;
        }
        Duration ringFor = engine.nextRingTime();
        if (ringFor == null || next == tiers.size()) {
            engine.timeOut(); // the total timeout is spent, or the last tier had its time
            return;
        }
        int tier = next++;
        for (String destination : tiers.get(tier)) {
            ringing.add(engine.ring(destination, ringFor, null)); // hung up when that is up
        }
        // the next tier rings once this one is over, or at its time even if a leg that answered is still confirming
        engine.schedule(ringFor, () -> {
            if (next == tier + 1 && engine.winner() == null) {
                ringing.forEach(Leg::ringTimeUp); // their own timers, due now too, may not have run yet
                ringNextTier(engine);
            }
        });
    }

    @Override
    public void legEnded(RingEngine engine, Leg leg) {
        if (engine.winner() == null && ringing.stream().allMatch(Leg::isOver)) {
            if (next == tiers.size()) {
                engine.finishExhausted();
            } else {
                ringNextTier(engine); // the whole tier failed (busy, rejected) or rang its time
            }
        }
    }
}
