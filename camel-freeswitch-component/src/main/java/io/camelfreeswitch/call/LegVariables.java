package io.camelfreeswitch.call;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The channel variables every leg of a ring group is originated with: the caller's, with the group's caller ID
 * prefixes applied, checked to be safe on the wire, and without the variables the group sets itself (a leg's
 * {@code origination_uuid}, FreeSWITCH's ring timers, answer confirmation), which a caller could only break.
 */
final class LegVariables {

    private LegVariables() {
    }

    /** @throws IllegalArgumentException naming the variable that cannot be written safely or is the group's own */
    static Map<String, String> of(Map<String, String> variables, String callerIdNamePrefix,
                                  String callerIdNumberPrefix) {
        Map<String, String> legVariables = new LinkedHashMap<>(variables);
        prefix(legVariables, "origination_caller_id_name", callerIdNamePrefix);
        prefix(legVariables, "origination_caller_id_number", callerIdNumberPrefix);
        DialString.validateVariables(legVariables);
        for (String name : variables.keySet()) {
            if ("origination_uuid".equalsIgnoreCase(name.strip())) {
                throw new IllegalArgumentException(
                        "origination_uuid is chosen by the ring group for each leg; it cannot be set as a variable");
            }
            if (OriginateTimeout.VARIABLES.stream().anyMatch(name.strip()::equalsIgnoreCase)) {
                throw new IllegalArgumentException(name + " cannot be set on a ring group's legs: each leg rings"
                        + " for the group's timeout (capped by totalTimeout), timed by the group itself, and"
                        + " FreeSWITCH's originate_timeout is set behind it as a safety net; set timeout instead");
            }
            if (AnswerConfirmation.VARIABLES.stream().anyMatch(name.strip()::equalsIgnoreCase)) {
                throw new IllegalArgumentException(name + " cannot be set on a ring group's legs: set confirmKey"
                        + " and confirmPrompt instead, so that the group waits for the confirmation too");
            }
        }
        return legVariables;
    }

    private static void prefix(Map<String, String> variables, String name, String prefix) {
        if (prefix != null && !prefix.isEmpty()) {
            variables.put(name, prefix + variables.getOrDefault(name, ""));
        }
    }
}
