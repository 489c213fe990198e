package io.camelfreeswitch.call;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static io.camelfreeswitch.testing.TestWaits.WELL_WITHIN;
import static org.assertj.core.api.Assertions.assertThat;

/** A group's caller ID prefixes go before the name and number every leg presents, quoted as FreeSWITCH reads them. */
class CallerIdPrefixTest extends SimulatedCalls {

    @Test
    void the_prefixes_go_before_the_callers_name_and_number_on_every_leg() throws Exception {
        String agent = answersAfter(0);

        RingGroupResult result = resultOf(RingGroup.ring(connection, RingGroupRequest.builder(List.of(agent))
                .variable("origination_caller_id_name", "O'Brien, Ann").variable("origination_caller_id_number", "1000")
                .callerIdNamePrefix("Sales: ").callerIdNumberPrefix("9")
                .timeout(Duration.ofSeconds(5)).build()));

        assertThat(variableOf(result.winner().uuid(), "origination_caller_id_name")).isEqualTo("Sales: O'Brien, Ann");
        assertThat(variableOf(result.winner().uuid(), "origination_caller_id_number")).isEqualTo("91000");
        endCall(result);
    }

    @Test
    void without_a_name_the_prefix_alone_is_presented_on_every_leg_of_every_mode() throws Exception {
        String first = neverAnswers();
        String second = answersAfter(100);

        RingGroupResult result = resultOf(RingGroup.ring(connection, RingGroupRequest.builder(List.of(first, second))
                .mode(RingMode.MEMORY_HUNT).callerIdNamePrefix("Support").timeout(Duration.ofMillis(500)).build()));

        assertThat(variableOf(result.winner().uuid(), "origination_caller_id_name")).isEqualTo("Support");
        endCall(result);
    }

    @Test
    void a_prefix_that_would_cut_the_variable_block_is_refused() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> RingGroupRequest.builder(List.of("user/1001"))
                        .callerIdNamePrefix("Sales}").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("origination_caller_id_name");
    }

    private static String variableOf(String uuid, String name) throws Exception {
        return connection.api("uuid_getvar " + uuid + " " + name).get(WELL_WITHIN.toSeconds(), TimeUnit.SECONDS);
    }
}
