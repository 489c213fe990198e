package io.camelfreeswitch.esl.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One ESL frame as it came off the wire: its outer headers in arrival order (repeats kept, values raw, not
 * URL-decoded) and its body bytes ({@code Content-Length} of them, possibly none).
 */
public final class EslMessage {
    private static final byte[] NO_BODY = new byte[0];

    /** name0, value0, name1, value1, ...; a null value stands for Content-Length, made a String only if read. */
    private final String[] headers;
    private final int headerCount;
    private final byte[] body;

    EslMessage(String[] headers, int headerCount, byte[] body) {
        this.headers = headers;
        this.headerCount = headerCount;
        this.body = body == null ? NO_BODY : body;
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
        return value != null ? value : Integer.toString(body.length);
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

    /** The body bytes; do not modify. Empty when the frame had none. */
    public byte[] body() {
        return body;
    }

    public String bodyAsString() {
        return new String(body, StandardCharsets.UTF_8);
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
        return sb.append(", body=").append(body.length).append(" bytes}").toString();
    }
}
