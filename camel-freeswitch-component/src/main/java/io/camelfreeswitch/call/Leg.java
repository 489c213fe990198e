package io.camelfreeswitch.call;

import io.camelfreeswitch.call.balancer.Lease;
import io.camelfreeswitch.call.balancer.LeaseEnd;
import io.camelfreeswitch.esl.CommandRejectedException;
import io.camelfreeswitch.esl.ConnectionLostException;
import io.camelfreeswitch.esl.ConnectionState;
import io.camelfreeswitch.esl.EslConnection;
import io.camelfreeswitch.esl.Registration;
import io.camelfreeswitch.esl.internal.ApiCommand;
import io.camelfreeswitch.esl.internal.EslCommands;
import io.camelfreeswitch.esl.internal.Failures;
import io.camelfreeswitch.esl.internal.TransientEventListener;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

/**
 * One callee leg of a ring group, shared by every mode: originates the channel, follows it until it answers or
 * ends, rings it for no longer than its mode gave it, and makes sure it is gone when we no longer want it.
 * <p>
 * Lifecycle: {@link #start()} tracks the channel (listener registered first), sends {@code bgapi originate} and sets
 * its ring timer.
 * The leg is <em>answered</em> at its CHANNEL_ANSWER and <em>ready</em> when its originate job has also reported
 * {@code +OK} (it is then executing its park and can be bridged). It is <em>over</em> once its {@link LegOutcome} is
 * decided: handed out, ended by FreeSWITCH, or {@linkplain #hangUp hung up} by us. It is <em>gone</em> once the
 * channel no longer exists on FreeSWITCH.
 * <p>
 * Every method runs on the ring group's lane (the connection's I/O lane): the channel is pinned to it, so its events arrive there, and the
 * originate's Job-UUID is the channel's uuid, so its result arrives there too; other callbacks from the connection
 * are re-submitted there. Nothing here is locked.
 */
final class Leg {

    /** Resending uuid_kill on each sign of life is bounded, so a confused server cannot make us loop. */
    private static final int MAX_KILL_ATTEMPTS = 6;
    /** How long after its originate_timeout FreeSWITCH may still report a leg we lost track of. */
    private static final Duration ORIGINATE_MARGIN = Duration.ofSeconds(5);

    private enum Kill { NONE, SENT, ACCEPTED, MISSED, UNSENT }

    private final RingEngine engine;
    private final EslConnection connection;
    private final String destination;
    private final String uuid = UUID.randomUUID().toString();
    private final Duration ringFor;
    private final Lease lease;
    private Channel channel;

    private Instant ringStarted;
    private Instant answeredAt;
    private Instant endedAt;
    private LegOutcome outcome;
    private String hangupCause;
    private Throwable failure;

    private boolean answered;
    private boolean jobDone;
    private boolean jobOk;
    private boolean seen;
    private boolean leaseReleased;

    private String killCause;
    private Kill kill = Kill.NONE;
    private int killAttempts;

    Leg(RingEngine engine, String destination, Duration ringFor, Lease lease) {
        this.engine = engine;
        this.connection = engine.connection();
        this.destination = destination;
        this.ringFor = ringFor;
        this.lease = lease;
    }

    /** Tracks the channel, then originates it; the listener exists before FreeSWITCH can send any event. */
    void start() {
        channel = Channel.track(connection, uuid, destination, engine.lane(), engine.reporter().userLane());
        channel.seenOnLane().whenComplete((c, e) -> engine.execute(() -> onSeen(e == null)));
        channel.answeredOnLane().whenComplete((c, e) -> {
            if (e == null) {
                engine.execute(this::onAnswer);
            }
        });
        channel.hungUpOnLane().whenComplete((cause, e) -> engine.execute(() -> onGone(cause)));
        ringStarted = engine.time().now();
        // the channel's own pin ends at its hang-up, which can come before the originate's BACKGROUND_JOB (a leg
        // hung up while ringing): this one keeps the job's result read on the group's lane too. The command is built
        // first, so that one that cannot be built leaves no pin behind
        ApiCommand<String> originate =
                EslCommands.originate(DialString.originate(destination, originateVariables(), "&park()"));
        Registration jobPin = pinJob(uuid);
        originate.bgapi(connection, uuid)
                .whenComplete((body, e) -> {
                    jobPin.close();
                    engine.execute(() -> onJob(e));
                });
        engine.schedule(ringFor, () -> {
            if (ringTimeUp()) {
                engine.legEnded(this); // the mode moves on
            }
        });
    }

    /**
     * Its ring time is up: hung up with NO_ANSWER, unless it is the winner or has answered and keeps its time to
     * confirm (the engine ends it when that runs out). Returns whether it was hung up.
     */
    boolean ringTimeUp() {
        return engine.winner() != this && !awaitsConfirmation() && hangUp(HangupCauses.NO_ANSWER, LegOutcome.NO_ANSWER);
    }

    private Map<String, String> originateVariables() {
        Map<String, String> variables = new LinkedHashMap<>();
        variables.put("origination_uuid", uuid);
        variables.put("originate_timeout", Long.toString(OriginateTimeout.seconds(upTo())));
        AnswerConfirmation.addVariables(engine.request(), variables);
        variables.putAll(engine.request().variables());
        return variables;
    }

    private void onSeen(boolean exists) {
        if (!exists) {
            return;
        }
        seen = true;
        if (kill == Kill.MISSED) {
            sendKill();
        }
    }

    private void onAnswer() {
        if (answered) {
            return;
        }
        answered = true;
        answeredAt = engine.time().now();
        if (outcome != null) {
            return; // hung up by us already; the kill is on its way
        }
        if (engine.request().leaseScope() == LeaseScope.RINGING && !engine.confirmsAnswers()) {
            releaseLease(LeaseEnd.FREED); // a leg still to confirm is released when handed out or ended
        }
        if (engine.confirmsAnswers()) {
            engine.legAwaitsConfirmation(this);
        } else {
            engine.legAnswered(this);
        }
        if (isReady()) {
            engine.legReady(this);
        }
    }

    private void onJob(Throwable error) {
        jobDone = true;
        Throwable cause = Failures.unwrap(error);
        if (cause == null) {
            jobOk = true;
            if (killCause != null) {
                if (kill != Kill.ACCEPTED) {
                    sendKill(); // it came up after our uuid_kill missed it
                }
                return;
            }
            if (outcome == null && isReady()) {
                engine.legReady(this);
            }
        } else if (cause instanceof CommandRejectedException rejected) {
            // FreeSWITCH's originate failed: the channel is gone, whatever events we may still see
            channel.markHungUp(rejected.hangupCause());
        } else {
            // connection lost or no reply: the channel may be alive; give up on it and make sure it goes away
            failure = cause;
            if (outcome == null) {
                decide(LegOutcome.FAILED, null);
                requestKill(HangupCauses.ORIGINATOR_CANCEL);
                engine.legEnded(this);
            }
        }
    }

    private void onGone(String cause) {
        if (outcome == null) {
            decide(answered && engine.confirmsAnswers() ? LegOutcome.UNCONFIRMED
                    : HangupCauses.outcomeOf(cause, answered), cause);
            engine.legEnded(this);
        } else if (outcome == LegOutcome.ANSWERED) {
            releaseLease(LeaseEnd.CALL_ENDED); // the winner's call is over (LeaseScope.CALL)
        }
        engine.legSettled(this);
    }

    /**
     * Hangs the leg up with {@code cause} and records {@code newOutcome}, unless it is already over. Returns whether
     * it did. The channel is killed by uuid even while its originate is still pending; if the kill arrives before
     * the channel exists, it is sent again as soon as the channel shows up.
     */
    boolean hangUp(String cause, LegOutcome newOutcome) {
        if (outcome != null) {
            return false;
        }
        decide(newOutcome, cause);
        requestKill(cause);
        return true;
    }

    /**
     * The winner was handed out, but whoever asked for it cancelled the group before receiving it: nobody owns the
     * call, so it is hung up like the legs of a cancelled group (its lease follows its hang-up).
     */
    void abandon() {
        requestKill(HangupCauses.ORIGINATOR_CANCEL);
    }

    /** Marks the leg as the group's winner: it stays up and belongs to the caller from now on. */
    void handOut() {
        decide(LegOutcome.ANSWERED, null);
        if (lease != null && !leaseReleased) {
            if (engine.request().leaseScope() != LeaseScope.CALL) {
                releaseLease(LeaseEnd.FREED);
            } else if (channel.isHungUp()) {
                releaseLease(LeaseEnd.CALL_ENDED);
            } else {
                releaseWhenCallEnds();
            }
        }
    }

    /**
     * Keeps the winner's lease until its call ends, or until the connection is closed for good. A hang-up missed
     * while the connection was down is caught by the Channel itself (uuid_exists after reconnecting).
     */
    private void releaseWhenCallEnds() {
        Registration[] closed = new Registration[1];
        closed[0] = connection.addStateListener(engine.lane(), (state, cause) -> {
            if (state == ConnectionState.CLOSED) {
                releaseLease(LeaseEnd.CALL_ENDED); // its end cannot be seen any more: count it as ended
                closed[0].close();
            }
        });
        channel.hungUpOnLane().whenComplete((cause, e) -> engine.execute(() -> closed[0].close()));
    }

    private void decide(LegOutcome newOutcome, String cause) {
        outcome = newOutcome;
        hangupCause = cause;
        endedAt = engine.time().now();
        LegResult ended = result();
        engine.reporter().tell(listener -> listener.legEnded(engine.request(), ended));
        if (newOutcome != LegOutcome.ANSWERED) {
            // rung and not answered, or answered and not confirmed (an answering machine): it may rest
            releaseLease(newOutcome == LegOutcome.NO_ANSWER || newOutcome == LegOutcome.UNCONFIRMED
                    ? LeaseEnd.NOT_ANSWERED : LeaseEnd.FREED);
        }
    }

    private void requestKill(String cause) {
        killCause = cause;
        sendKill();
    }

    /**
     * Sends uuid_kill again after the connection came back, for a leg we want gone and have not seen go: its kill
     * could not be sent, or it was accepted but the CHANNEL_HANGUP_COMPLETE went down with the old socket.
     */
    void retryKill() {
        if (kill != Kill.SENT && awaitsKill()) {
            sendKill();
        }
    }

    private void sendKill() {
        if (channel.isHungUp()) {
            return;
        }
        if (killAttempts >= MAX_KILL_ATTEMPTS) {
            // a link that keeps failing: leave the channel to its originate_timeout rather than watch it forever
            stopWatchingAfterOriginateTimeout();
            return;
        }
        killAttempts++;
        kill = Kill.SENT;
        // bgapi: an api uuid_kill would hold FreeSWITCH's whole socket while it runs. Its job is pinned to the
        // group's lane, so that its result is read there, with no hand-off to another thread and back
        String job = UUID.randomUUID().toString();
        ApiCommand<Void> killCommand = EslCommands.uuidKill(uuid, killCause);
        Registration pin = pinJob(job);
        killCommand.bgapi(connection, job).whenComplete((ok, e) -> {
            pin.close();
            engine.execute(() -> onKillReply(e));
        });
    }

    /** Has the BACKGROUND_JOB of {@code jobUuid} read on the group's lane, where its result is handled. */
    private Registration pinJob(String jobUuid) {
        return connection.addChannelListener(jobUuid, engine.lane(), (TransientEventListener) event -> { });
    }

    private void onKillReply(Throwable error) {
        if (channel.isHungUp()) {
            return;
        }
        if (error != null && !(error instanceof CommandRejectedException)) {
            kill = Kill.UNSENT; // the connection is down: the engine retries when it is back
            return;
        }
        if (error == null) {
            kill = Kill.ACCEPTED;
            engine.legSettled(this); // its hang-up is on its way: the group's hang-ups may now count as sent
            return;
        }
        // "-ERR No such channel!": not created yet (originate still pending), or already gone
        kill = Kill.MISSED;
        if (jobDone && failure == null || failure instanceof ConnectionLostException) {
            // its originate is over (or went down with the old connection, whose BACKGROUND_JOB and hang-up
            // events we will never get): FreeSWITCH not knowing the channel now means it is gone, so stop
            // tracking it, or its listener and the group's connection watch would stay forever
            channel.markHungUp(killCause);
        } else if (seen || jobOk) {
            sendKill();
        } else if (jobDone) {
            // no reply to the originate in time: it may still create the channel (then onSeen kills it), but not
            // after its originate_timeout, so stop watching then instead of holding the listeners forever
            stopWatchingAfterOriginateTimeout();
        }
    }

    private void stopWatchingAfterOriginateTimeout() {
        engine.time().schedule(() -> engine.execute(() -> {
            if (!seen) {
                channel.markHungUp(killCause);
            }
        }), Duration.ofSeconds(OriginateTimeout.seconds(upTo())).plus(ORIGINATE_MARGIN));
    }

    void releaseLease(LeaseEnd end) {
        if (lease != null && !leaseReleased) {
            leaseReleased = true;
            lease.release(end);
        }
    }

    boolean isReady() {
        return answered && jobOk;
    }

    /** How long the leg may be up before it is handed out: its ring time, then the time to confirm an answer. */
    private Duration upTo() {
        return ringFor.plus(AnswerConfirmation.extraTime(engine.request()));
    }

    /** Answered, with confirmation on, and its callee has not confirmed yet (its originate job has not said +OK). */
    boolean awaitsConfirmation() {
        return answered && !jobOk && outcome == null && engine.confirmsAnswers();
    }

    boolean isAnswered() {
        return answered;
    }

    /** Its outcome is decided (handed out, ended, or hung up by us). */
    boolean isOver() {
        return outcome != null;
    }

    /** We want it gone and it may still exist. */
    boolean awaitsKill() {
        return killCause != null && !channel.isHungUp();
    }

    /** No kill of ours is outstanding: none asked for, FreeSWITCH accepted it, or the channel is gone. */
    boolean killSettled() {
        return !awaitsKill() || kill == Kill.ACCEPTED;
    }

    String uuid() {
        return uuid;
    }

    Channel channel() {
        return channel;
    }

    /** The local error that ended this leg (connection lost, ...), or {@code null}. */
    Throwable failure() {
        return failure;
    }

    LegResult result() {
        return new LegResult(destination, uuid, outcome, hangupCause, ringStarted, answeredAt, endedAt);
    }

    @Override
    public String toString() {
        return "Leg[" + destination + ", " + uuid + ", " + outcome + "]";
    }
}
