package io.camelfreeswitch.call;

import io.camelfreeswitch.call.balancer.Lease;
import io.camelfreeswitch.esl.ConnectionLostException;
import io.camelfreeswitch.esl.ConnectionState;
import io.camelfreeswitch.esl.EslConnection;
import io.camelfreeswitch.esl.Registration;
import io.camelfreeswitch.esl.internal.EslCommands;
import io.camelfreeswitch.esl.internal.Failures;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One running ring group: what every mode shares. It starts legs, decides the winner (the first leg to answer, one
 * only), hands it out once it is ready, and when the group is over hangs up every other leg it started, with the
 * cause that says why. The mode ({@link RingStrategy}) only decides which destination to ring next and when.
 * <p>
 * Everything runs on the connection's I/O lane ({@link EslConnection#ioLane()}), on its Netty event loop: its legs'
 * channels are pinned to it, so their events (and their originate jobs' results) are handled right where they are
 * read, with no hand-off, and timeouts, cancellation, connection-state changes and the balancer's answers are handed
 * to it. One step at a time, so there is no lock and no race between "answered" and "timed out". Nothing here may
 * block (the balancer included: it returns futures). What user code sees leaves the event loop through the
 * {@link RingGroupReporter}, onto the group's own lane of the connection's pool.
 */
final class RingEngine {

    /** The channel events a ring group needs; the connection's subscription is additive, so asking twice is free. */
    static final List<String> EVENTS = List.of("CHANNEL_CREATE", "CHANNEL_PROGRESS", "CHANNEL_PROGRESS_MEDIA",
            "CHANNEL_ANSWER", "CHANNEL_HANGUP_COMPLETE", "BACKGROUND_JOB");

    /**
     * How long an answered winner may wait for its originate job's +OK before it is handed out anyway: FreeSWITCH
     * sends it ~20 ms after the answer, so this only matters if the job report is lost.
     */
    static final Duration READY_GRACE = Duration.ofSeconds(2);
    /** Numbers the groups' lane keys: consecutive groups spread over the lanes evenly. */
    private static final AtomicLong GROUPS = new AtomicLong();

    private final EslConnection connection;
    private final RingGroupRequest request;
    private final RingStrategy strategy;
    private final Executor lane;
    private final RingGroupReporter reporter;
    private final RingGroupFuture<RingGroupResult> result = new RingGroupFuture<>(this::snapshotLegs);
    private final List<Leg> legs = new ArrayList<>();
    private final List<ScheduledFuture<?>> timers = new ArrayList<>();
    private final RingTime time;
    private final long deadlineNanos;
    private final long startNanos;

    private Leg winner;
    private boolean finished;
    /** The legs as the group ended, once it has: read from any thread. */
    private volatile List<LegResult> finalLegs;
    /** The caller's ringback has been broken off (or there was none): nothing of this group reaches it any more. */
    private boolean ringbackOver;
    private Channel caller;
    private Registration stateRegistration;
    private final CallerRingback ringback;

    RingEngine(EslConnection connection, RingGroupRequest request, RingStrategy strategy) {
        this.connection = connection;
        this.request = request;
        this.strategy = strategy;
        this.time = request.time();
        this.startNanos = time.nanoTime();
        this.lane = connection.ioLane();
        this.reporter = new RingGroupReporter(request, lane, connection.lane("ring-group-" + GROUPS.incrementAndGet()));
        this.deadlineNanos = request.totalTimeout() == null ? Long.MAX_VALUE
                : startNanos + request.totalTimeout().toNanos();
        this.ringback = request.ringback() == null || request.callerUuid() == null ? null
                : new CallerRingback(connection, request.callerUuid(), request.ringback());
    }

    /** Starts ringing; the returned future is the group's result (cancel it to hang up every leg). */
    RingGroupFuture<RingGroupResult> start() {
        result.whenComplete((r, e) -> {
            if (e instanceof CancellationException) {
                execute(() -> finish(RingGroupOutcome.CANCELLED, null));
            }
        });
        execute(this::begin);
        return result;
    }

    private void begin() {
        // told the current state at once: a connection already down fails the group before anything is sent
        stateRegistration = connection.addStateListener(lane, this::onConnectionState);
        if (request.callerUuid() != null) {
            watchCaller(request.callerUuid());
        }
        if (request.totalTimeout() != null) {
            schedule(request.totalTimeout(), () -> timeOut());
        }
        connection.subscribe(EVENTS).whenComplete((ok, e) -> execute(() -> {
            if (e != null) {
                finish(RingGroupOutcome.FAILED, Failures.unwrap(e));
            } else if (!finished) {
                strategy.start(this);
            }
        }));
    }

    private void watchCaller(String callerUuid) {
        caller = Channel.track(connection, callerUuid, null);
        caller.hungUp().whenComplete((cause, e) -> execute(() -> finish(RingGroupOutcome.CANCELLED, null)));
        // the caller may have left before we started listening: ask once
        EslCommands.uuidExists(callerUuid).api(connection).whenComplete((exists, e) -> {
            if (e == null && !exists) {
                execute(() -> finish(RingGroupOutcome.CANCELLED, null));
            }
        });
    }

    private void onConnectionState(ConnectionState state, Throwable cause) {
        if (state == ConnectionState.DOWN || state == ConnectionState.CLOSED) {
            finish(RingGroupOutcome.FAILED, new ConnectionLostException(
                    "Connection to FreeSWITCH " + (state == ConnectionState.CLOSED ? "closed" : "lost")
                            + " while the ring group was ringing", cause));
            if (state == ConnectionState.CLOSED) {
                stopWatchingConnection(); // nothing more can be done through it
            }
        } else if (state == ConnectionState.UP && finished) {
            // legs we could not hang up while the connection was down
            legs.forEach(Leg::retryKill);
        }
    }

    // ---- what modes use ----

    RingGroupRequest request() {
        return request;
    }

    EslConnection connection() {
        return connection;
    }

    boolean isFinished() {
        return finished;
    }

    /** The lane this group runs on: its legs' channels are pinned to it. */
    Executor lane() {
        return lane;
    }

    /** Where what user code sees of this group leaves the I/O thread. */
    RingGroupReporter reporter() {
        return reporter;
    }

    /** Runs {@code task} on this group's lane, after what is queued there (never inside a task running there). */
    void execute(Runnable task) {
        lane.execute(task);
    }

    /** Runs {@code task} on this group's lane after {@code delay}; cancelled when the group finishes. */
    void schedule(Duration delay, Runnable task) {
        timers.add(time.schedule(() -> execute(task), delay));
    }

    /** Where this group reads the time; legs use it for their timestamps and their timers that outlive the group. */
    RingTime time() {
        return time;
    }

    /**
     * How long the next leg may ring: the per-leg timeout, capped by what is left of the total timeout; {@code null}
     * when the total timeout is spent.
     */
    Duration nextRingTime() {
        long left = deadlineNanos - time.nanoTime();
        if (left <= 0) {
            return null;
        }
        Duration timeout = request.timeout();
        return timeout.toNanos() <= left ? timeout : Duration.ofNanos(left);
    }

    /** Originates a leg to {@code destination}; it hangs itself up once it has rung for {@code ringFor}. */
    Leg ring(String destination, Duration ringFor, Lease lease) {
        Leg leg = new Leg(this, destination, ringFor, lease);
        legs.add(leg);
        reporter.tell(listener -> listener.legStarted(request, destination));
        leg.start();
        if (ringback != null) {
            ringback.start(); // after the first originate, which it must not delay
        }
        return leg;
    }

    /**
     * Every leg as it is now, read on the group's lane so that no leg is seen half-updated; once the group is over,
     * its final legs at once (a listener or a result stage asking for them must not wait on its own lane).
     */
    private CompletableFuture<List<LegResult>> snapshotLegs() {
        List<LegResult> last = finalLegs;
        if (last != null) {
            return CompletableFuture.completedFuture(last);
        }
        CompletableFuture<List<LegResult>> snapshot = new CompletableFuture<>();
        execute(() -> reporter.complete(snapshot, legs.stream().map(Leg::result).toList()));
        return snapshot;
    }

    /** The current winner, answered but perhaps not yet ready; {@code null} when none. */
    Leg winner() {
        return winner;
    }

    /** Whether every leg started so far is over. */
    boolean allLegsOver() {
        return legs.stream().allMatch(Leg::isOver);
    }

    /**
     * Ends the group because its time is up, unless a leg has just answered and is about to be handed out, or legs
     * that answered still have time to confirm: then only the legs still ringing are hung up.
     */
    void timeOut() {
        if (winner != null) {
            return;
        }
        if (legs.stream().anyMatch(Leg::awaitsConfirmation)) {
            legs.stream().filter(leg -> !leg.isAnswered()).forEach(leg -> leg.hangUp(HangupCauses.NO_ANSWER,
                    LegOutcome.NO_ANSWER));
            return;
        }
        finish(RingGroupOutcome.NO_ANSWER, null);
    }

    /**
     * Ends the group after its last leg ended by itself: NO_ANSWER (busy, rejected, unanswered), or FAILED when no
     * leg reached FreeSWITCH because of a local error such as a lost connection.
     */
    void finishExhausted() {
        Throwable failure = legs.stream().map(Leg::failure).filter(f -> f != null).findFirst().orElse(null);
        boolean allLocalFailures = !legs.isEmpty() && legs.stream().allMatch(leg -> leg.failure() != null);
        finish(allLocalFailures ? RingGroupOutcome.FAILED : RingGroupOutcome.NO_ANSWER,
                allLocalFailures ? failure : null);
    }

    // ---- what legs report ----

    void legAnswered(Leg leg) {
        if (finished || winner != null) {
            hangUpForOutcome(leg, RingGroupOutcome.ANSWERED); // too late: someone else won, or the group is over
            return;
        }
        winner = leg;
        strategy.winnerChosen(this, leg);
        schedule(READY_GRACE, () -> {
            if (winner == leg && !finished) {
                handOut(leg);
            }
        });
    }

    void legReady(Leg leg) {
        if (confirmsAnswers() && winner == null && !finished) {
            winner = leg; // its +OK is the confirmation
            strategy.winnerChosen(this, leg);
        }
        if (winner == leg && !finished) {
            handOut(leg);
        }
    }

    // ---- answer confirmation ----

    boolean confirmsAnswers() {
        return request.confirmKey() != null;
    }

    /** {@code leg} answered and hears the prompt: it has confirmTimeout to press the key, or it is hung up. */
    void legAwaitsConfirmation(Leg leg) {
        if (finished) {
            hangUpForOutcome(leg, RingGroupOutcome.ANSWERED); // too late: the group is over
            return;
        }
        schedule(request.confirmTimeout(), () -> {
            if (leg.awaitsConfirmation() && !finished) {
                leg.hangUp(HangupCauses.NO_ANSWER, LegOutcome.UNCONFIRMED);
                legEnded(leg); // the others keep ringing, or the mode moves on
            }
        });
    }

    /** A leg ended by itself (or failed) before being handed out: let the mode move on. */
    void legEnded(Leg leg) {
        if (winner == leg) {
            winner = null; // it answered but vanished before it was ready
        }
        if (leg.failure() instanceof ConnectionLostException lost) {
            finish(RingGroupOutcome.FAILED, lost); // no point ringing anyone else through a dead connection
        } else if (!finished) {
            strategy.legEnded(this, leg);
        }
    }

    /** A leg is gone or its kill was accepted: the group may now be done with its hang-ups and its connection watch. */
    void legSettled(Leg leg) {
        if (!finished) {
            return;
        }
        // a kill that missed a channel whose originate is still pending is resent when the channel shows up, so
        // the hang-ups are only "sent" once every kill has been accepted or its leg is known to be gone
        if (ringbackOver && legs.stream().allMatch(Leg::killSettled)) {
            reporter.hangupsSent(result);
        }
        if (legs.stream().noneMatch(Leg::awaitsKill)) {
            stopWatchingConnection();
        }
    }

    // ---- the end ----

    private void handOut(Leg leg) {
        leg.handOut();
        finish(RingGroupOutcome.ANSWERED, null);
    }

    /**
     * Ends the group once: hangs up every leg still up except the handed-out winner, with the cause the outcome
     * implies (NO_ANSWER on timeout, ORIGINATOR_CANCEL on cancel, caller hang-up or failure, LOSE_RACE when someone
     * else won), then completes the result.
     */
    void finish(RingGroupOutcome outcome, Throwable failure) {
        if (finished) {
            return;
        }
        finished = true;
        timers.forEach(timer -> timer.cancel(false));
        timers.clear();
        Leg handedOut = outcome == RingGroupOutcome.ANSWERED ? winner : null;
        for (Leg leg : legs) {
            if (leg != handedOut) {
                hangUpForOutcome(leg, outcome);
            }
        }
        if (caller != null) {
            caller.stopTracking();
        }
        legSettled(null);
        RingGroupResult ringResult = new RingGroupResult(outcome, handedOut == null ? null : handedOut.channel(),
                legs.stream().map(Leg::result).toList(), failure);
        finalLegs = ringResult.legs();
        Duration elapsed = Duration.ofNanos(time.nanoTime() - startNanos);
        reporter.tell(listener -> listener.groupEnded(request, ringResult, elapsed));
        // the caller hears nothing of the group any more before it is handed out (a bridge follows at once), and a
        // cancelled group counts its hang-ups as sent only then, so a late break cannot cut what the route plays
        // next; completed on the group's pool lane, after the listeners heard of its end
        stopRingback().whenComplete((ok, e) -> execute(() -> {
            ringbackOver = true;
            // cancelled after the winner was decided but before the result reached its user: nobody owns the call
            reporter.complete(result, ringResult, handedOut == null ? () -> { } : () -> execute(handedOut::abandon));
            legSettled(null);
        }));
    }

    /** The race is won: every other leg still up is hung up with LOSE_RACE. */
    void hangUpAllBut(Leg winner) {
        for (Leg leg : legs) {
            if (leg != winner) {
                hangUpForOutcome(leg, RingGroupOutcome.ANSWERED);
            }
        }
    }

    private static void hangUpForOutcome(Leg leg, RingGroupOutcome outcome) {
        switch (outcome) {
            case ANSWERED -> leg.hangUp(HangupCauses.LOSE_RACE,
                    leg.isAnswered() ? LegOutcome.LOST_RACE : LegOutcome.NO_ANSWER);
            case NO_ANSWER, UNAVAILABLE -> leg.hangUp(HangupCauses.NO_ANSWER, LegOutcome.NO_ANSWER);
            case CANCELLED -> leg.hangUp(HangupCauses.ORIGINATOR_CANCEL, LegOutcome.CANCELLED);
            case FAILED -> leg.hangUp(HangupCauses.ORIGINATOR_CANCEL, LegOutcome.FAILED);
        }
    }

    private CompletableFuture<Void> stopRingback() {
        return ringback == null ? CompletableFuture.completedFuture(null)
                : ringback.stop(caller == null || caller.isHungUp());
    }

    private void stopWatchingConnection() {
        if (stateRegistration != null) {
            stateRegistration.close();
        }
    }
}
