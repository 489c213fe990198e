package io.camelfreeswitch.call;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How a ring group ended: its outcome, the channel that answered (if any), what happened to each leg in the order
 * the legs were rung, and for {@link RingGroupOutcome#FAILED} the error that ended it.
 *
 * @param outcome how the group ended
 * @param winner  the answered channel, parked and ready to bridge; {@code null} unless {@code ANSWERED}
 * @param legs    one result per leg rung, in ring order
 * @param failure why the group FAILED ({@link io.camelfreeswitch.esl.ConnectionLostException},
 *                {@link io.camelfreeswitch.call.balancer.BalancerUnavailableException}, ...); {@code null} otherwise
 */
public record RingGroupResult(RingGroupOutcome outcome, Channel winner, List<LegResult> legs, Throwable failure) {

    public RingGroupResult {
        Objects.requireNonNull(outcome, "outcome");
        legs = List.copyOf(legs);
    }

    public RingGroupResult(RingGroupOutcome outcome, Channel winner, List<LegResult> legs) {
        this(outcome, winner, legs, null);
    }

    public Optional<Channel> answered() {
        return Optional.ofNullable(winner);
    }

    /** The result of the first leg rung to {@code destination}, if it was rung. */
    public Optional<LegResult> leg(String destination) {
        return legs.stream().filter(leg -> leg.destination().equals(destination)).findFirst();
    }
}
