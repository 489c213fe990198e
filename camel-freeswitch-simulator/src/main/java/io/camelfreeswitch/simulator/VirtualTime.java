package io.camelfreeswitch.simulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.Delayed;
import java.util.concurrent.Executors;
import java.util.concurrent.FutureTask;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A time that moves only when told to: a {@link Clock} and a {@link ScheduledExecutorService} whose timers fire when
 * {@link #advance(Duration)} reaches them. Give it to the simulator ({@link FreeSwitchSimulator.Builder#time}) and to
 * the code under test (a ring group takes {@code time(virtualTime.clock(), virtualTime.scheduler())}), and a test
 * of a 30 second ring timeout takes milliseconds, with every timestamp exact.
 * <p>
 * Timers fire in the order they are due (those due together in the order they were set), each with the clock
 * reading its due time, on the thread that advances; their tasks should only hand work over (as the simulator's and
 * the ring groups' do), never block. Time does not move while what a timer started is still under way: a test that
 * advances, then waits for what it expects (a hang-up in the ledger, the group's result) before it advances again
 * sees every step happen at the instant it was due, however slow the machine.
 */
public final class VirtualTime {

    private final PriorityQueue<Timer> timers = new PriorityQueue<>();
    private final Clock clock = new VirtualClock(ZoneOffset.UTC);
    private final ScheduledExecutorService scheduler = new VirtualScheduler();
    private long nowNanos;
    private long sequence;

    /** A virtual time starting at the current instant. */
    public VirtualTime() {
        this(Instant.now());
    }

    private VirtualTime(Instant start) {
        this.nowNanos = start.getEpochSecond() * 1_000_000_000L + start.getNano();
    }

    /** A virtual time starting at {@code start}. */
    public static VirtualTime startingAt(Instant start) {
        return new VirtualTime(Objects.requireNonNull(start, "start"));
    }

    public Clock clock() {
        return clock;
    }

    /**
     * Timers on this time. {@code execute} and a zero delay are due at once, so they run at the next
     * {@link #advance}; {@code shutdown} forgets nothing (the timers belong to whoever set them).
     */
    public ScheduledExecutorService scheduler() {
        return scheduler;
    }

    public synchronized Instant now() {
        return Instant.ofEpochSecond(0, nowNanos);
    }

    /** How many timers are set and not yet fired or cancelled. */
    public synchronized int pendingTimers() {
        return timers.size();
    }

    /** Moves the time on by {@code by}, firing every timer due by then in turn, each at its own due time. */
    public void advance(Duration by) {
        if (by.isNegative()) {
            throw new IllegalArgumentException("time only moves forward, not by " + by);
        }
        long target;
        synchronized (this) {
            target = nowNanos + by.toNanos();
        }
        while (true) {
            Timer next;
            synchronized (this) {
                next = timers.peek();
                if (next == null || next.due > target) {
                    nowNanos = target;
                    return;
                }
                timers.poll();
                nowNanos = Math.max(nowNanos, next.due);
            }
            next.fire();
        }
    }

    private synchronized Timer add(Timer timer) {
        timers.add(timer);
        return timer;
    }

    private synchronized boolean remove(Timer timer) {
        return timers.remove(timer);
    }

    private synchronized long nanosUntil(long due) {
        return due - nowNanos;
    }

    private synchronized long dueIn(long delay, TimeUnit unit) {
        return nowNanos + Math.max(0, unit.toNanos(delay));
    }

    private final class Timer extends FutureTask<Object> implements ScheduledFuture<Object> {
        private final long seq;
        private final long period; // 0: once; > 0: fixed rate; < 0: fixed delay
        private long due;

        Timer(Callable<Object> task, long due, long period) {
            super(task);
            this.due = due;
            this.period = period;
            synchronized (VirtualTime.this) {
                this.seq = sequence++;
            }
        }

        void fire() {
            if (period == 0) {
                run();
            } else if (runAndReset()) {
                synchronized (VirtualTime.this) {
                    due = period > 0 ? due + period : nowNanos - period;
                }
                add(this);
            }
        }

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            remove(this);
            return super.cancel(mayInterruptIfRunning);
        }

        @Override
        public long getDelay(TimeUnit unit) {
            return unit.convert(nanosUntil(due), TimeUnit.NANOSECONDS);
        }

        @Override
        public int compareTo(Delayed other) {
            Timer o = (Timer) other;
            return due != o.due ? Long.compare(due, o.due) : Long.compare(seq, o.seq);
        }
    }

    private final class VirtualScheduler extends AbstractExecutorService implements ScheduledExecutorService {

        @Override
        public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
            return add(new Timer(Executors.callable(command), dueIn(delay, unit), 0));
        }

        @Override
        @SuppressWarnings("unchecked")
        public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
            return (ScheduledFuture<V>) add(new Timer((Callable<Object>) callable, dueIn(delay, unit), 0));
        }

        @Override
        public ScheduledFuture<?> scheduleAtFixedRate(Runnable command, long initialDelay, long period, TimeUnit unit) {
            return add(new Timer(Executors.callable(command), dueIn(initialDelay, unit), positive(period, unit)));
        }

        @Override
        public ScheduledFuture<?> scheduleWithFixedDelay(Runnable command, long initialDelay, long delay, TimeUnit unit) {
            return add(new Timer(Executors.callable(command), dueIn(initialDelay, unit), -positive(delay, unit)));
        }

        private long positive(long period, TimeUnit unit) {
            if (period <= 0) {
                throw new IllegalArgumentException("period must be positive");
            }
            return unit.toNanos(period);
        }

        @Override
        public void execute(Runnable command) {
            schedule(command, 0, TimeUnit.NANOSECONDS);
        }

        @Override
        public void shutdown() {
        }

        @Override
        public List<Runnable> shutdownNow() {
            return List.of();
        }

        @Override
        public boolean isShutdown() {
            return false;
        }

        @Override
        public boolean isTerminated() {
            return false;
        }

        @Override
        public boolean awaitTermination(long timeout, TimeUnit unit) {
            return false;
        }
    }

    private final class VirtualClock extends Clock {
        private final ZoneId zone;

        VirtualClock(ZoneId zone) {
            this.zone = zone;
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return new VirtualClock(zone);
        }

        @Override
        public Instant instant() {
            return now();
        }
    }
}
