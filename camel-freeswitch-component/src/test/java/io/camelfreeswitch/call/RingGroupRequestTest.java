package io.camelfreeswitch.call;

import io.camelfreeswitch.call.balancer.InMemoryLoadBalancer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What a ring group refuses before it rings anything, and the defaults it applies. */
class RingGroupRequestTest {

    @Test
    void defaults_are_PARALLEL_thirty_seconds_and_CALL_lease_scope() {
        RingGroupRequest request = RingGroupRequest.builder(List.of("user/1001")).mode(null).timeout(null).build();

        assertThat(request.mode()).isEqualTo(RingMode.PARALLEL);
        assertThat(request.timeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(request.leaseScope()).isEqualTo(LeaseScope.CALL);
        assertThat(request.totalTimeout()).isNull();
    }

    @Test
    void BALANCING_without_a_balancer_says_so() {
        assertThatThrownBy(() -> RingGroupRequest.builder(List.of("user/1001")).mode(RingMode.BALANCING).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("BALANCING mode requires a LoadBalancer, but none was given");
        assertThat(RingGroupRequest.builder(List.of("user/1001")).mode(RingMode.BALANCING)
                .balancer(new InMemoryLoadBalancer()).build().balancer()).isNotNull();
    }

    @Test
    void the_balancer_is_ignored_outside_BALANCING() {
        assertThat(RingGroupRequest.builder(List.of("user/1001")).mode(RingMode.SEQUENTIAL).build().balancer())
                .isNull();
    }

    @Test
    void an_empty_group_is_refused() {
        assertThatThrownBy(() -> RingGroupRequest.builder(List.of()).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one destination");
    }

    @Test
    void a_destination_with_CR_or_LF_is_refused_so_no_command_can_be_injected() {
        assertThatThrownBy(() -> RingGroupRequest.builder(List.of("user/1001\r\n\r\napi hupall")).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("control character");
    }

    @Test
    void a_destination_with_braces_or_commas_is_refused_because_it_would_change_the_dial_string() {
        assertThatThrownBy(() -> RingGroupRequest.builder(List.of("{origination_uuid=x}user/1001")).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'{'");
        assertThatThrownBy(() -> RingGroupRequest.builder(List.of("user/1001,user/1002")).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("','");
    }

    @Test
    void a_variable_with_CR_or_LF_is_refused() {
        assertThatThrownBy(() -> RingGroupRequest.builder(List.of("user/1001"))
                .variable("origination_caller_id_name", "Evil\nbgapi hupall").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("origination_caller_id_name");
    }

    @Test
    void a_variable_with_an_unbalanced_brace_is_refused_because_it_would_end_the_variable_block() {
        assertThatThrownBy(() -> RingGroupRequest.builder(List.of("user/1001"))
                .variable("sip_h_X-Note", "smile :}").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unbalanced braces");
        assertThat(RingGroupRequest.builder(List.of("user/1001")).variable("sip_h_X-Note", "{balanced}").build()
                .variables()).containsEntry("sip_h_X-Note", "{balanced}");
    }

    @Test
    void origination_uuid_belongs_to_the_ring_group() {
        assertThatThrownBy(() -> RingGroupRequest.builder(List.of("user/1001"))
                .variables(Map.of("origination_uuid", "mine")).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("origination_uuid");
    }

    @ParameterizedTest
    @ValueSource(strings = {"originate_timeout", "leg_timeout", "call_timeout", "Originate_Timeout"})
    void FreeSWITCH_ring_timers_belong_to_the_ring_group_so_that_none_can_end_a_leg_before_its_timeout(String name) {
        assertThatThrownBy(() -> RingGroupRequest.builder(List.of("user/1001")).variable(name, "5").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(name + " cannot be set on a ring group's legs")
                .hasMessageContaining("set timeout instead");
    }

    @Test
    void non_positive_timeouts_are_refused() {
        assertThatThrownBy(() -> RingGroupRequest.builder(List.of("user/1001")).timeout(Duration.ZERO).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("timeout");
        assertThatThrownBy(() -> RingGroupRequest.builder(List.of("user/1001"))
                .totalTimeout(Duration.ofSeconds(-1)).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("totalTimeout");
    }

    @Test
    void variables_keep_their_order_and_values_with_separators_are_quoted() {
        RingGroupRequest request = RingGroupRequest.builder(List.of("user/1001"))
                .variable("origination_caller_id_number", "5551234")
                .variable("origination_caller_id_name", "Front desk, 1st floor").build();

        assertThat(DialString.originate("user/1001", request.variables(), "&park()")).isEqualTo(
                "{origination_caller_id_number=5551234,origination_caller_id_name='Front desk\\, 1st floor'}"
                        + "user/1001 &park()");
    }
}
