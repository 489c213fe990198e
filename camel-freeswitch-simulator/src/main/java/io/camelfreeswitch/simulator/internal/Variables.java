package io.camelfreeswitch.simulator.internal;

/** switch_channel_get_variable: the channel's variables, then its caller-profile fields. */
final class Variables {

    private Variables() {
    }

    static String get(SimChannel ch, String name) {
        String v = ch.variables.get(name);
        if (v != null) {
            return v;
        }
        return switch (name) {
            case "destination_number" -> ch.destinationNumber;
            case "caller_id_number" -> ch.callerIdNumber;
            case "caller_id_name" -> ch.callerIdName;
            case "callee_id_name" -> ch.calleeIdName;
            case "callee_id_number" -> ch.calleeIdNumber;
            case "context" -> ch.context;
            case "channel_name" -> ch.name;
            case "uuid" -> ch.uuid;
            case "state" -> ch.state;
            case "answer_state" -> ch.answerState;
            case "direction" -> ch.outbound ? "outbound" : "inbound";
            default -> null;
        };
    }
}
