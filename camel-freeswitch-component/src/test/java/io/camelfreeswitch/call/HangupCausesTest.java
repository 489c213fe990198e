package io.camelfreeswitch.call;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** How FreeSWITCH's reason for ending an unanswered leg reads in its result. */
class HangupCausesTest {

    @ParameterizedTest
    @CsvSource({
            "USER_BUSY, BUSY",
            "NO_ANSWER, NO_ANSWER",
            "NO_USER_RESPONSE, NO_ANSWER",
            "ORIGINATOR_CANCEL, NO_ANSWER",
            "CALL_REJECTED, REJECTED",
            "NO_ROUTE_DESTINATION, REJECTED",
            "USER_NOT_REGISTERED, REJECTED",
            "UNALLOCATED_NUMBER, REJECTED",
            "DESTINATION_OUT_OF_ORDER, REJECTED",
            "MEDIA_TIMEOUT, FAILED",
            "SOMETHING_NEW, FAILED"})
    void an_unanswered_leg_ends_as(String cause, LegOutcome outcome) {
        assertThat(HangupCauses.outcomeOf(cause, false)).isEqualTo(outcome);
    }

    @ParameterizedTest
    @CsvSource({"NORMAL_CLEARING", "USER_BUSY"})
    void a_leg_that_answered_but_vanished_before_being_handed_out_failed(String cause) {
        assertThat(HangupCauses.outcomeOf(cause, true)).isEqualTo(LegOutcome.FAILED);
    }
}
