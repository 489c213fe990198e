package io.camelfreeswitch.reliability;

import java.util.ArrayList;
import java.util.List;

/**
 * Keeps a few threads spinning while open: a machine busy with other work, as an application under load meets its
 * own shutdown. Timers fire late and threads wait for a core, which is when ordering bugs show.
 */
final class BusyCpu implements AutoCloseable {

    private final List<Thread> spinners = new ArrayList<>();
    private volatile boolean spinning = true;

    BusyCpu(int threads) {
        for (int i = 0; i < threads; i++) {
            Thread spinner = new Thread(() -> {
                long sink = 0;
                while (spinning) {
                    sink += System.nanoTime() % 7;
                }
                if (sink == 42) {
                    System.out.print(""); // keeps the loop from being optimised away
                }
            }, "busy-cpu-" + i);
            spinner.setDaemon(true);
            spinner.start();
            spinners.add(spinner);
        }
    }

    @Override
    public void close() throws InterruptedException {
        spinning = false;
        for (Thread spinner : spinners) {
            spinner.join();
        }
    }
}
