package io.camelfreeswitch.esl.internal;

import io.camelfreeswitch.esl.EslEvent;
import io.camelfreeswitch.esl.EventFormat;
import io.camelfreeswitch.esl.EslDecoderException;
import java.util.ArrayList;
import java.util.List;

/** Turns decoded frames into {@link EslEvent}s. */
public final class EslEvents {
    private EslEvents() {
    }

    /** True when the frame carries an event ({@code text/event-plain|json|xml}). */
    public static boolean isEvent(EslMessage message) {
        String type = message.contentType();
        return type != null && type.startsWith("text/event-");
    }

    /**
     * The event carried by an event frame. Plain events are decoded lazily; JSON is parsed at once, so a malformed
     * body raises {@link EslDecoderException} here.
     *
     * @throws EslDecoderException when the frame is not an event frame or its body cannot be read
     */
    public static EslEvent fromMessage(EslMessage message) {
        String type = message.contentType();
        if (EventFormat.PLAIN.contentType().equals(type)) {
            return new PlainEslEvent(message.body());
        }
        if (EventFormat.JSON.contentType().equals(type)) {
            return new JsonEslEvent(message.body());
        }
        throw new EslDecoderException("unsupported event Content-Type: " + type);
    }

    /**
     * An event made of a frame's own header block, URL-decoded: FreeSWITCH's reply to {@code connect} on an
     * outbound socket carries the whole CHANNEL_DATA that way.
     */
    public static EslEvent fromHeaderBlock(EslMessage message) {
        List<String> names = new ArrayList<>(message.headerCount());
        List<String> values = new ArrayList<>(message.headerCount());
        for (int i = 0; i < message.headerCount(); i++) {
            names.add(message.headerName(i));
            values.add(UrlDecoding.decode(message.headerValue(i)));
        }
        return new HeaderListEslEvent(names, values, message.bodyAsString(), EventFormat.PLAIN);
    }

    /** An event built from plain-format body bytes ({@code Name: url-encoded value} lines). */
    public static EslEvent parsePlain(byte[] body) {
        return new PlainEslEvent(body);
    }

    static String describe(EslEvent event) {
        StringBuilder sb = new StringBuilder("EslEvent{").append(event.eventName());
        String subclass = event.eventSubclass();
        if (subclass != null) {
            sb.append(' ').append(subclass);
        }
        String uuid = event.uniqueId();
        if (uuid != null) {
            sb.append(", Unique-ID=").append(uuid);
        }
        String job = event.jobUuid();
        if (job != null) {
            sb.append(", Job-UUID=").append(job);
        }
        return sb.append(", seq=").append(event.sequence()).append(", ").append(event.format()).append('}').toString();
    }
}
