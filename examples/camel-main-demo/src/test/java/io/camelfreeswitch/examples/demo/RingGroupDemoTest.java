package io.camelfreeswitch.examples.demo;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The README's demo, run as a newcomer runs it: on the embedded simulator, printing its tables. */
class RingGroupDemoTest {

    @Test
    void ringsEveryModeSpreadsTheBurstAndLeavesNoChannelUp() throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        int exitCode = RingGroupDemo.run(new PrintStream(printed, true, StandardCharsets.UTF_8));
        String output = printed.toString(StandardCharsets.UTF_8);

        assertThat(exitCode).as(output).isZero();
        assertThat(output)
                .contains("FreeSWITCH says: UP")
                // PARALLEL: alice answers, busy bob and the ones still ringing are hung up
                .containsPattern("1\\. PARALLEL[\\s\\S]*ANSWERED   answered by user/alice")
                .containsPattern("user/bob +BUSY +USER_BUSY")
                .containsPattern("user/carol +NO_ANSWER +LOSE_RACE")
                // SEQUENTIAL: bob busy, carol times out, alice answers
                .containsPattern("2\\. SEQUENTIAL[\\s\\S]*user/carol +NO_ANSWER +NO_ANSWER +2\\.\\d\\d s")
                // BALANCING: dave is first but too slow, alice answers
                .containsPattern("3\\. BALANCING[\\s\\S]*answered by user/alice")
                .containsPattern("4\\. PARALLEL, short timeout[\\s\\S]*NO_ANSWER  nobody answered")
                // TIERED: bob and carol's tier first, alice's after it
                .containsPattern("5\\. TIERED.*\\n.*\\n   -> ANSWERED   answered by user/alice")
                .containsPattern("user/carol +NO_ANSWER +NO_ANSWER +2\\.\\d\\d s\\n +3 +user/alice +ANSWERED")
                // ENTERPRISE: carol gives up after her own second, alice starts a second late and answers
                .containsPattern("6\\. ENTERPRISE.*\\n.*\\n   -> ANSWERED   answered by user/alice")
                .containsPattern("7\\. RANDOM.*\\n.*\\n   -> ANSWERED   answered by user/alice")
                // ROUND_ROBIN: alice answers the first call, so the second starts with dave
                .containsPattern("8\\. ROUND_ROBIN.*\\n.*\\n   -> ANSWERED   answered by user/alice")
                .containsPattern("9\\. ROUND_ROBIN.*\\n.*\\n   -> ANSWERED   answered by user/dave")
                .containsPattern("10\\. MEMORY_HUNT.*\\n.*\\n   -> ANSWERED   answered by user/alice")
                .contains("caller ID name the answered leg was shown: 'Sales: camel-freeswitch-demo'")
                // confirmation: alice answers first but never presses 1, oscar does and takes the call
                .containsPattern("12\\. PARALLEL, confirmKey=1[\\s\\S]*ANSWERED   answered by user/oscar")
                .containsPattern("user/alice +UNCONFIRMED +NO_ANSWER")
                // ringback: the parked caller hears the ring tone while alice rings, until she is handed out
                .containsPattern("13\\. PARALLEL, ringback[\\s\\S]*ANSWERED   answered by user/alice")
                .containsPattern("caller user/1000 heard tone_stream://%\\(2000,4000,440,480\\);loops=-1"
                        + " from \\d+\\.\\d\\d s until \\d+\\.\\d\\d s,"
                        + " stopped by uuid_break as user/alice was handed out")
                // the burst is spread evenly by the shared balancer, and its load is back to zero
                .containsPattern("user/erin +3 +###")
                .containsPattern("user/heidi +3 +###")
                .contains("12 groups, 12 answered")
                .contains("balancer load once their calls ended: 0 on every agent")
                // capacity: one call per agent, the extra groups ring nobody; then wrap-up, then offered again
                .contains("at once:           4 ANSWERED, 2 UNAVAILABLE, 4 leg(s) rung")
                .contains("during wrap-up:    0 ANSWERED, 1 UNAVAILABLE, 0 leg(s) rung")
                .contains("after wrap-up:     1 ANSWERED, 0 UNAVAILABLE, 1 leg(s) rung [user/erin]")
                .contains("live now 0")
                .contains("Demo complete.");
    }

    @Test
    void anUnknownOptionIsRefusedWithTheUsage() {
        assertThatThrownBy(() -> RingGroupDemo.run(System.out, "--freeswitch.hots=10.0.0.5"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown option(s) [freeswitch.hots]")
                .hasMessageContaining("usage: RingGroupDemo");
    }
}
