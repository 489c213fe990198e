package io.camelfreeswitch.esl;

import java.util.List;
import java.util.Map;

/**
 * One FreeSWITCH event, whatever format it arrived in (plain, json, xml). Header names are FreeSWITCH's own
 * ({@code Unique-ID}, {@code variable_sip_call_id}); values are already URL-decoded. Implementations may decode
 * lazily, but every header of the wire frame must be reachable.
 */
public interface EslEvent {

    /** {@code Event-Name}, e.g. {@code CHANNEL_ANSWER}. */
    default String eventName() {
        return header("Event-Name");
    }

    /** {@code Event-Subclass} of a {@code CUSTOM} event ({@code sofia::register}), or {@code null}. */
    default String eventSubclass() {
        return header("Event-Subclass");
    }

    /** {@code Unique-ID} of the channel the event is about, or {@code null}. */
    default String uniqueId() {
        return header("Unique-ID");
    }

    /** {@code Job-UUID} of a {@code BACKGROUND_JOB}, or {@code null}. */
    default String jobUuid() {
        return header("Job-UUID");
    }

    /** First value of a header, or {@code null} when the event lacks it. */
    String header(String name);

    /** Every value of a header in arrival order (FreeSWITCH repeats some, JSON may carry arrays); empty when absent. */
    List<String> headerValues(String name);

    /** All headers in arrival order, first value per name; unmodifiable. */
    Map<String, String> headers();

    /** A channel variable: the header {@code variable_<name>}, or {@code null}. */
    default String variable(String name) {
        return header("variable_" + name);
    }

    /** {@code Hangup-Cause}, e.g. {@code NORMAL_CLEARING}, or {@code null}. */
    default String hangupCause() {
        return header("Hangup-Cause");
    }

    /** {@code Channel-State}, e.g. {@code CS_EXECUTE}, or {@code null}. */
    default String channelState() {
        return header("Channel-State");
    }

    /** {@code Channel-Call-State}, e.g. {@code RINGING}, {@code ACTIVE}, or {@code null}. */
    default String callState() {
        return header("Channel-Call-State");
    }

    /** {@code Answer-State}, e.g. {@code ringing}, {@code early}, {@code answered}, {@code hangup}, or {@code null}. */
    default String answerState() {
        return header("Answer-State");
    }

    /** {@code Event-Sequence}, the firing order on the server; -1 when absent or not a number. */
    default long sequence() {
        return parseSequence(header("Event-Sequence"));
    }

    /**
     * The event's own body: the result text of a {@code BACKGROUND_JOB} ({@code +OK uuid\n}), the line of a log
     * event; the empty string when it has none.
     */
    String body();

    /** The wire format the event arrived in. */
    EventFormat format();

    private static long parseSequence(String value) {
        if (value == null) {
            return -1;
        }
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
