package io.camelfreeswitch.esl.internal;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.util.AbstractReferenceCounted;
import io.netty.util.ReferenceCounted;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One ESL frame as it came off the wire: its outer headers in arrival order (repeats kept, values raw, not
 * URL-decoded) and its body bytes ({@code Content-Length} of them, possibly none).
 *
 * <p>The body of an event frame may be borrowed: a retained slice of the read buffer instead of a copy (see
 * {@link EslFrameDecoder}). {@link EslEvents#fromMessage} takes it over; the reference count of the message guards
 * only that slice, so releasing a message whose event was made, or that borrows nothing, changes nothing else and
 * the message stays readable.
 */
public final class EslMessage extends AbstractReferenceCounted {
    private static final byte[] NO_BODY = new byte[0];

    /** name0, value0, name1, value1, ...; a null value stands for Content-Length, made a String only if read. */
    private final String[] headers;
    private final int headerCount;
    private final byte[] body;
    private final int bodyLength;
    private ByteBuf borrowedBody;

    EslMessage(String[] headers, int headerCount, byte[] body) {
        this.headers = headers;
        this.headerCount = headerCount;
        this.body = body == null ? NO_BODY : body;
        this.bodyLength = this.body.length;
    }

    EslMessage(String[] headers, int headerCount, ByteBuf borrowedBody) {
        this.headers = headers;
        this.headerCount = headerCount;
        this.body = null;
        this.bodyLength = borrowedBody.readableBytes();
        this.borrowedBody = borrowedBody;
    }

    /** Builds a message from alternating names and values; mostly for tests and the outbound server. */
    public static EslMessage of(byte[] body, String... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("namesAndValues must hold name/value pairs");
        }
        return new EslMessage(namesAndValues.clone(), namesAndValues.length / 2, body);
    }

    /** {@code Content-Type}, e.g. {@code command/reply}, {@code text/event-plain}; {@code null} when absent. */
    public String contentType() {
        return header("Content-Type");
    }

    public int headerCount() {
        return headerCount;
    }

    public String headerName(int index) {
        checkIndex(index);
        return headers[2 * index];
    }

    public String headerValue(int index) {
        checkIndex(index);
        return valueAt(index);
    }

    private String valueAt(int index) {
        String value = headers[2 * index + 1];
        return value != null ? value : Integer.toString(bodyLength);
    }

    /** First raw value of a header, or {@code null}. */
    public String header(String name) {
        for (int i = 0; i < headerCount; i++) {
            if (headers[2 * i].equals(name)) {
                return valueAt(i);
            }
        }
        return null;
    }

    /** Every raw value of a header in arrival order. */
    public List<String> headerValues(String name) {
        List<String> values = null;
        for (int i = 0; i < headerCount; i++) {
            if (headers[2 * i].equals(name)) {
                if (values == null) {
                    values = new ArrayList<>(2);
                }
                values.add(valueAt(i));
            }
        }
        return values == null ? List.of() : Collections.unmodifiableList(values);
    }

    /** The body bytes; do not modify. Empty when the frame had none. A borrowed body is copied. */
    public byte[] body() {
        if (body != null) {
            return body;
        }
        ByteBuf borrowed = borrowedBody;
        if (borrowed == null) {
            throw new IllegalStateException("the borrowed body of " + this + " was handed to its event or released");
        }
        return ByteBufUtil.getBytes(borrowed);
    }

    public String bodyAsString() {
        return new String(body(), StandardCharsets.UTF_8);
    }

    /** True while the message holds a borrowed body not yet taken. */
    boolean isBorrowing() {
        return borrowedBody != null;
    }

    /**
     * The body as a buffer the caller now owns (and must release): the borrowed slice itself, or the heap bytes
     * wrapped. Once taken, releasing the message no longer touches it.
     */
    ByteBuf takeBody() {
        if (body != null) {
            return Unpooled.wrappedBuffer(body);
        }
        ByteBuf borrowed = borrowedBody;
        if (borrowed == null) {
            throw new IllegalStateException("the borrowed body of " + this + " was handed to its event or released");
        }
        borrowedBody = null;
        return borrowed;
    }

    @Override
    protected void deallocate() {
        ByteBuf borrowed = borrowedBody;
        if (borrowed != null) {
            borrowedBody = null;
            borrowed.release();
        }
    }

    @Override
    public ReferenceCounted touch(Object hint) {
        ByteBuf borrowed = borrowedBody;
        if (borrowed != null) {
            borrowed.touch(hint);
        }
        return this;
    }

    private void checkIndex(int index) {
        if (index < 0 || index >= headerCount) {
            throw new IndexOutOfBoundsException(index);
        }
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("EslMessage{");
        for (int i = 0; i < Math.min(headerCount, 4); i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(headers[2 * i]).append('=').append(valueAt(i));
        }
        if (headerCount > 4) {
            sb.append(", ... ").append(headerCount).append(" headers");
        }
        return sb.append(", body=").append(bodyLength).append(" bytes}").toString();
    }
}
