package io.camelfreeswitch.simulator.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The shipped dialplan's {@code socket-<host>-<port>} extension, dialled as {@code loopback/socket-<host>-<port>}:
 * the loopback B leg runs {@code socket <host>:<port> async full}. Unlike the other loopback extensions this one
 * needs its B leg, because that is the call the outbound-socket consumer receives; the two legs are tied the way
 * mod_loopback ties them: the B leg answering answers the A leg, and either leg hanging up ends the other.
 */
final class LoopbackSocket {

    private static final Pattern EXTENSION = Pattern.compile("socket-(.+)-(\\d{1,5})");

    private final SwitchCore core;
    private volatile OutboundConnector connector;

    LoopbackSocket(SwitchCore core) {
        this.core = core;
    }

    void connector(OutboundConnector connector) {
        this.connector = connector;
    }

    /** True when {@code extension} is the socket extension (so the A leg rings until its B leg answers). */
    static boolean isSocketExtension(String extension) {
        return EXTENSION.matcher(extension).matches();
    }

    /** Creates the B leg of a loopback A leg dialled to the socket extension, and connects it; else does nothing. */
    void dialIfSocket(SimChannel aLeg) {
        if (!"mod_loopback".equals(aLeg.source)) {
            return;
        }
        Matcher m = EXTENSION.matcher(aLeg.destinationNumber);
        if (!m.matches()) {
            return;
        }
        String host = m.group(1);
        int port = Integer.parseInt(m.group(2));
        Map<String, String> vars = new LinkedHashMap<>();
        vars.put("destination_number", aLeg.destinationNumber);
        vars.put("context", aLeg.context);
        vars.put("caller_id_number", Optional.ofNullable(aLeg.callerIdNumber).orElse("0000000000"));
        Optional.ofNullable(aLeg.callerIdName).ifPresent(name -> vars.put("caller_id_name", name));
        vars.put("loopback_leg", "B");
        vars.put("other_loopback_leg_uuid", aLeg.uuid);
        SimChannel bLeg = core.createSocketCall(vars);
        aLeg.variables.put("other_loopback_leg_uuid", bLeg.uuid);
        core.applications().startSocket(bLeg, host + ":" + port + " async full");
        tie(aLeg, bLeg);
        tie(bLeg, aLeg);
        bLeg.answerListeners.add(() -> core.answer(aLeg));
        OutboundConnector c = connector;
        if (c == null) {
            core.later(() -> core.hangup(bLeg, "DESTINATION_OUT_OF_ORDER", "socket connect failed"));
            return;
        }
        c.connect(host, port, bLeg).whenComplete((session, failure) -> {
            if (failure != null) {
                core.execute(() -> core.hangup(bLeg, "DESTINATION_OUT_OF_ORDER", "socket connect failed"));
            }
        });
    }

    private void tie(SimChannel leg, SimChannel other) {
        leg.hangupListeners.add(cause -> core.later(() -> core.hangup(other, cause, "loopback peer")));
    }
}
