package io.camelfreeswitch.call;

import java.util.List;
import java.util.Optional;

/**
 * How a ring group ended: its outcome, the channel that answered (if any) and what happened to each leg, in the
 * order the legs were rung.
 */
public record RingGroupResult(RingGroupOutcome outcome, Channel winner, List<LegResult> legs) {

    public RingGroupResult {
        legs = List.copyOf(legs);
    }

    public Optional<Channel> answered() {
        return Optional.ofNullable(winner);
    }
}
