package io.camelfreeswitch.call;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Answer confirmation through FreeSWITCH's own {@code group_confirm_key} / {@code group_confirm_file}: an answered
 * leg hears the prompt and its originate job reports {@code +OK} only once the callee has pressed the key, so with
 * confirmation on the job's {@code +OK}, not CHANNEL_ANSWER, makes a leg the winner. FreeSWITCH itself would keep an
 * unconfirmed leg up until its {@code originate_timeout}; the ring group hangs it up after {@code confirmTimeout}.
 */
final class AnswerConfirmation {

    /** FreeSWITCH's variables for it: set by the group from confirmKey and confirmPrompt, so callers may not. */
    static final List<String> VARIABLES = List.of("group_confirm_key", "group_confirm_file");

    /** One DTMF key: FreeSWITCH compares what it reads with the whole key, and '#' ends its read instead. */
    private static final Pattern KEY = Pattern.compile("[0-9*]");

    private AnswerConfirmation() {
    }

    static void validate(String key, String prompt, Duration timeout) {
        if (key != null && !KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("confirmKey must be one DTMF key, 0-9 or *, was '" + key + "'");
        }
        if (prompt != null && key == null) {
            throw new IllegalArgumentException("confirmPrompt is set but confirmKey is not: set confirmKey to turn"
                    + " answer confirmation on");
        }
        if (prompt != null) {
            DialString.validateVariables(Map.of("group_confirm_file", prompt));
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("confirmTimeout must be positive, was " + timeout);
        }
    }

    /** The variables that make FreeSWITCH hold a leg's {@code +OK} until its callee has pressed the key. */
    static void addVariables(RingGroupRequest request, Map<String, String> variables) {
        if (request.confirmKey() != null) {
            variables.put("group_confirm_key", request.confirmKey());
            if (request.confirmPrompt() != null) {
                variables.put("group_confirm_file", request.confirmPrompt());
            }
        }
    }

    /** How long past its ring time a leg may stay up: the callee may answer at the last moment, then confirm. */
    static Duration extraTime(RingGroupRequest request) {
        return request.confirmKey() == null ? Duration.ZERO : request.confirmTimeout();
    }
}
