package io.camelfreeswitch.call;

import io.camelfreeswitch.esl.ConnectionLostException;
import io.camelfreeswitch.simulator.ChannelRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static io.camelfreeswitch.testing.TestWaits.WELL_WITHIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The connection to FreeSWITCH dropping while a group rings ends the group at once (not at its timeout) as FAILED,
 * and the legs it left ringing are hung up once the client is connected again. On a virtual time: FreeSWITCH's
 * originate timer ends a leg only when the test says its time has come.
 */
@OnVirtualTime
class RingGroupConnectionLossTest extends SimulatedCalls {

    @BeforeEach
    void freshConnection() throws Exception {
        connection.closeAsync().orTimeout(WELL_WITHIN.toSeconds(), TimeUnit.SECONDS).exceptionally(e -> null).join();
        connection = EslTestConnections.connect(sim());
    }

    @AfterEach
    void closeConnection() {
        connection.closeAsync().orTimeout(WELL_WITHIN.toSeconds(), TimeUnit.SECONDS).exceptionally(e -> null).join();
    }

    private long load(String destination) throws Exception {
        return balancer.load(destination).get(WELL_WITHIN.toSeconds(), TimeUnit.SECONDS);
    }

    private RingGroupRequest request(RingMode mode, String... destinations) {
        return RingGroupRequest.builder(List.of(destinations)).mode(mode).balancer(balancer)
                .timeout(Duration.ofSeconds(30)).build();
    }

    @ParameterizedTest
    @EnumSource(RingMode.class)
    void a_dropped_connection_fails_the_group_at_once_and_its_legs_are_hung_up(RingMode mode) throws Exception {
        String first = neverAnswers();
        String second = neverAnswers();
        CompletableFuture<RingGroupResult> ring = RingGroup.ring(connection, request(mode, first, second));
        awaitAnyRinging(first, second);

        sim().faults().dropAllConnections();
        RingGroupResult result = resultOf(ring);

        assertThat(result.outcome()).isEqualTo(RingGroupOutcome.FAILED);
        assertThat(result.failure()).isInstanceOf(ConnectionLostException.class);
        assertThat(result.legs()).extracting(LegResult::outcome).containsOnly(LegOutcome.FAILED);
        ledger().awaitNoLiveChannels(WELL_WITHIN);
        for (LegResult leg : result.legs()) {
            // killed once reconnected; an originate the drop cut short never created its channel
            ledger().channel(leg.uuid()).ifPresent(channel ->
                    assertThat(channel.hangupCause()).isEqualTo("ORIGINATOR_CANCEL"));
        }
    }

    @Test
    void closing_the_connection_fails_the_group_at_once_and_FreeSWITCH_ends_the_legs_at_their_timeout()
            throws Exception {
        String ringing = neverAnswers();
        Duration timeout = Duration.ofSeconds(1);
        CompletableFuture<RingGroupResult> ring = RingGroup.ring(connection, onVirtualTime(RingGroupRequest
                .builder(List.of(ringing)).timeout(timeout)).build());
        awaitRinging(ringing);

        connection.closeAsync().get(WELL_WITHIN.toSeconds(), TimeUnit.SECONDS);
        RingGroupResult result = resultOf(ring);

        assertThat(result.outcome()).isEqualTo(RingGroupOutcome.FAILED);
        assertThat(result.failure()).isInstanceOf(ConnectionLostException.class);
        sim().awaitIdle(WELL_WITHIN);
        time.advance(Duration.ofSeconds(OriginateTimeout.seconds(timeout)));
        ChannelRecord leg = ledger().awaitHangup(result.legs().get(0).uuid(), "NO_ANSWER", WELL_WITHIN);
        assertThat(leg.killedBy()).as("its originate_timeout").isEqualTo("timeout");
    }

    @Test
    void closing_the_connection_gives_back_the_lease_of_a_winner_whose_call_goes_on() throws Exception {
        String agent = answersAfter(0);
        RingGroupResult result = resultOf(RingGroup.ring(connection, RingGroupRequest.builder(List.of(agent))
                .mode(RingMode.BALANCING).balancer(balancer).leaseScope(LeaseScope.CALL)
                .timeout(Duration.ofSeconds(30)).build()));
        assertThat(load(agent)).as("counted for as long as the call lasts").isEqualTo(1);

        connection.closeAsync().get(WELL_WITHIN.toSeconds(), TimeUnit.SECONDS);

        // its end can no longer be heard: counted as ended, or the agent would look busy for good
        await().until(() -> load(agent) == 0);
        assertThat(ledger().channel(result.winner().uuid())).as("the call itself goes on on FreeSWITCH")
                .hasValueSatisfying(call -> assertThat(call.live()).isTrue());
        connection = EslTestConnections.connect(sim());
        hangUp(result.winner().uuid());
    }

    @ParameterizedTest
    @EnumSource(RingMode.class)
    void the_reference_form_fails_with_ConnectionLostException(RingMode mode) throws Exception {
        String ringing = neverAnswers();
        CompletableFuture<Optional<Channel>> ring = RingGroup.ring(connection, List.of(ringing), mode,
                Duration.ofSeconds(30), null, balancer);
        awaitRinging(ringing);

        sim().faults().dropAllConnections();

        assertThatThrownBy(() -> ring.get(WELL_WITHIN.toSeconds(), TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(ConnectionLostException.class);
        ledger().awaitNoLiveChannels(WELL_WITHIN);
    }
}
