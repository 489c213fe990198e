package io.camelfreeswitch.call;

import io.camelfreeswitch.call.balancer.InMemoryLoadBalancer;
import io.camelfreeswitch.esl.ConnectionState;
import io.camelfreeswitch.esl.EslClient;
import io.camelfreeswitch.esl.EslConnection;
import io.camelfreeswitch.simulator.Behaviour;
import io.camelfreeswitch.simulator.FreeSwitchSimulator;
import io.camelfreeswitch.simulator.FreeSwitchSimulatorExtension;
import io.camelfreeswitch.simulator.SimulatorLedger;
import io.camelfreeswitch.simulator.VirtualTime;
import io.camelfreeswitch.testing.PendingWork;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static io.camelfreeswitch.testing.TestWaits.WELL_WITHIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What every ring group test stands on: a simulated FreeSWITCH reached over a real socket by the real ESL client
 * (delivering some events out of order, as the captures of a real one show),
 * scripted destinations with unique names, a shared in-memory balancer, and the promise checked after every test
 * that nothing is left ringing and no load is left counted.
 */
abstract class SimulatedCalls {

    /** The simulator's time in an {@link OnVirtualTime} class; {@code null} in the others. */
    static VirtualTime time;

    /**
     * Events arrive out of order now and then, as from a loaded FreeSWITCH (CHANNEL_PROGRESS before CREATE...).
     * A class marked {@link OnVirtualTime} gets a simulator on a virtual time of its own.
     */
    @RegisterExtension
    static final FreeSwitchSimulatorExtension SIM = FreeSwitchSimulatorExtension.perClass()
            .configure((simulator, context) -> {
                simulator.reorderEvents(20261128L);
                time = context.getRequiredTestClass().isAnnotationPresent(OnVirtualTime.class) ? new VirtualTime() : null;
                if (time != null) {
                    simulator.time(time);
                }
            });

    private static final AtomicInteger NAMES = new AtomicInteger();

    static EslConnection connection;

    final InMemoryLoadBalancer balancer = new InMemoryLoadBalancer();

    @BeforeAll
    static void connect() throws Exception {
        connection = EslTestConnections.connect(SIM.simulator());
        warmUp();
    }

    /**
     * One call through every layer before the tests, so that class loading and a cold JIT do not eat into the
     * hundreds of milliseconds the first test's destinations have to answer.
     */
    private static void warmUp() throws Exception {
        RingGroupResult result = resultOf(RingGroup.ring(connection,
                RingGroupRequest.builder(List.of("sim/answer")).timeout(WELL_WITHIN).build()));
        endCall(result);
        ledger().awaitNoLiveChannels(WELL_WITHIN);
    }

    @AfterAll
    static void disconnect() {
        if (connection != null) {
            connection.closeAsync().orTimeout(WELL_WITHIN.toSeconds(), TimeUnit.SECONDS).exceptionally(e -> null).join();
        }
    }

    /**
     * Every call over, every lease given back, and nothing left in the client for it: no job, execution, channel
     * listener or state listener, or memory would grow with every group a long-running application rings.
     */
    @AfterEach
    void nothingLeftRingingNorCounted() {
        ledger().awaitNoLiveChannels(WELL_WITHIN);
        await().atMost(WELL_WITHIN).untilAsserted(() -> assertThat(balancer.loads().values()).allMatch(n -> n == 0));
        EslClient client = (EslClient) connection;
        if (client.state() != ConnectionState.CLOSED) { // a closed client's bookkeeping is garbage with it
            await().atMost(WELL_WITHIN).untilAsserted(() -> assertThat(PendingWork.of(client))
                    .as("work the client still holds").allSatisfy((kind, left) -> assertThat(left).as(kind).isZero()));
        }
    }

    static FreeSwitchSimulator sim() {
        return SIM.simulator();
    }

    static SimulatorLedger ledger() {
        return sim().ledger();
    }

    /** A destination of its own, e.g. {@code user/answers-17}, that behaves as {@code behaviour}. */
    static String destination(String name, Behaviour behaviour) {
        String destination = "user/" + name + "-" + NAMES.incrementAndGet();
        sim().destination(destination, behaviour);
        return destination;
    }

    static String answersAfter(long millis) {
        return destination("answers-after-" + millis, Behaviour.answerAfter(Duration.ofMillis(millis)));
    }

    static String neverAnswers() {
        return destination("never-answers", Behaviour.noAnswer());
    }

    static String busy() {
        return destination("busy", Behaviour.busy());
    }

    /** {@code request} with its timers on {@code virtualTime}: they fire only when the test advances it. */
    static RingGroupRequest.Builder onVirtualTime(VirtualTime virtualTime, RingGroupRequest.Builder request) {
        return request.time(virtualTime.clock(), virtualTime.scheduler());
    }

    /** {@code request} on the class's own virtual time (an {@link OnVirtualTime} class). */
    static RingGroupRequest.Builder onVirtualTime(RingGroupRequest.Builder request) {
        return onVirtualTime(time, request);
    }

    /**
     * Moves {@code virtualTime} on by {@code by} once {@code ring} has started {@code legs} legs and FreeSWITCH has
     * created them. Nothing is left in flight that could set a timer late: the group's legs are read on its own
     * executor, after the task that rang the last of them and set its ring timer, and the simulator is idle, so
     * its own timers for them are set too. What the timers cause is for the test to await before it advances
     * again (the time stands still meanwhile, so it happens at the instant it was due).
     */
    static void advanceOnceRinging(VirtualTime virtualTime, RingGroupFuture<?> ring, int legs, Duration by) {
        List<LegResult> started = await().atMost(WELL_WITHIN).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(10))
                .until(() -> ring.legs().get(WELL_WITHIN.toSeconds(), TimeUnit.SECONDS), list -> list.size() >= legs);
        for (LegResult leg : started) {
            ledger().awaitChannel(record -> record.uuid().equals(leg.uuid()), WELL_WITHIN);
        }
        sim().awaitIdle(WELL_WITHIN);
        virtualTime.advance(by);
    }

    /** {@link #advanceOnceRinging(VirtualTime, RingGroupFuture, int, Duration)} on the class's own virtual time. */
    static void advanceOnceRinging(RingGroupFuture<?> ring, int legs, Duration by) {
        advanceOnceRinging(time, ring, legs, by);
    }

    static RingGroupResult resultOf(CompletableFuture<RingGroupResult> ring) throws Exception {
        return ring.get(WELL_WITHIN.toSeconds(), TimeUnit.SECONDS);
    }

    /** The result of a group that rings for {@code ringsFor} of real time before it ends. */
    static RingGroupResult resultOf(CompletableFuture<RingGroupResult> ring, Duration ringsFor) throws Exception {
        return ring.get(WELL_WITHIN.plus(ringsFor).toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Waits until FreeSWITCH has created a channel for each destination (they are ringing). */
    /** Waits until one of {@code destinations} rings: for modes that choose the order themselves (RANDOM). */
    static void awaitAnyRinging(String... destinations) {
        List<String> any = List.of(destinations);
        ledger().awaitChannel(record -> any.contains(record.destination()), WELL_WITHIN);
    }

    static void awaitRinging(String... destinations) {
        for (String destination : destinations) {
            ledger().awaitChannel(record -> record.destination().equals(destination), WELL_WITHIN);
        }
    }

    /** A caller already in a call: an answered channel parked on the simulator. */
    static String callerChannel() throws Exception {
        String uuid = UUID.randomUUID().toString();
        connection.bgapi("originate {origination_uuid=" + uuid + "}sim/answer &park()")
                .get(WELL_WITHIN.toSeconds(), TimeUnit.SECONDS);
        return uuid;
    }

    static void hangUp(String uuid) throws Exception {
        connection.api("uuid_kill " + uuid).get(WELL_WITHIN.toSeconds(), TimeUnit.SECONDS);
    }

    /** Hangs the winner up as the rest of the call would, so that the test ends with nothing live. */
    static void endCall(RingGroupResult result) throws Exception {
        if (result.winner() != null) {
            hangUp(result.winner().uuid());
            result.winner().hungUp().get(WELL_WITHIN.toSeconds(), TimeUnit.SECONDS);
        }
    }

    static LegResult leg(RingGroupResult result, String destination) {
        return result.leg(destination).orElseThrow(() -> new AssertionError(destination + " was not rung: " + result));
    }

    static List<String> rungInOrder(RingGroupResult result) {
        return result.legs().stream().map(LegResult::destination).toList();
    }
}
