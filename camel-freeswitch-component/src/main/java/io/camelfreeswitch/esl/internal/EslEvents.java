package io.camelfreeswitch.esl.internal;

import io.camelfreeswitch.esl.EslEvent;
import io.camelfreeswitch.esl.EventFormat;
import io.camelfreeswitch.esl.EslDecoderException;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

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
     * The event carried by an event frame. Plain events are decoded lazily; JSON is validated at once, so a malformed
     * body raises {@link EslDecoderException} here. A borrowed body passes to the event, which must then be
     * {@linkplain #release released} or {@linkplain #keep kept} (see {@link WireEslEvent}); on failure this method
     * releases it.
     *
     * @throws EslDecoderException when the frame is not an event frame or its body cannot be read
     */
    public static EslEvent fromMessage(EslMessage message) {
        String type = message.contentType();
        boolean plain = EventFormat.PLAIN.contentType().equals(type);
        if (!plain && !EventFormat.JSON.contentType().equals(type)) {
            throw new EslDecoderException("unsupported event Content-Type: " + type);
        }
        boolean borrowed = message.isBorrowing();
        ByteBuf body = message.takeBody();
        try {
            return plain ? new PlainEslEvent(body, borrowed) : new JsonEslEvent(body, borrowed);
        } catch (RuntimeException e) {
            body.release();
            throw e;
        }
    }

    /** Makes an event safe to hold past its dispatch (see {@link WireEslEvent#keep()}); returns it. */
    public static EslEvent keep(EslEvent event) {
        if (event instanceof WireEslEvent wire) {
            wire.keep();
        }
        return event;
    }

    /** Ends the dispatch of an event: gives a borrowed read buffer back (see {@link WireEslEvent#release()}). */
    public static void release(EslEvent event) {
        if (event instanceof WireEslEvent wire) {
            wire.release();
        }
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
        return new PlainEslEvent(Unpooled.wrappedBuffer(body), false);
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
