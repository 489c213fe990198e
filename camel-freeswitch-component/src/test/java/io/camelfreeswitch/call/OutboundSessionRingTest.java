package io.camelfreeswitch.call;

import io.camelfreeswitch.esl.EslOutboundServer;
import io.camelfreeswitch.esl.OutboundSession;
import io.camelfreeswitch.simulator.OutboundCall;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import static io.camelfreeswitch.testing.TestWaits.WELL_WITHIN;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A ring group run from the call FreeSWITCH handed to our outbound socket. The session lingers (so the legs can
 * still be hung up after the caller left) and does not use {@code myevents}, which would hide the callee legs'
 * events; the ring group subscribes the session to the channel events it needs.
 */
class OutboundSessionRingTest extends SimulatedCalls {

    private EslOutboundServer server;
    private final CompletableFuture<RingGroupResult> rang = new CompletableFuture<>();

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.closeAsync().orTimeout(WELL_WITHIN.toSeconds(), TimeUnit.SECONDS).exceptionally(e -> null).join();
        }
    }

    private OutboundCall callInto(Function<OutboundSession, RingGroupRequest> ringGroup,
            Function<RingGroupResult, CompletionStage<?>> then) throws Exception {
        server = EslOutboundServer.builder().port(0).handler(session -> session.linger()
                .thenCompose(lingering -> RingGroup.ring(session, ringGroup.apply(session)))
                .thenCompose(result -> {
                    rang.complete(result);
                    return then.apply(result);
                })).build().start().get(WELL_WITHIN.toSeconds(), TimeUnit.SECONDS);
        return sim().placeOutboundCall("127.0.0.1", server.port());
    }

    @Test
    void the_caller_is_bridged_to_the_agent_that_answers() throws Exception {
        String agent = answersAfter(50);
        OutboundCall call = callInto(
                session -> RingGroupRequest.builder(List.of(neverAnswers(), agent))
                        .timeout(Duration.ofSeconds(5)).callerUuid(session.uniqueId()).build(),
                result -> {
                    OutboundSession session = (OutboundSession) result.winner().connection();
                    Channel caller = Channel.track(session, session.uniqueId(), null);
                    return caller.bridge(result.winner()).thenCompose(bridged -> session.ended());
                });

        RingGroupResult result = rang.get(WELL_WITHIN.toSeconds(), TimeUnit.SECONDS);

        assertThat(result.winner().destination()).isEqualTo(agent);
        ledger().awaitChannel(r -> r.uuid().equals(result.winner().uuid()) && r.bridged() != null, WELL_WITHIN);
        call.hangup();
        call.ended().get(WELL_WITHIN.toSeconds(), TimeUnit.SECONDS);
        ledger().awaitHangup(result.winner().uuid(), WELL_WITHIN);
    }

    @Test
    void the_caller_hanging_up_while_agents_ring_cancels_them() throws Exception {
        String first = neverAnswers();
        String second = neverAnswers();
        OutboundCall call = callInto(
                session -> RingGroupRequest.builder(List.of(first, second))
                        .timeout(Duration.ofSeconds(30)).callerUuid(session.uniqueId()).build(),
                result -> CompletableFuture.completedFuture(null));
        awaitRinging(first, second);

        call.hangup();
        RingGroupResult result = rang.get(WELL_WITHIN.toSeconds(), TimeUnit.SECONDS);

        assertThat(result.outcome()).isEqualTo(RingGroupOutcome.CANCELLED);
        for (LegResult leg : result.legs()) {
            ledger().awaitHangup(leg.uuid(), "ORIGINATOR_CANCEL", WELL_WITHIN);
        }
    }
}
