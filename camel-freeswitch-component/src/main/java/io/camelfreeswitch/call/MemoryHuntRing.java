package io.camelfreeswitch.call;

import java.time.Duration;
import java.util.List;

/**
 * MEMORY_HUNT (FreePBX's memoryhunt): ring the first destination, then the first two, then the first three…, each
 * step lasting the timeout. A destination keeps ringing from its step until the hunt ends, so step k rings the first
 * k destinations at once; one that failed (busy, rejected) is not rung again. The first to answer wins and every
 * other leg gets LOSE_RACE; after the last step's timeout every leg is hung up with NO_ANSWER. The total timeout caps
 * the whole hunt.
 */
final class MemoryHuntRing implements RingStrategy {

    private final List<String> destinations;
    private int added;

    MemoryHuntRing(RingGroupRequest request) {
        this.destinations = request.destinations();
    }

    @Override
    public void start(RingEngine engine) {
        step(engine);
    }

    private void step(RingEngine engine) {
        if (engine.isFinished() || engine.winner() != null) {
            return;
        }
        Duration stepFor = engine.nextRingTime();
        if (stepFor == null || added == destinations.size()) {
            engine.timeOut(); // the total timeout is spent, or the last step had its time
            return;
        }
        int step = ++added;
        // rings from this step to the end of the hunt; the engine's total-timeout timer ends it sooner if it must
        Duration ringFor = stepFor.multipliedBy(destinations.size() - step + 1L);
        engine.ring(destinations.get(step - 1), ringFor, null);
        engine.schedule(stepFor, () -> {
            if (added == step) {
                step(engine);
            }
        });
    }

    @Override
    public void legEnded(RingEngine engine, Leg leg) {
        if (engine.winner() == null && engine.allLegsOver()) {
            if (added == destinations.size()) {
                engine.finishExhausted();
            } else {
                step(engine); // every destination rung so far failed: take the next step now
            }
        }
    }
}
