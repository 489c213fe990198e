package io.camelfreeswitch.simulator.internal;

import java.util.ArrayList;
import java.util.List;

/** Work a fault holds back while it is on; switching it off runs what was held, in order, on the core thread. */
final class HeldBack {

    private final SwitchCore core;
    private final List<Runnable> held = new ArrayList<>();
    private boolean holding;

    HeldBack(SwitchCore core) {
        this.core = core;
    }

    /** Runs {@code work} now, or keeps it until the fault is switched off. */
    void runOrHold(Runnable work) {
        synchronized (held) {
            if (holding) {
                held.add(work);
                return;
            }
        }
        work.run();
    }

    void hold(boolean on) {
        List<Runnable> due;
        synchronized (held) {
            holding = on;
            due = on ? List.of() : List.copyOf(held);
            if (!on) {
                held.clear();
            }
        }
        if (!due.isEmpty()) {
            core.execute(() -> due.forEach(Runnable::run));
        }
    }
}
