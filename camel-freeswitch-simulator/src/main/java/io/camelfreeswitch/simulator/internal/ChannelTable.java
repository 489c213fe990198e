package io.camelfreeswitch.simulator.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The switch's channel table and its bookkeeping: channels by uuid, the session counters {@code status} reports,
 * and the ledger told of every channel created. Creating a channel fires what FreeSWITCH fires when it does.
 */
final class ChannelTable {

    private final SwitchCore core;
    private final LedgerSink ledger;
    private final Map<String, SimChannel> channels = new LinkedHashMap<>();
    private final AtomicLong sessionIds = new AtomicLong();
    private long sessionsSinceStartup;
    private int peakSessions;

    ChannelTable(SwitchCore core, LedgerSink ledger) {
        this.core = core;
        this.ledger = ledger;
    }

    /** The live channel {@code uuid}, or {@code null}. */
    SimChannel channel(String uuid) {
        SimChannel ch = channels.get(uuid);
        return ch != null && !ch.destroyed ? ch : null;
    }

    /** The channel {@code uuid} even while it is being destroyed, or {@code null}. */
    SimChannel anyChannel(String uuid) {
        return channels.get(uuid);
    }

    Collection<SimChannel> liveChannels() {
        return new ArrayList<>(channels.values());
    }

    void remove(SimChannel ch) {
        channels.remove(ch.uuid);
    }

    long sessionsSinceStartup() {
        return sessionsSinceStartup;
    }

    int peakSessions() {
        return peakSessions;
    }

    private SimChannel newChannel(String uuid, Endpoint endpoint, boolean outbound, String channelName) {
        SimChannel ch = new SimChannel(uuid, channelName, endpoint.dialled(), endpoint.number(), endpoint.context(),
                endpoint.source(), outbound, core.nowMicros());
        ch.behaviour = endpoint.behaviour();
        channels.put(uuid, ch);
        sessionsSinceStartup++;
        peakSessions = Math.max(peakSessions, channels.size());
        ledger.created(uuid, endpoint.dialled(), core.now());
        return ch;
    }

    /** Creates an outbound leg and fires what FreeSWITCH fires up to routing; returns null when the uuid is taken. */
    SimChannel createOutboundLeg(Endpoint endpoint, Map<String, String> vars, OriginateCommand command) {
        String uuid = vars.getOrDefault("origination_uuid", UUID.randomUUID().toString()).trim();
        if (channels.containsKey(uuid)) {
            return null;
        }
        SimChannel ch = newChannel(uuid, endpoint, true, endpoint.channelName());
        ch.callerIdNumber = firstNonNull(vars.get("origination_caller_id_number"), command == null ? null : command.cidNumber(),
                "0000000000");
        ch.callerIdName = firstNonNull(vars.get("origination_caller_id_name"), command == null ? null : command.cidName(), null);
        ch.origCallerIdName = ch.callerIdName;
        ch.origCallerIdNumber = ch.callerIdNumber;
        ch.calleeIdName = firstNonNull(vars.get("origination_callee_id_name"), "Outbound Call", null);
        ch.calleeIdNumber = firstNonNull(vars.get("origination_callee_id_number"), ch.destinationNumber, null);
        ch.variables.put("direction", "outbound");
        ch.variables.put("is_outbound", "true");
        ch.variables.put("session_id", String.valueOf(sessionIds.incrementAndGet()));
        ch.variables.put("read_codec", "L16");
        ch.variables.put("read_rate", "8000");
        ch.variables.put("write_codec", "L16");
        ch.variables.put("write_rate", "8000");
        ch.variables.put("channel_name", ch.name);
        ch.variables.put("uuid", uuid);
        ch.variables.put("call_uuid", uuid);
        ch.variables.putAll(vars);
        ch.variables.put("originate_early_media", "true");
        ch.variables.put("originate_endpoint", endpoint.endpointType());
        if ("loopback".equals(endpoint.endpointType())) {
            ch.variables.put("other_loopback_leg_uuid", UUID.randomUUID().toString());
            ch.variables.put("loopback_leg", "A");
        }
        ch.state = "CS_NEW";
        core.fireChannel(ch, "CHANNEL_OUTGOING", "switch_core_session.c", "switch_core_session_outgoing_channel", 739, false);
        return ch;
    }

    /** Creates the inbound channel of an outbound-socket call (the call that runs {@code socket host:port}). */
    SimChannel createSocketCall(Map<String, String> callerVariables) {
        Map<String, String> v = new LinkedHashMap<>(callerVariables);
        String dest = v.getOrDefault("destination_number", "9000");
        String callerNumber = v.getOrDefault("caller_id_number", "1000");
        String uuid = v.getOrDefault("uuid", UUID.randomUUID().toString());
        Endpoint ep = new Endpoint("sofia/internal/" + callerNumber + "@127.0.0.1", "sofia/internal/" + callerNumber
                + "@127.0.0.1", dest, v.getOrDefault("context", "default"), "mod_sofia", "sofia", null, null);
        SimChannel ch = newChannel(uuid, ep, false, ep.channelName());
        ch.callerIdName = v.get("caller_id_name");
        ch.callerIdNumber = callerNumber;
        ch.origCallerIdNumber = callerNumber;
        ch.calleeIdName = "Outbound Call";
        ch.calleeIdNumber = dest;
        ch.variables.put("direction", "inbound");
        ch.variables.put("uuid", uuid);
        ch.variables.put("session_id", String.valueOf(sessionIds.incrementAndGet()));
        ch.variables.put("channel_name", ch.name);
        ch.variables.put("read_codec", "L16");
        ch.variables.put("read_rate", "8000");
        ch.variables.put("write_codec", "L16");
        ch.variables.put("write_rate", "8000");
        ch.variables.put("call_uuid", uuid);
        v.forEach((k, val) -> {
            if (!k.equals("uuid") && !k.equals("destination_number") && !k.equals("context")) {
                ch.variables.put(k, val);
            }
        });
        core.setState(ch, "CS_INIT");
        core.fireChannel(ch, "CHANNEL_CREATE", "switch_core_state_machine.c", "switch_core_session_run", 626, true);
        core.setState(ch, "CS_ROUTING");
        ch.callState = "RINGING";
        core.setState(ch, "CS_EXECUTE");
        return ch;
    }

    private static String firstNonNull(String a, String b, String c) {
        return a != null ? a : b != null ? b : c;
    }
}
