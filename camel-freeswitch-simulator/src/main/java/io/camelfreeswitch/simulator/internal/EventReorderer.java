package io.camelfreeswitch.simulator.internal;

import java.util.Random;
import java.util.function.Consumer;

/**
 * The seeded option that delivers events the way a busy FreeSWITCH sometimes does: an event held back and
 * delivered after its successor (Event-Sequence still says the firing order), and CHANNEL_PROGRESS before
 * CHANNEL_CREATE. Same seed, same choices.
 */
final class EventReorderer {

    private final Random random;
    private final Consumer<SimEvent> deliver;
    private final SwitchCore core;
    private SimEvent held;

    EventReorderer(Random random, Consumer<SimEvent> deliver, SwitchCore core) {
        this.random = random;
        this.deliver = deliver;
        this.core = core;
    }

    void fire(SimEvent e) {
        if (held != null) {
            SimEvent first = held;
            held = null;
            deliver.accept(e);
            deliver.accept(first);
            return;
        }
        // BACKGROUND_JOB is never held: its place relative to the channel events is part of the contract
        if (!"BACKGROUND_JOB".equals(e.name()) && random.nextInt(4) == 0) {
            held = e;
            core.later(this::flush);
            return;
        }
        deliver.accept(e);
    }

    private void flush() {
        if (held != null) {
            SimEvent e = held;
            held = null;
            deliver.accept(e);
        }
    }

    boolean progressBeforeCreate() {
        return random.nextInt(3) == 0;
    }
}
