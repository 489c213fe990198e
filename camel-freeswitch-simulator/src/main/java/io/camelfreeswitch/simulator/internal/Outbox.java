package io.camelfreeswitch.simulator.internal;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.TimeUnit;

/**
 * Ordered output of one ESL connection, driven from the switch core thread. A hold marker keeps everything queued
 * behind a running {@code api} (FreeSWITCH writes nothing else on that socket until the api finishes); slow-event
 * faults delay each event frame without ever reordering frames.
 */
final class Outbox {

    private static final class Entry {
        String data;
        boolean event;
        boolean hold;
        boolean closeAfter;
        boolean delayed;
    }

    private final Channel channel;
    private final SwitchCore core;
    private final Deque<Entry> queue = new ArrayDeque<>();
    private boolean waitingForDelay;
    private boolean closed;

    Outbox(Channel channel, SwitchCore core) {
        this.channel = channel;
        this.core = core;
    }

    void send(String data, boolean event) {
        Entry e = new Entry();
        e.data = data;
        e.event = event;
        queue.add(e);
        drain();
    }

    void sendAndClose(String data) {
        Entry e = new Entry();
        e.data = data;
        e.closeAfter = true;
        queue.add(e);
        drain();
    }

    /** Marks the place where the pending api's response will go; nothing after it leaves until it is released. */
    Object hold() {
        Entry e = new Entry();
        e.hold = true;
        queue.add(e);
        return e;
    }

    void release(Object marker, String response) {
        Entry e = (Entry) marker;
        e.data = response;
        e.hold = false;
        drain();
    }

    void drain() {
        if (waitingForDelay) {
            return;
        }
        boolean wrote = false;
        while (!queue.isEmpty() && !closed) {
            Entry head = queue.peek();
            if (head.hold) {
                break;
            }
            long slow = core.slowEventsMillis();
            if (head.event && slow > 0 && !head.delayed) {
                head.delayed = true;
                waitingForDelay = true;
                core.schedule(() -> {
                    waitingForDelay = false;
                    drain();
                }, slow, TimeUnit.MILLISECONDS);
                break;
            }
            queue.poll();
            if (head.data != null) {
                channel.write(Unpooled.copiedBuffer(head.data, StandardCharsets.UTF_8));
                wrote = true;
            }
            if (head.closeAfter) {
                closed = true;
                channel.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
                queue.clear();
                return;
            }
        }
        if (wrote) {
            channel.flush();
        }
    }

    void writeRaw(byte[] bytes) {
        channel.writeAndFlush(Unpooled.wrappedBuffer(bytes));
    }

    void discard() {
        closed = true;
        queue.clear();
    }
}
