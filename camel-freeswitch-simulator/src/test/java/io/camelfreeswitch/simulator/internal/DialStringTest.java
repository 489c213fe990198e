package io.camelfreeswitch.simulator.internal;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DialStringTest {

    @Test
    void global_variables_apply_to_every_leg_and_leg_variables_override_them() {
        DialString ds = DialString.parse("{a=1,b=2}[b=3]user/1001,user/1002");
        assertThat(ds.globalVariables()).containsExactly(Map.entry("a", "1"), Map.entry("b", "2"));
        assertThat(ds.groups()).hasSize(1);
        List<DialString.Leg> legs = ds.groups().get(0);
        assertThat(legs).extracting(DialString.Leg::endpoint).containsExactly("user/1001", "user/1002");
        assertThat(DialString.effective(ds.globalVariables(), legs.get(0))).containsEntry("b", "3").containsEntry("a", "1");
        assertThat(DialString.effective(ds.globalVariables(), legs.get(1))).containsEntry("b", "2");
    }

    @Test
    void comma_rings_together_and_pipe_fails_over_in_order() {
        DialString ds = DialString.parse("user/1|user/2,user/3|[x=y]user/4");
        assertThat(ds.groups()).hasSize(3);
        assertThat(ds.groups().get(1)).extracting(DialString.Leg::endpoint).containsExactly("user/2", "user/3");
        assertThat(ds.groups().get(2).get(0).variables()).containsEntry("x", "y");
    }

    @Test
    void single_quotes_and_escaped_commas_protect_commas_inside_values() {
        DialString ds = DialString.parse("{origination_caller_id_name='Doe, John',list=a\\,b\\,c,origination_uuid=u-1}sim/answer");
        assertThat(ds.globalVariables())
                .containsEntry("origination_caller_id_name", "Doe, John")
                .containsEntry("list", "a,b,c")
                .containsEntry("origination_uuid", "u-1");
        assertThat(ds.groups().get(0)).extracting(DialString.Leg::endpoint).containsExactly("sim/answer");
    }

    @Test
    void commas_inside_leg_brackets_do_not_split_legs() {
        DialString ds = DialString.parse("[a=1,b=2]user/1,[c=3]user/2");
        assertThat(ds.groups().get(0)).hasSize(2);
        assertThat(ds.groups().get(0).get(0).variables()).containsOnlyKeys("a", "b");
    }

    @Test
    void malformed_dial_strings_are_refused_with_a_reason() {
        assertThatThrownBy(() -> DialString.parse("{a=1user/1001")).hasMessageContaining("unbalanced");
        assertThatThrownBy(() -> DialString.parse("user/1001\r\nuser/2")).hasMessageContaining("CR/LF");
        assertThatThrownBy(() -> DialString.parse("user/10}01")).hasMessageContaining("braces");
        assertThatThrownBy(() -> DialString.parse("{a='x}user/1")).hasMessageContaining("unbalanced");
        assertThatThrownBy(() -> DialString.parse("user/1,,user/2")).hasMessageContaining("empty endpoint");
        assertThatThrownBy(() -> DialString.parse("{novalue}user/1")).hasMessageContaining("without '='");
    }

    @Test
    void originate_command_splits_dial_string_application_and_optional_arguments() {
        OriginateCommand c = OriginateCommand.parse("{origination_caller_id_name='Test Caller'}loopback/1001/default &park()");
        assertThat(c.inline()).isTrue();
        assertThat(c.application()).isEqualTo("park");
        assertThat(c.applicationData()).isEmpty();
        assertThat(c.dialString().globalVariables()).containsEntry("origination_caller_id_name", "Test Caller");

        OriginateCommand bridge = OriginateCommand.parse("user/1001 &bridge({x=y}user/1002)");
        assertThat(bridge.application()).isEqualTo("bridge");
        assertThat(bridge.applicationData()).isEqualTo("{x=y}user/1002");

        OriginateCommand ext = OriginateCommand.parse("user/1001 9999 XML default Alice 555 20");
        assertThat(ext.inline()).isFalse();
        assertThat(ext.application()).isEqualTo("9999");
        assertThat(ext.cidName()).isEqualTo("Alice");
        assertThat(ext.cidNumber()).isEqualTo("555");
        assertThat(ext.timeoutSeconds()).isEqualTo(20);

        assertThatThrownBy(() -> OriginateCommand.parse("user/1001")).hasMessageStartingWith("-USAGE");
    }

    @Test
    void url_encoding_matches_freeswitch_unsafe_set() {
        assertThat(UrlEncoding.encode("Sat, 28 Nov 2026 22:41:13 GMT")).isEqualTo("Sat,%2028%20Nov%202026%2022%3A41%3A13%20GMT");
        assertThat(UrlEncoding.encode("tone_stream://%(200,0,440);loops=2")).isEqualTo("tone_stream%3A//%25(200,0,440)%3Bloops%3D2");
        assertThat(UrlEncoding.encode("+OK\n")).isEqualTo("%2BOK%0A");
        assertThat(UrlEncoding.encode("{origination_uuid=x}loopback/1001/default &park()"))
                .isEqualTo("%7Borigination_uuid%3Dx%7Dloopback/1001/default%20%26park()");
        assertThat(UrlEncoding.decode("%22Outbound%20Call%22%20%3Cdefault%3E")).isEqualTo("\"Outbound Call\" <default>");
    }
}
