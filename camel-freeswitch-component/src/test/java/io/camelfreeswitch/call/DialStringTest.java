package io.camelfreeswitch.call;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Building one leg's originate argument refuses what FreeSWITCH would read differently, and says what it saw. */
class DialStringTest {

    @Test
    void a_destination_that_would_split_the_dial_string_is_refused() {
        assertThatThrownBy(() -> DialString.originate("user/1001 user/1002", Map.of(), "&park()"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("white space");
    }

    @Test
    void a_variable_with_a_line_break_is_refused() {
        assertThatThrownBy(() -> DialString.originate("user/1001", Map.of("x_name", "a\nb"), "&park()"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("control character");
    }

    @Test
    void a_refused_destination_is_shown_with_its_control_characters_visible() {
        assertThatThrownBy(() -> DialString.validateDestination("user/1001\r\napi hupall"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'user/1001\\r\\napi hupall'").hasMessageContaining("index 9");
    }

    @Test
    void a_valid_leg_is_written_variables_first_then_destination_then_application() {
        assertThat(DialString.originate("user/1001", Map.of("x_team", "a b"), "&park()"))
                .isEqualTo("{x_team='a b'}user/1001 &park()");
    }
}
