package io.camelfreeswitch.simulator.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One running originate, on the core thread. Rings the groups of the dial string in order ({@code |}); inside a
 * group every leg rings at once ({@code ,}) and the first to answer (or to send early media, unless
 * ignore_early_media=true) wins while the others are hung up with LOSE_RACE. Legs still ringing when
 * originate_timeout expires are hung up with NO_ANSWER, on FreeSWITCH's coarse whole-second timer.
 * <p>
 * With {@code group_confirm_key}, an answered leg does not win: it hears {@code group_confirm_file} and wins when its
 * callee presses the key; a wrong key, or none, leaves it up (FreeSWITCH plays the prompt again) until someone else
 * wins or originate_timeout ends it with NO_ANSWER, as FreeSWITCH 1.10 does.
 */
final class OriginateJob {

    static final int DEFAULT_TIMEOUT_SECONDS = 60;

    private final SwitchCore core;
    private final OriginateCommand command;
    private final Consumer<SimChannel> onWinner;
    private final CompletableFuture<String> result = new CompletableFuture<>();
    private final List<SimChannel> ringing = new ArrayList<>();
    private final Map<SimChannel, StringBuilder> confirming = new java.util.HashMap<>();
    private int nextGroup;
    private String lastCause;
    private boolean finished;

    OriginateJob(SwitchCore core, OriginateCommand command, Consumer<SimChannel> onWinner) {
        this.core = core;
        this.command = command;
        this.onWinner = onWinner;
    }

    CompletableFuture<String> start() {
        ringNextGroup();
        return result;
    }

    private void ringNextGroup() {
        DialString ds = command.dialString();
        while (!finished && ringing.isEmpty()) {
            if (nextGroup >= ds.groups().size()) {
                fail(lastCause == null ? "NO_ROUTE_DESTINATION" : lastCause);
                return;
            }
            List<DialString.Leg> group = ds.groups().get(nextGroup++);
            boolean firstLegOfCall = nextGroup == 1;
            int legIndex = 0;
            List<SimChannel> created = new ArrayList<>();
            for (DialString.Leg leg : group) {
                Map<String, String> vars = DialString.effective(ds.globalVariables(), leg);
                // a global origination_uuid can only name one channel: the first leg rung
                if (!(firstLegOfCall && legIndex == 0) && !leg.variables().containsKey("origination_uuid")) {
                    vars.remove("origination_uuid");
                }
                legIndex++;
                Endpoint endpoint = Endpoint.resolve(leg.endpoint(), core.declaredDestinations());
                if (endpoint.immediateFailure().isPresent()) {
                    lastCause = endpoint.immediateFailure().get();
                    continue;
                }
                SimChannel ch = core.createOutboundLeg(endpoint, vars, command);
                if (ch == null) {
                    lastCause = "DESTINATION_OUT_OF_ORDER";
                    continue;
                }
                ch.job = this;
                ringing.add(ch);
                created.add(ch);
            }
            long startMillis = core.clock().millis(); // once the group's channels exist, as FreeSWITCH does
            for (SimChannel ch : created) {
                scheduleTimeout(ch, startMillis);
                core.startBehaviour(ch);
            }
        }
    }

    /**
     * Ends {@code ch} when its originate timer runs out, with FreeSWITCH's whole-second arithmetic: the originate
     * notes its start in epoch seconds and gives up when {@code now - start >= originate_timeout}, also in whole
     * seconds, so a limit of N seconds fires between N-1 and N seconds after the originate. A leg_timeout is
     * compared with {@code >}: it ends its leg with ALLOTTED_TIMEOUT between N and N+1 seconds after.
     */
    private void scheduleTimeout(SimChannel ch, long startMillis) {
        long startSecond = Math.floorDiv(startMillis, 1000);
        long firesAtSecond = startSecond + originateTimeoutSeconds(ch.variables);
        String cause = "NO_ANSWER";
        Long legSeconds = seconds(ch.variables.get("leg_timeout"));
        if (legSeconds != null && startSecond + legSeconds + 1 < firesAtSecond) {
            firesAtSecond = startSecond + legSeconds + 1;
            cause = "ALLOTTED_TIMEOUT";
        }
        String timeoutCause = cause;
        ch.ringTimeout = core.schedule(() -> {
            if (ch.alive() && ch.job == this) {
                core.hangup(ch, timeoutCause, "timeout");
            }
        }, Math.max(0, firesAtSecond * 1000 - core.clock().millis()), TimeUnit.MILLISECONDS);
    }

    private long originateTimeoutSeconds(Map<String, String> vars) {
        Long seconds = seconds(vars.get("originate_timeout"));
        if (seconds == null) {
            seconds = seconds(vars.get("call_timeout"));
        }
        if (seconds != null) {
            return seconds;
        }
        return command.timeoutSeconds() != null ? command.timeoutSeconds() : DEFAULT_TIMEOUT_SECONDS;
    }

    /** A positive whole number of seconds, or {@code null}: FreeSWITCH ignores a missing, bad or zero value. */
    private static Long seconds(String value) {
        if (value == null) {
            return null;
        }
        try {
            long seconds = Long.parseLong(value.trim());
            return seconds > 0 ? seconds : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    boolean ignoresEarlyMedia(SimChannel ch) {
        return "true".equalsIgnoreCase(ch.variables.get("ignore_early_media"));
    }

    void earlyMedia(SimChannel ch) {
        if (!ignoresEarlyMedia(ch)) {
            winOrConfirm(ch);
        }
    }

    void answered(SimChannel ch) {
        winOrConfirm(ch);
    }

    private void winOrConfirm(SimChannel ch) {
        String key = ch.variables.get("group_confirm_key");
        if (key == null || key.isEmpty()) {
            win(ch);
        } else if (!finished && ringing.contains(ch) && !confirming.containsKey(ch)) {
            confirming.put(ch, new StringBuilder());
            String prompt = ch.variables.get("group_confirm_file");
            if (prompt != null && !prompt.isEmpty()) {
                core.applications().player().playUntilStopped(ch, prompt);
            }
        }
    }

    /** A key pressed on {@code ch}: FreeSWITCH reads as many keys as the confirm key has, then compares. */
    void dtmf(SimChannel ch, char key) {
        StringBuilder read = confirming.get(ch);
        if (read == null || finished) {
            return;
        }
        read.append(key);
        String expected = ch.variables.get("group_confirm_key");
        if (read.length() >= expected.length()) {
            boolean confirmed = read.toString().equals(expected);
            read.setLength(0);
            if (confirmed) {
                core.applications().player().stop(ch, "confirmed");
                ch.variables.put("group_dial_status", "winner");
                win(ch);
            }
        }
    }

    private void win(SimChannel winner) {
        if (finished || !ringing.contains(winner)) {
            return;
        }
        finished = true;
        winner.job = null;
        if (winner.ringTimeout != null) {
            winner.ringTimeout.cancel(false);
            winner.ringTimeout = null;
        }
        for (SimChannel other : ringing) {
            if (other != winner) {
                other.job = null;
                core.hangup(other, "LOSE_RACE", "lose-race");
            }
        }
        ringing.clear();
        confirming.clear();
        result.complete("+OK " + winner.uuid + "\n");
        onWinner.accept(winner);
    }

    /** A leg of this originate ended before winning (fired after its CHANNEL_HANGUP_COMPLETE). */
    void legFailed(SimChannel ch, String cause) {
        confirming.remove(ch);
        if (finished || !ringing.remove(ch)) {
            return;
        }
        lastCause = cause;
        if (ringing.isEmpty()) {
                ringNextGroup();
        }
    }

    /** The caller gave up (a bridge whose caller hung up): every ringing leg ends with {@code cause}. */
    void cancel(String cause, String killedBy) {
        for (SimChannel ch : new ArrayList<>(ringing)) {
            core.hangup(ch, cause, killedBy);
        }
    }

    private void fail(String cause) {
        finished = true;
        result.complete("-ERR " + cause + "\n");
    }
}
