package io.camelfreeswitch.call;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static io.camelfreeswitch.testing.TestWaits.WELL_WITHIN;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Channel variables reach every leg exactly as given, however short, whatever separators, quotes or escapes they
 * contain: FreeSWITCH reads the originate's variable block back into the same values.
 */
class VariableQuotingTest extends SimulatedCalls {

    @Test
    void short_values_with_separators_quotes_and_escapes_arrive_unchanged() throws Exception {
        Map<String, String> variables = new LinkedHashMap<>();
        variables.put("x_comma", "A, B");
        variables.put("x_apostrophe", "it's");
        variables.put("x_equals", "a=b");
        variables.put("x_space", "1 2");
        variables.put("x_backslash", "c:\\d");
        variables.put("x_brackets", "[1]");
        variables.put("x_pipe", "a|b");
        variables.put("x_single", ",");
        variables.put("x_plain", "plain");
        String agent = answersAfter(0);

        RingGroupResult result = resultOf(RingGroup.ring(connection, RingGroupRequest.builder(List.of(agent))
                .timeout(Duration.ofSeconds(5)).variables(variables).build()));

        assertThat(result.outcome()).isEqualTo(RingGroupOutcome.ANSWERED);
        for (Map.Entry<String, String> variable : variables.entrySet()) {
            assertThat(variableOf(result.winner().uuid(), variable.getKey())).as(variable.getKey())
                    .isEqualTo(variable.getValue());
        }
        endCall(result);
    }

    @Test
    void an_empty_value_is_written_as_an_empty_quoted_value() {
        assertThat(DialString.variableBlock(Map.of("x_empty", ""))).isEqualTo("{x_empty=''}");
        assertThat(DialString.variableBlock(Map.of("x_short", "a,b"))).isEqualTo("{x_short='a\\,b'}");
    }

    private static String variableOf(String uuid, String name) throws Exception {
        return connection.api("uuid_getvar " + uuid + " " + name).get(WELL_WITHIN.toSeconds(), TimeUnit.SECONDS);
    }
}
