package io.camelfreeswitch.esl;

import io.camelfreeswitch.esl.internal.SerialExecutor;
import io.netty.channel.EventLoop;

import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;

/**
 * Builds a connection's I/O lane: a serial lane whose turns run on the event loop of the connection's current
 * socket. After a reconnect the new socket may sit on another loop of the group; the lane still runs one task at a
 * time, in order, because a turn is queued on a loop only when none is queued or running anywhere. While there is
 * no loop to run on (no socket yet, or the loop is shutting down because the connection is closed) a turn runs on
 * the thread that queued it, so no task is ever lost.
 */
final class EventLoopLane {

    private EventLoopLane() {
    }

    /** {@code currentLoop} gives the loop of the current socket, or {@code null} when there is none to run on. */
    static SerialExecutor create(Supplier<EventLoop> currentLoop) {
        return new SerialExecutor(drain -> {
            EventLoop loop = currentLoop.get();
            if (loop == null || loop.isShuttingDown()) {
                throw new RejectedExecutionException("no event loop"); // the lane runs the turn on this thread
            }
            loop.execute(drain); // from the loop itself this only queues: nothing is woken
        }, () -> {
            EventLoop loop = currentLoop.get();
            return loop != null && loop.inEventLoop();
        });
    }
}
