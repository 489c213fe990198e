package io.camelfreeswitch.examples.boot;

import io.camelfreeswitch.call.LegResult;
import io.camelfreeswitch.call.RingGroupOutcome;
import io.camelfreeswitch.call.RingGroupResult;

import java.util.List;

/**
 * What {@code POST /calls} answers.
 *
 * @param outcome    the ring group's outcome: ANSWERED (the caller is bridged to {@code answered}), NO_ANSWER
 *                   (the caller was hung up), CANCELLED (the caller left while it rang) or FAILED
 * @param callerUuid the caller's channel
 * @param answered   the leg that answered, or {@code null}
 * @param legs       every leg rung, in order, and how it ended
 */
public record CallResponse(RingGroupOutcome outcome, String callerUuid, Leg answered, List<Leg> legs) {

    /** One leg: its dial string, channel uuid, outcome and FreeSWITCH hang-up cause (null while it is up). */
    public record Leg(String destination, String uuid, String outcome, String hangupCause) {
        static Leg of(LegResult leg) {
            return new Leg(leg.destination(), leg.uuid(), leg.outcome().name(), leg.hangupCause());
        }
    }

    static CallResponse of(String callerUuid, RingGroupResult result) {
        Leg answered = result.winner() == null ? null
                : result.leg(result.winner().destination()).map(Leg::of).orElse(null);
        return new CallResponse(result.outcome(), callerUuid, answered,
                result.legs().stream().map(Leg::of).toList());
    }
}
