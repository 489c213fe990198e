package io.camelfreeswitch.call;

import java.util.Set;

/** What a FreeSWITCH hang-up cause means for a callee leg that ended before it could be handed out. */
final class HangupCauses {

    static final String LOSE_RACE = "LOSE_RACE";
    static final String NO_ANSWER = "NO_ANSWER";
    static final String ORIGINATOR_CANCEL = "ORIGINATOR_CANCEL";

    private static final Set<String> UNANSWERED = Set.of("NO_ANSWER", "NO_USER_RESPONSE", "ALLOTTED_TIMEOUT",
            "PROGRESS_TIMEOUT", "RECOVERY_ON_TIMER_EXPIRE", "ORIGINATOR_CANCEL", "LOSE_RACE");

    private static final Set<String> REFUSED = Set.of("CALL_REJECTED", "NO_ROUTE_DESTINATION", "USER_NOT_REGISTERED",
            "UNALLOCATED_NUMBER", "SUBSCRIBER_ABSENT", "NUMBER_CHANGED", "INVALID_NUMBER_FORMAT",
            "DESTINATION_OUT_OF_ORDER", "NO_ROUTE_TRANSIT_NET", "FACILITY_REJECTED", "INCOMPATIBLE_DESTINATION",
            "OUTGOING_CALL_BARRED", "INCOMING_CALL_BARRED", "BEARERCAPABILITY_NOTAUTH", "DO_NOT_DISTURB",
            "REDIRECTION_TO_NEW_DESTINATION", "NORMAL_CLEARING", "NORMAL_UNSPECIFIED", "INVALID_GATEWAY",
            "GATEWAY_DOWN", "CHAN_NOT_IMPLEMENTED", "EXCHANGE_ROUTING_ERROR");

    private HangupCauses() {
    }

    /**
     * The outcome of a leg that FreeSWITCH ended with {@code cause} (its originate job's {@code -ERR} or its
     * CHANNEL_HANGUP_COMPLETE). A leg that had answered but vanished before being handed out counts as FAILED.
     */
    static LegOutcome outcomeOf(String cause, boolean answered) {
        if (answered) {
            return LegOutcome.FAILED;
        }
        if ("USER_BUSY".equals(cause)) {
            return LegOutcome.BUSY;
        }
        if (UNANSWERED.contains(cause)) {
            return LegOutcome.NO_ANSWER;
        }
        if (REFUSED.contains(cause)) {
            return LegOutcome.REJECTED;
        }
        return LegOutcome.FAILED;
    }
}
