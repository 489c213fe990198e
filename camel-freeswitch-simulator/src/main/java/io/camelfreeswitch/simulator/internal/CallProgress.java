package io.camelfreeswitch.simulator.internal;

import io.camelfreeswitch.simulator.Behaviour;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A channel's way through its states: an endpoint's scripted behaviour, ringing, early media, answer, bridge and
 * hang-up, each firing what FreeSWITCH fires and telling the ledger first (a test that has seen an event must find
 * the ledger agreeing with it). Runs on the switch core thread.
 */
final class CallProgress {

    private final SwitchCore core;
    private final ChannelTable table;
    private final SwitchEvents events;
    private final LedgerSink ledger;
    private final LoopbackSocket loopbackSocket;

    CallProgress(SwitchCore core, ChannelTable table, SwitchEvents events, LedgerSink ledger,
                 LoopbackSocket loopbackSocket) {
        this.core = core;
        this.table = table;
        this.events = events;
        this.ledger = ledger;
        this.loopbackSocket = loopbackSocket;
    }

    /** Runs the endpoint's script: the first step after the current task (like FreeSWITCH's originate thread). */
    void startBehaviour(SimChannel ch) {
        core.later(() -> {
            if (!ch.alive()) {
                return;
            }
            Behaviour b = ch.behaviour;
            boolean rings = switch (b.kind()) {
                case ANSWER, ANSWER_THEN_HANGUP -> !b.delay().isZero();
                case NO_ANSWER -> true;
                case REJECT -> !b.delay().isZero() && !"USER_BUSY".equals(b.cause());
                default -> false;
            };
            boolean progressFirst = rings && events.progressBeforeCreate();
            if (progressFirst) {
                ringing(ch);
            }
            events.setState(ch, "CS_INIT");
            events.fireChannel(ch, "CHANNEL_CREATE", "switch_core_state_machine.c", "switch_core_session_run", 626, true);
            events.fireChannel(ch, "CHANNEL_ORIGINATE", "switch_ivr_originate.c", "switch_ivr_originate", 3940, true);
            events.setState(ch, "CS_ROUTING");
            events.setState(ch, "CS_CONSUME_MEDIA");
            if (rings && !progressFirst) {
                ringing(ch);
            }
            switch (b.kind()) {
                case ANSWER, ANSWER_THEN_HANGUP -> afterDelay(ch, b.delay(), () -> answer(ch));
                case EARLY_MEDIA_THEN_ANSWER -> {
                    earlyMedia(ch);
                    afterDelay(ch, b.delay(), () -> answer(ch));
                }
                case REJECT -> afterDelay(ch, b.delay(), () -> hangup(ch, b.cause(), "far-end"));
                case NO_ANSWER, UNREGISTERED -> {
                    // rings until killed or originate_timeout
                }
            }
            loopbackSocket.dialIfSocket(ch);
        });
    }

    private void afterDelay(SimChannel ch, Duration delay, Runnable step) {
        Runnable guarded = () -> {
            if (ch.alive()) {
                step.run();
            }
        };
        if (delay.isZero()) {
            guarded.run();
        } else {
            ScheduledFuture<?> f = core.schedule(guarded, delay.toNanos(), TimeUnit.NANOSECONDS);
            if (f != null) {
                ch.timers.add(f);
            }
        }
    }

    void ringing(SimChannel ch) {
        if (ch.progressMicros != 0) {
            return;
        }
        ch.progressMicros = core.nowMicros();
        ch.variables.put("endpoint_disposition", "RINGING");
        events.fireChannel(ch, "CHANNEL_PROGRESS", "switch_channel.c", "switch_channel_perform_mark_ring_ready_value", 1117, true);
        events.setCallState(ch, "RINGING");
    }

    void earlyMedia(SimChannel ch) {
        if (ch.progressMediaMicros != 0 || ch.answered()) {
            return;
        }
        ch.progressMediaMicros = core.nowMicros();
        ch.answerState = "early";
        ch.variables.put("endpoint_disposition", "EARLY MEDIA");
        events.fireChannel(ch, "CHANNEL_PROGRESS_MEDIA", "switch_channel.c", "switch_channel_perform_mark_pre_answered", 3672, true);
        ch.flipCallerIdOnAnswer();
        events.setCallState(ch, "EARLY");
        if (ch.job != null) {
            ch.job.earlyMedia(ch);
        }
    }

    /** Answers the channel (callee picked up, uuid_answer, or the answer application). */
    void answer(SimChannel ch) {
        if (!ch.alive() || ch.answered()) {
            return;
        }
        ch.answeredMicros = core.nowMicros();
        ch.answerState = "answered";
        ch.variables.put("endpoint_disposition", "ANSWER");
        ledger.answered(ch.uuid, core.now()); // before the event, as for bridge and hang-up
        events.fireChannel(ch, "CHANNEL_ANSWER", "switch_channel.c", "switch_channel_perform_mark_answered", 3956, true);
        ch.flipCallerIdOnAnswer();
        events.setCallState(ch, "ACTIVE");
        Keypad.answered(core, ch);
        if (ch.behaviour != null && ch.behaviour.kind() == Behaviour.Kind.ANSWER_THEN_HANGUP) {
            afterDelay(ch, ch.behaviour.hangupAfter(), () -> hangup(ch, "NORMAL_CLEARING", "far-end"));
        }
        if (ch.job != null) {
            ch.job.answered(ch);
        }
        ch.answerListeners.forEach(Runnable::run);
    }

    void bridge(SimChannel a, SimChannel b) {
        long now = core.nowMicros();
        a.bridgedTo = b.uuid;
        b.bridgedTo = a.uuid;
        a.bridgedMicros = now;
        b.bridgedMicros = now;
        a.variables.put("bridge_uuid", b.uuid);
        b.variables.put("bridge_uuid", a.uuid);
        a.variables.put("signal_bond", b.uuid);
        b.variables.put("signal_bond", a.uuid);
        // the ledger first: a test that has seen the event must find the ledger agreeing with it
        Instant at = core.now();
        ledger.bridged(a.uuid, at);
        ledger.bridged(b.uuid, at);
        events.fireChannel(a, "CHANNEL_BRIDGE", "switch_ivr_bridge.c", "switch_ivr_multi_threaded_bridge", 1650, true,
                "Bridge-A-Unique-ID", a.uuid, "Bridge-B-Unique-ID", b.uuid, "Other-Leg-Unique-ID", b.uuid);
    }

    /**
     * Hangs the channel up and runs it to CS_DESTROY, firing what FreeSWITCH fires. Returns false when it was
     * already hanging up. Callers answering a command first should call this via {@link SwitchCore#later}.
     */
    boolean hangup(SimChannel ch, String cause, String killedBy) {
        if (ch == null || !ch.alive()) {
            return false;
        }
        ch.hangingUp = true;
        ch.timers.forEach(t -> t.cancel(false));
        ch.timers.clear();
        if (ch.ringTimeout != null) {
            ch.ringTimeout.cancel(false);
            ch.ringTimeout = null;
        }
        ch.hangupCause = cause;
        ch.hangupMicros = core.nowMicros();
        ch.answerState = "hangup";
        ch.variables.put("hangup_cause", cause);
        ch.variables.put("hangup_cause_q850", String.valueOf(HangupCauses.q850(cause)));
        ledger.hungUp(ch.uuid, core.now(), cause, killedBy);
        ch.hangupListeners.forEach(l -> l.accept(cause));
        events.fireChannel(ch, "CHANNEL_HANGUP", "switch_channel.c", "switch_channel_perform_hangup", 3150, true);
        events.setCallState(ch, "HANGUP");
        core.applications().channelHungUp(ch);
        events.setState(ch, "CS_HANGUP");
        SimChannel peer = ch.bridgedTo == null ? null : table.anyChannel(ch.bridgedTo);
        if (ch.bridgedTo != null) {
            events.fireChannel(ch, "CHANNEL_UNBRIDGE", "switch_ivr_bridge.c", "switch_ivr_multi_threaded_bridge", 1720, true,
                    "Other-Leg-Unique-ID", ch.bridgedTo);
            ch.bridgedTo = null;
        }
        events.setState(ch, "CS_REPORTING");
        Cdr.addHangupVariables(ch);
        events.fireChannel(ch, "CHANNEL_HANGUP_COMPLETE", "switch_core_state_machine.c", "switch_core_session_reporting_state",
                1071, true);
        if (ch.controllingSession != null) {
            ch.controllingSession.attachedHungUp();
        }
        if (ch.job != null) {
            OriginateJob job = ch.job;
            ch.job = null;
            job.legFailed(ch, cause);
        }
        events.fireChannel(ch, "CHANNEL_DESTROY", "switch_core_session.c", "switch_core_session_perform_destroy", 1729, true);
        events.setState(ch, "CS_DESTROY");
        ch.destroyed = true;
        table.remove(ch);
        ledger.destroyed(ch.uuid);
        if (peer != null && peer.alive()) {
            peer.bridgedTo = null;
            core.applications().peerLeftBridge(peer);
        }
        return true;
    }
}
