package io.camelfreeswitch.call;

import java.time.Duration;
import java.util.Objects;

/**
 * When one destination of an {@link RingMode#ENTERPRISE} group starts ringing and for how long, as FusionPBX's
 * enterprise ring groups and FreeSWITCH's {@code leg_delay_start}/{@code leg_timeout} have it. The group times the
 * leg itself; FreeSWITCH's {@code originate_timeout} is only set behind it as a safety net.
 *
 * @param delay   how long after the group starts this destination starts ringing; zero for at once
 * @param timeout how long it rings, or {@code null} for the group's timeout
 */
public record DestinationTiming(Duration delay, Duration timeout) {

    /** At once, for the group's timeout. */
    public static final DestinationTiming DEFAULT = new DestinationTiming(Duration.ZERO, null);

    public DestinationTiming {
        Objects.requireNonNull(delay, "delay");
        if (delay.isNegative()) {
            throw new IllegalArgumentException("delay must not be negative, was " + delay);
        }
        if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
            throw new IllegalArgumentException("timeout must be positive, was " + timeout);
        }
    }

    /** How long the destination rings in a group whose timeout is {@code groupTimeout}. */
    Duration ringFor(Duration groupTimeout) {
        return timeout == null ? groupTimeout : timeout;
    }
}
