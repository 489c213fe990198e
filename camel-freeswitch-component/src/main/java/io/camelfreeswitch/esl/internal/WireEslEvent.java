package io.camelfreeswitch.esl.internal;

import io.camelfreeswitch.esl.EslEvent;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;

/**
 * An event read lazily from its wire bytes, which it may borrow: a retained slice of the socket's read buffer, so
 * the body is never copied for an event that is only routed.
 *
 * <p>Ownership rule: a borrowed event is readable until {@link #release()}; the dispatcher releases it once every
 * listener has returned. Whatever may keep the event beyond that — a user listener, a future, a Camel exchange —
 * gets it only after {@link #keep()}, which copies the bytes onto the heap and gives the read buffer back; a kept
 * event lives as long as it is referenced and {@code release()} no longer affects it. Reading a released borrowed
 * event fails with {@link IllegalStateException} instead of reading memory the pool has handed to someone else.
 */
public abstract class WireEslEvent implements EslEvent {
    private static final int MAX_CACHED_SCRATCH = 64 * 1024;
    /** The copy of the direct buffer this thread read last, reused per thread: reading must not allocate. */
    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    private static final class Scratch {
        byte[] array = new byte[8192];
        /** Whose bytes {@code array} holds: several reads of one event copy it once. */
        WireEslEvent holder;
    }

    /** Marks a header found absent below ({@code null}: not looked up yet); told by identity, as a value may be empty. */
    private static final String ABSENT = new String("");

    // What the dispatcher, the awaited jobs and every channel listener ask of each event, several times each: read
    // once. A racing second lookup finds the same String, and a String is safe to share without a fence. Asked
    // after the dispatch of a borrowed event, they fail as every other read does.
    private String eventName;
    private String uniqueId;
    private String jobUuid;

    private volatile ByteBuf bytes;
    private boolean borrowed;
    /** The heap array behind {@code bytes} and where byte 0 sits in it; null for a direct buffer or once released. */
    private byte[] array;
    private int base;
    /** Number of bytes, readable from index 0. */
    final int length;

    /** Takes over {@code bytes} (readable from index 0): borrowed when it is a slice that must be released. */
    WireEslEvent(ByteBuf bytes, boolean borrowed) {
        this.length = bytes.readableBytes();
        this.borrowed = borrowed;
        if (bytes.hasArray()) {
            this.array = bytes.array();
            this.base = bytes.arrayOffset() + bytes.readerIndex();
        }
        this.bytes = bytes;
    }

    @Override
    public final String eventName() {
        String name = eventName;
        if (name == null) {
            eventName = name = lookedUp(header("Event-Name"));
        }
        return found(name);
    }

    @Override
    public final String uniqueId() {
        String id = uniqueId;
        if (id == null) {
            uniqueId = id = lookedUp(header("Unique-ID"));
        }
        return found(id);
    }

    @Override
    public final String jobUuid() {
        String id = jobUuid;
        if (id == null) {
            jobUuid = id = lookedUp(header("Job-UUID"));
        }
        return found(id);
    }

    private String found(String memo) {
        bytes(); // still readable: a released borrowed event fails every read alike
        return memo == ABSENT ? null : memo;
    }

    private static String lookedUp(String value) {
        return value == null ? ABSENT : value;
    }

    /**
     * The bytes as an array for one read, {@code byte i} at {@code array[arrayBase(array) + i]}: a heap buffer's own
     * array, else a per-thread copy made once per event and thread (valid until this thread reads another event).
     * Arrays are read far faster than a {@code ByteBuf} byte by byte.
     */
    final byte[] readArray() {
        ByteBuf b = bytes();
        byte[] heap = array;
        if (heap != null) {
            return heap;
        }
        Scratch scratch = SCRATCH.get();
        if (scratch.holder == this) {
            return scratch.array;
        }
        scratch.holder = null;
        byte[] target = scratch.array;
        if (target.length < length) {
            target = new byte[Math.max(length, 2 * target.length)];
            if (target.length > MAX_CACHED_SCRATCH) {
                keep(); // too big to copy for every read: copied onto the heap once, the read buffer given back
                return array;
            }
            scratch.array = target;
        }
        b.getBytes(0, target, 0, length);
        scratch.holder = this;
        return target;
    }

    /** Where byte 0 sits in the array {@link #readArray()} returned. */
    final int arrayBase(byte[] read) {
        return read == array ? base : 0;
    }

    /** The bytes, indexed from 0; valid for one access (a later call may return the kept copy). */
    final ByteBuf bytes() {
        ByteBuf b = bytes;
        if (b == null) {
            throw new IllegalStateException("ESL event read after its dispatch ended (kept events stay readable)");
        }
        return b;
    }

    /** Makes the event independent of the read buffer; idempotent. */
    public final synchronized void keep() {
        if (borrowed) {
            ByteBuf slice = bytes;
            byte[] copy = ByteBufUtil.getBytes(slice, 0, length);
            array = copy;
            base = 0;
            bytes = Unpooled.wrappedBuffer(copy);
            borrowed = false;
            slice.release();
        }
    }

    /** Gives a borrowed read buffer back; the event is unreadable afterwards. No effect on a kept event. */
    public final synchronized void release() {
        if (borrowed) {
            ByteBuf slice = bytes;
            bytes = null;
            array = null;
            borrowed = false;
            slice.release();
        }
    }

    /** True while the event reads the socket's buffer rather than its own copy. */
    public final synchronized boolean isBorrowed() {
        return borrowed;
    }

    @Override
    public String toString() {
        return bytes == null ? "EslEvent{released}" : EslEvents.describe(this);
    }
}
