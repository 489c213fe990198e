package io.camelfreeswitch.simulator.internal;

import io.camelfreeswitch.simulator.Behaviour;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One simulated channel. Mutated only on the switch core thread. Knows how to write its own header block the way
 * switch_channel_event_set_data does (channel block, caller profile, variables).
 */
public final class SimChannel {

    public final String uuid;
    public final String name;
    public final String destination;       // what was dialled, e.g. "user/1001" or "loopback/1001/default"
    public final String destinationNumber;
    public final String context;
    public final String source;            // Caller-Source: mod_loopback, mod_sofia...
    public final boolean outbound;         // Call-Direction outbound (we originated it)
    public final long createdMicros;
    public final Map<String, String> variables = new LinkedHashMap<>();
    public final Deque<Runnable> messageQueue = new ArrayDeque<>();
    public final java.util.List<java.util.function.Consumer<String>> hangupListeners = new java.util.ArrayList<>();
    public final java.util.List<Runnable> answerListeners = new java.util.ArrayList<>();
    public final java.util.List<java.util.concurrent.ScheduledFuture<?>> timers = new java.util.ArrayList<>();

    public Behaviour behaviour;
    public String state = "CS_NEW";
    public String callState = "DOWN";
    public String answerState = "ringing";
    public String hangupCause;
    public long answeredMicros;
    public long progressMicros;
    public long progressMediaMicros;
    public long hangupMicros;
    public long bridgedMicros;

    // caller profile, flipped on answer like the loopback endpoint does
    public String callerIdName;
    public String callerIdNumber;
    public String origCallerIdName;
    public String origCallerIdNumber;
    public String calleeIdName;
    public String calleeIdNumber;

    public boolean hangingUp;
    public boolean destroyed;
    public boolean parked;
    public String mainApp;                 // "park", "socket", "playback"...: the application holding the channel
    public String mainAppData;
    public String mainAppUuid;
    public boolean messageRunning;
    public String bridgedTo;
    public java.util.function.Consumer<String> bridgeDone; // set while this channel runs the bridge application
    public java.util.concurrent.ScheduledFuture<?> ringTimeout;
    public OriginateJob bridgeJob;         // the originate of a running bridge application
    public OriginateJob job;               // the originate waiting on this leg, until it succeeds or fails
    public EslSession controllingSession;  // outbound socket session, if any

    public SimChannel(String uuid, String name, String destination, String destinationNumber, String context,
                      String source, boolean outbound, long createdMicros) {
        this.uuid = uuid;
        this.name = name;
        this.destination = destination;
        this.destinationNumber = destinationNumber;
        this.context = context;
        this.source = source;
        this.outbound = outbound;
        this.createdMicros = createdMicros;
    }

    public boolean answered() {
        return answeredMicros != 0;
    }

    public boolean alive() {
        return !hangingUp && !destroyed;
    }

    public static int stateNumber(String state) {
        return switch (state) {
            case "CS_NEW" -> 0;
            case "CS_INIT" -> 1;
            case "CS_ROUTING" -> 2;
            case "CS_SOFT_EXECUTE" -> 3;
            case "CS_EXECUTE" -> 4;
            case "CS_EXCHANGE_MEDIA" -> 5;
            case "CS_PARK" -> 6;
            case "CS_CONSUME_MEDIA" -> 7;
            case "CS_HIBERNATE" -> 8;
            case "CS_RESET" -> 9;
            case "CS_HANGUP" -> 10;
            case "CS_REPORTING" -> 11;
            case "CS_DESTROY" -> 12;
            default -> 13;
        };
    }

    public static int callStateNumber(String callState) {
        return switch (callState) {
            case "DOWN" -> 0;
            case "DIALING" -> 1;
            case "RINGING" -> 2;
            case "EARLY" -> 3;
            case "ACTIVE" -> 4;
            case "HELD" -> 5;
            case "RING_WAIT" -> 6;
            case "HANGUP" -> 7;
            default -> 8;
        };
    }

    /** Channel block + caller profile (+ variables), in switch_channel_event_set_data's order. */
    public void writeHeaders(SimEvent e, boolean withVariables) {
        writeChannelBlock(e);
        writeProfile(e, "Caller-");
        if (withVariables) {
            writeVariables(e);
        }
    }

    public void writeChannelBlock(SimEvent e) {
        e.add("Channel-State", state)
                .add("Channel-Call-State", callState)
                .add("Channel-State-Number", String.valueOf(stateNumber(state)))
                .add("Channel-Name", name)
                .add("Unique-ID", uuid)
                .add("Call-Direction", outbound ? "outbound" : "inbound")
                .add("Presence-Call-Direction", outbound ? "outbound" : "inbound")
                .add("Channel-HIT-Dialplan", outbound ? "false" : "true")
                .add("Channel-Call-UUID", uuid)
                .add("Answer-State", answerState);
        if (hangupCause != null) {
            e.add("Hangup-Cause", hangupCause);
        }
        e.add("Channel-Read-Codec-Name", "L16")
                .add("Channel-Read-Codec-Rate", "8000")
                .add("Channel-Read-Codec-Bit-Rate", "128000")
                .add("Channel-Write-Codec-Name", "L16")
                .add("Channel-Write-Codec-Rate", "8000")
                .add("Channel-Write-Codec-Bit-Rate", "128000");
    }

    public void writeProfile(SimEvent e, String prefix) {
        String dir = outbound ? "outbound" : "inbound";
        e.add(prefix + "Direction", dir).add(prefix + "Logical-Direction", dir).add(prefix + "Dialplan", "xml");
        if (callerIdName != null) {
            e.add(prefix + "Caller-ID-Name", callerIdName);
        }
        e.add(prefix + "Caller-ID-Number", callerIdNumber);
        if (origCallerIdName != null) {
            e.add(prefix + "Orig-Caller-ID-Name", origCallerIdName);
        }
        e.add(prefix + "Orig-Caller-ID-Number", origCallerIdNumber);
        if (calleeIdName != null) {
            e.add(prefix + "Callee-ID-Name", calleeIdName);
        }
        if (calleeIdNumber != null) {
            e.add(prefix + "Callee-ID-Number", calleeIdNumber);
        }
        e.add(prefix + "ANI", callerIdNumber)
                .add(prefix + "Destination-Number", destinationNumber)
                .add(prefix + "Unique-ID", uuid)
                .add(prefix + "Source", source)
                .add(prefix + "Context", context)
                .add(prefix + "Channel-Name", name)
                .add(prefix + "Profile-Index", "1")
                .add(prefix + "Profile-Created-Time", String.valueOf(createdMicros))
                .add(prefix + "Channel-Created-Time", String.valueOf(createdMicros))
                .add(prefix + "Channel-Answered-Time", String.valueOf(answeredMicros))
                .add(prefix + "Channel-Progress-Time", String.valueOf(progressMicros))
                .add(prefix + "Channel-Progress-Media-Time", String.valueOf(progressMediaMicros))
                .add(prefix + "Channel-Hangup-Time", String.valueOf(hangupMicros))
                .add(prefix + "Channel-Transfer-Time", "0")
                .add(prefix + "Channel-Resurrect-Time", "0")
                .add(prefix + "Channel-Bridged-Time", String.valueOf(bridgedMicros))
                .add(prefix + "Channel-Last-Hold", "0")
                .add(prefix + "Channel-Hold-Accum", "0")
                .add(prefix + "Screen-Bit", "true")
                .add(prefix + "Privacy-Hide-Name", "false")
                .add(prefix + "Privacy-Hide-Number", "false");
    }

    public void writeVariables(SimEvent e) {
        for (Map.Entry<String, String> v : variables.entrySet()) {
            e.add("variable_" + v.getKey(), v.getValue());
        }
    }

    /** What the loopback endpoint does to the caller id on answer (visible in the captures). */
    public void flipCallerIdOnAnswer() {
        if (!outbound || "yes".equals(variables.get("channel_cid_flipped"))) {
            return;
        }
        variables.put("pre_transfer_caller_id_name", callerIdName == null ? "Outbound Call" : callerIdName);
        variables.put("pre_transfer_caller_id_number", callerIdNumber);
        variables.put("channel_cid_flipped", "yes");
        calleeIdName = callerIdName;
        callerIdName = "Outbound Call";
    }
}
