package io.camelfreeswitch.esl.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

/**
 * Runs tasks one at a time, in submission order, on a shared pool. Several of these over one pool give ordered
 * handling per key without a thread per key: the connection's event lanes, and with them every ring group, whose
 * state is touched only by tasks on its lane. A task queued by a running task runs in the same turn, on the same
 * thread. A turn runs at most {@value #BATCH} tasks, so one busy lane cannot starve the others of the pool.
 * <p>
 * A lane may be told when the calling thread is already the delegate's ({@code runsHere}): a task given to it there
 * while the lane is idle runs at once, without a trip through the delegate's queue. A task a running task queues
 * still waits for it (never nested), so order holds whichever way a task comes in.
 */
public final class SerialExecutor implements Executor {
    private static final Logger LOG = LoggerFactory.getLogger(SerialExecutor.class);
    static final int BATCH = 128;

    private final Executor delegate;
    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final Runnable drain = this::drain;
    private final BooleanSupplier runsHere;

    public SerialExecutor(Executor delegate) {
        this(delegate, () -> false);
    }

    /** As {@link #SerialExecutor(Executor)}; {@code runsHere} says whether the calling thread is the delegate's. */
    public SerialExecutor(Executor delegate, BooleanSupplier runsHere) {
        this.delegate = delegate;
        this.runsHere = runsHere;
    }

    @Override
    public void execute(Runnable task) {
        tasks.add(task);
        if (runsHere.getAsBoolean() && scheduled.compareAndSet(false, true)) {
            drain();
        } else {
            schedule();
        }
    }

    /** How many tasks wait for their turn (not counting one running now). */
    public int queued() {
        return tasks.size();
    }

    private void schedule() {
        if (scheduled.compareAndSet(false, true)) {
            try {
                delegate.execute(drain);
            } catch (RejectedExecutionException e) {
                // the pool is shut down: run here rather than lose an event, a hang-up or a future completion
                drain();
            } catch (RuntimeException | Error e) {
                scheduled.set(false); // else this lane would wait for a drain that never comes
                throw e;
            }
        }
    }

    private void drain() {
        try {
            for (int i = 0; i < BATCH; i++) {
                Runnable task = tasks.poll();
                if (task == null) {
                    break;
                }
                try {
                    task.run();
                } catch (Throwable t) {
                    LOG.warn("Serial task failed; the ones after it still run", t);
                }
            }
        } finally {
            scheduled.set(false);
            if (!tasks.isEmpty()) {
                schedule();
            }
        }
    }
}
