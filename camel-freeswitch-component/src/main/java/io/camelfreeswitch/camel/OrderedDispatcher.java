package io.camelfreeswitch.camel;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;

/**
 * Runs tasks keyed by channel with at most {@code maxConcurrent} keys at work, and the tasks of one key strictly one
 * after the other in submission order. A task is handed a completion {@link Runnable} it calls when its (possibly
 * asynchronous) work is over; only then may the next task of the same key start. Nobody blocks: waiting tasks are
 * queued.
 */
final class OrderedDispatcher<T> {

    private final int maxConcurrent;
    private final Executor executor;
    private final BiConsumer<T, Runnable> task;
    private final Map<String, Deque<T>> queues = new HashMap<>();
    private final Deque<String> readyKeys = new ArrayDeque<>();
    private int running;

    OrderedDispatcher(int maxConcurrent, Executor executor, BiConsumer<T, Runnable> task) {
        this.maxConcurrent = Math.max(1, maxConcurrent);
        this.executor = executor;
        this.task = task;
    }

    void submit(String key, T item) {
        String k = key == null ? "" : key;
        boolean start;
        synchronized (this) {
            Deque<T> queue = queues.get(k);
            if (queue != null) {
                // the key is running or waiting for a slot: keep the order
                queue.addLast(item);
                return;
            }
            queue = new ArrayDeque<>();
            queue.addLast(item);
            queues.put(k, queue);
            start = running < maxConcurrent;
            if (start) {
                running++;
            } else {
                readyKeys.addLast(k);
            }
        }
        if (start) {
            runHead(k);
        }
    }

    private void runHead(String key) {
        T item;
        synchronized (this) {
            item = queues.get(key).peekFirst();
        }
        executor.execute(() -> task.accept(item, () -> finished(key)));
    }

    private void finished(String key) {
        String next;
        synchronized (this) {
            Deque<T> queue = queues.get(key);
            queue.pollFirst();
            if (!queue.isEmpty()) {
                // a busy channel takes its turn behind channels that wait for a slot
                readyKeys.addLast(key);
                next = readyKeys.pollFirst();
            } else {
                queues.remove(key);
                next = readyKeys.pollFirst();
                if (next == null) {
                    running--;
                }
            }
        }
        if (next != null) {
            runHead(next);
        }
    }

    synchronized int pending() {
        return queues.values().stream().mapToInt(Deque::size).sum();
    }
}
