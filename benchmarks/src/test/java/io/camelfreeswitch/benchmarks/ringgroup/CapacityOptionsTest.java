package io.camelfreeswitch.benchmarks.ringgroup;

import io.camelfreeswitch.benchmarks.ringgroup.CapacityOptions.FreeSwitchAddress;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The capacity harness's command line: what it measures against, what it rings, and clear refusals. */
class CapacityOptionsTest {

    @Test
    void without_options_it_measures_every_scenario_against_the_simulator_in_this_jvm() {
        CapacityOptions options = CapacityOptions.parse();

        assertThat(options.freeswitch()).isEmpty();
        assertThat(options.simulatorProcess()).isFalse();
        assertThat(options.scenarios()).isEqualTo(CapacityOptions.ALL_SCENARIOS);
        assertThat(options.concurrency()).isEqualTo(16);
        assertThat(options.seconds()).isEqualTo(60);
        assertThat(options.warmup()).isEqualTo(10);
        assertThat(options.groups()).isEqualTo(Groups.SIMULATOR);
    }

    @Test
    void freeswitch_takes_host_port_and_an_optional_password() {
        assertThat(CapacityOptions.parse("--freeswitch", "fs1.example.net:8021").freeswitch())
                .contains(new FreeSwitchAddress("fs1.example.net", 8021, "ClueCon"));
        // a password may itself contain ':'
        assertThat(CapacityOptions.parse("--freeswitch", "10.1.2.3:8022:s3cr:et").freeswitch())
                .contains(new FreeSwitchAddress("10.1.2.3", 8022, "s3cr:et"));
    }

    @Test
    void the_address_never_prints_its_password() {
        assertThat(FreeSwitchAddress.parse("fs1:8021:s3cret").toString()).isEqualTo("fs1:8021");
    }

    @Test
    void against_a_freeswitch_the_scenarios_ring_the_it_dialplan_phones_unless_destinations_are_given() {
        assertThat(CapacityOptions.parse("--freeswitch", "fs1:8021").groups()).isEqualTo(Groups.IT_DIALPLAN);
        assertThat(Groups.IT_DIALPLAN.parallel()).containsExactly("loopback/no-answer/camel-it",
                "loopback/answer/camel-it", "loopback/no-answer/camel-it");

        CapacityOptions own = CapacityOptions.parse("--freeswitch", "fs1:8021", "--destinations",
                "user/1001, user/1002,sofia/gateway/gw/5551234");
        List<String> mine = List.of("user/1001", "user/1002", "sofia/gateway/gw/5551234");
        assertThat(own.destinations()).isEqualTo(mine);
        assertThat(own.groups()).isEqualTo(new Groups(mine, mine, mine));
    }

    @Test
    void every_number_and_the_scenario_list_are_read() {
        CapacityOptions options = CapacityOptions.parse("--seconds", "5", "--warmup", "0.5", "--concurrency", "4",
                "--scenarios", "raw,parallel", "--simulator-process");

        assertThat(options.seconds()).isEqualTo(5);
        assertThat(options.warmup()).isEqualTo(0.5);
        assertThat(options.concurrency()).isEqualTo(4);
        assertThat(options.scenarios()).containsExactly("raw", "parallel");
        assertThat(options.simulatorProcess()).isTrue();
    }

    @Test
    void bad_input_is_refused_with_a_message_that_says_what_is_wrong() {
        assertRefused("--freeswitch needs host:port[:password], got 'fs1'", "--freeswitch", "fs1");
        assertRefused("--freeswitch needs host:port[:password], got ':8021'", "--freeswitch", ":8021");
        assertRefused("--freeswitch port needs a whole number, got 'eslport'", "--freeswitch", "fs1:eslport");
        assertRefused("--freeswitch port must be 1-65535, got 70000", "--freeswitch", "fs1:70000");
        assertRefused("--freeswitch password is empty", "--freeswitch", "fs1:8021:");
        assertRefused("--freeswitch needs a value", "--freeswitch");
        assertRefused("--simulator-process and --freeswitch exclude each other", "--simulator-process",
                "--freeswitch", "fs1:8021");
        assertRefused("unknown scenario 'paralel'", "--scenarios", "raw,paralel");
        assertRefused("--destinations takes plain dial strings", "--destinations", "user/1001,{x=1}user/1002");
        assertRefused("--destinations takes plain dial strings", "--destinations", "user/1001,,user/1002");
        assertRefused("--concurrency must be greater than 0", "--concurrency", "0");
        assertRefused("--seconds needs a number, got 'ten'", "--seconds", "ten");
        assertRefused("unknown option --destination", "--destination", "user/1001");
    }

    private static void assertRefused(String message, String... args) {
        assertThatThrownBy(() -> CapacityOptions.parse(args)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }
}
