package io.camelfreeswitch.camel;

import io.camelfreeswitch.call.LegResult;
import io.camelfreeswitch.call.RingGroupResult;
import org.apache.camel.RuntimeCamelException;

import java.util.stream.Collectors;

/**
 * A ring group that did not connect anyone, raised when the ring itself failed (outcome FAILED) or, with
 * failOnNoAnswer=true, when nobody answered. The headers of the outcome are set on the message as well.
 */
public class RingGroupException extends RuntimeCamelException {

    private final transient RingGroupResult result;

    public RingGroupException(RingGroupResult result) {
        super("Ring group ended " + result.outcome() + ": " + describe(result), result.failure());
        this.result = result;
    }

    public RingGroupResult getResult() {
        return result;
    }

    private static String describe(RingGroupResult result) {
        if (result.legs().isEmpty()) {
            return "no leg was rung";
        }
        return result.legs().stream().map(RingGroupException::describe).collect(Collectors.joining(", "));
    }

    private static String describe(LegResult leg) {
        return leg.destination() + "=" + leg.outcome() + (leg.hangupCause() == null ? "" : "(" + leg.hangupCause() + ")");
    }
}
