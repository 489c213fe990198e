package io.camelfreeswitch.esl.internal;

import io.camelfreeswitch.esl.EventFormat;
import io.netty.buffer.ByteBuf;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@code text/event-json} event kept as its bytes. The constructor validates the body strictly in one pass
 * ({@link JsonScanner}) that records one offset per member; keys are compared byte by byte and a value becomes a
 * String when asked for. An array member yields its elements through {@link #headerValues}, its first element
 * through {@link #header}. {@code _body} is the event body. JSON values are not URL-encoded by FreeSWITCH, so none
 * is decoded.
 */
final class JsonEslEvent extends WireEslEvent {
    private final int[] entries;
    private final int count;
    private volatile Map<String, String> headerMap;

    /** @throws io.camelfreeswitch.esl.EslDecoderException on a malformed body (the caller still owns the bytes) */
    JsonEslEvent(ByteBuf bytes, boolean borrowed) {
        super(bytes, borrowed);
        byte[] data = readArray();
        int base = arrayBase(data);
        this.entries = JsonScanner.index(data, base, base + length);
        this.count = entries.length;
    }

    /** A reader over the bytes for one access (a direct buffer is copied to a per-thread array first). */
    private JsonValues values() {
        byte[] data = readArray();
        int base = arrayBase(data);
        return new JsonValues(data, base, base + length, entries);
    }

    @Override
    public String header(String name) {
        JsonValues values = values();
        boolean plainAscii = JsonValues.isPlainAscii(name);
        for (int i = 0; i < count; i++) {
            if (values.keyEquals(i, name, plainAscii)) {
                String value = values.value(i);
                if (value != null) {
                    return value;
                }
            }
        }
        return null;
    }

    @Override
    public List<String> headerValues(String name) {
        JsonValues values = values();
        boolean plainAscii = JsonValues.isPlainAscii(name);
        List<String> result = null;
        for (int i = 0; i < count; i++) {
            if (values.keyEquals(i, name, plainAscii)) {
                if (result == null) {
                    result = new ArrayList<>(2);
                }
                values.addValues(i, result);
            }
        }
        return result == null ? List.of() : Collections.unmodifiableList(result);
    }

    @Override
    public Map<String, String> headers() {
        Map<String, String> map = headerMap;
        if (map == null) {
            JsonValues values = values();
            Map<String, String> built = new LinkedHashMap<>(count * 2);
            for (int i = 0; i < count; i++) {
                String value = values.value(i);
                if (value != null) {
                    built.putIfAbsent(values.key(i), value);
                }
            }
            map = Collections.unmodifiableMap(built);
            headerMap = map;
        }
        return map;
    }

    @Override
    public String body() {
        String body = header("_body");
        return body == null ? "" : body;
    }

    @Override
    public EventFormat format() {
        return EventFormat.JSON;
    }
}
