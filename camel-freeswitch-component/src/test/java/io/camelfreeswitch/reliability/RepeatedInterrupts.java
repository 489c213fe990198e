package io.camelfreeswitch.reliability;

/**
 * Interrupts a thread every few milliseconds until closed, as a forced shutdown, a container or a supervisor may do
 * to the thread stopping an application: whatever it is waiting for when the interrupt lands must still happen.
 */
final class RepeatedInterrupts implements AutoCloseable {

    private final Thread interrupter;
    private volatile boolean interrupting = true;
    private volatile int count;

    RepeatedInterrupts(Thread target) {
        interrupter = new Thread(() -> {
            while (interrupting && target.isAlive()) {
                target.interrupt();
                count++;
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "interrupting-" + target.getName());
        interrupter.setDaemon(true);
        interrupter.start();
    }

    /** How many times the target was interrupted. */
    int count() {
        return count;
    }

    @Override
    public void close() throws InterruptedException {
        interrupting = false;
        interrupter.join();
    }
}
