package io.camelfreeswitch.simulator.internal;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code show channels} in its CSV and {@code as json} shapes. */
final class ShowChannels {

    private static final String[] COLUMNS = {"uuid", "direction", "created", "created_epoch", "name", "state", "cid_name",
            "cid_num", "ip_addr", "dest", "application", "application_data", "dialplan", "context", "read_codec",
            "read_rate", "read_bit_rate", "write_codec", "write_rate", "write_bit_rate", "secure", "hostname",
            "presence_id", "presence_data", "accountcode", "callstate", "callee_name", "callee_num", "callee_direction",
            "call_uuid", "sent_callee_name", "sent_callee_num", "initial_cid_name", "initial_cid_num", "initial_ip_addr",
            "initial_dest", "initial_dialplan", "initial_context"};

    private ShowChannels() {
    }

    static String csv(Collection<SimChannel> channels) {
        if (channels.isEmpty()) {
            return "\n0 total.\n";
        }
        StringBuilder sb = new StringBuilder(String.join(",", COLUMNS)).append('\n');
        for (SimChannel ch : channels) {
            sb.append(String.join(",", row(ch).values())).append('\n');
        }
        return sb.append('\n').append(channels.size()).append(" total.\n").toString();
    }

    static String json(Collection<SimChannel> channels) {
        if (channels.isEmpty()) {
            return "{\"row_count\":0}";
        }
        StringBuilder sb = new StringBuilder("{\"row_count\":").append(channels.size()).append(",\"rows\":[");
        boolean firstRow = true;
        for (SimChannel ch : channels) {
            sb.append(firstRow ? "{" : ",{");
            firstRow = false;
            boolean first = true;
            for (Map.Entry<String, String> e : row(ch).entrySet()) {
                if (!first) {
                    sb.append(',');
                }
                first = false;
                Json.string(sb, e.getKey()).append(':');
                Json.string(sb, e.getValue());
            }
            sb.append('}');
        }
        return sb.append("]}").toString();
    }

    private static Map<String, String> row(SimChannel ch) {
        Map<String, String> r = new LinkedHashMap<>();
        for (String c : COLUMNS) {
            r.put(c, "");
        }
        r.put("uuid", ch.uuid);
        r.put("direction", ch.outbound ? "outbound" : "inbound");
        r.put("created", java.time.Instant.ofEpochMilli(ch.createdMicros / 1000).toString());
        r.put("created_epoch", String.valueOf(ch.createdMicros / 1_000_000));
        r.put("name", ch.name);
        r.put("state", ch.state);
        r.put("cid_name", ch.callerIdName == null ? "" : ch.callerIdName);
        r.put("cid_num", ch.callerIdNumber);
        r.put("dest", ch.destinationNumber);
        r.put("application", ch.mainApp == null ? "" : ch.mainApp);
        r.put("application_data", ch.mainAppData == null ? "" : ch.mainAppData);
        r.put("dialplan", "XML");
        r.put("context", ch.context);
        r.put("read_codec", "L16");
        r.put("read_rate", "8000");
        r.put("read_bit_rate", "128000");
        r.put("write_codec", "L16");
        r.put("write_rate", "8000");
        r.put("write_bit_rate", "128000");
        r.put("hostname", SwitchCore.HOSTNAME);
        r.put("callstate", ch.callState);
        r.put("call_uuid", ch.uuid);
        r.put("initial_cid_num", ch.origCallerIdNumber == null ? "" : ch.origCallerIdNumber);
        r.put("initial_dest", ch.destinationNumber);
        r.put("initial_dialplan", "XML");
        r.put("initial_context", ch.context);
        return r;
    }
}
