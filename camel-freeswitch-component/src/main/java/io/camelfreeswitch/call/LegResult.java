package io.camelfreeswitch.call;

import java.time.Duration;
import java.time.Instant;

/**
 * What happened to one callee leg of a ring group.
 *
 * @param destination the dial string as given in the group
 * @param uuid        the leg's {@code origination_uuid} (its {@code Unique-ID})
 * @param outcome     how it ended; {@code null} while it is undecided (only seen in {@link RingGroupFuture#legs()})
 * @param hangupCause FreeSWITCH's hang-up cause, or {@code null} for the winner (still up)
 * @param ringStarted when its originate was sent
 * @param answeredAt  when its CHANNEL_ANSWER arrived, or {@code null}
 * @param endedAt     when it was known to be over (hung up or handed out as winner), or {@code null} while it is not
 */
public record LegResult(String destination, String uuid, LegOutcome outcome, String hangupCause,
        Instant ringStarted, Instant answeredAt, Instant endedAt) {

    /** Time from originate to answer, or {@code null} when it did not answer. */
    public Duration timeToAnswer() {
        return answeredAt == null ? null : Duration.between(ringStarted, answeredAt);
    }
}
