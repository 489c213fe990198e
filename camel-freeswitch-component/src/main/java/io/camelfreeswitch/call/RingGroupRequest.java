package io.camelfreeswitch.call;

import io.camelfreeswitch.call.balancer.CapacityRules;
import io.camelfreeswitch.call.balancer.LoadBalancer;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything a ring group needs besides the connection. Built with {@link #builder(List)}; immutable.
 * Validation of destinations and variables (no CR/LF, no braces in dial strings) happens in {@link Builder#build()}.
 */
public final class RingGroupRequest {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    private final List<String> destinations;
    private final RingMode mode;
    private final Duration timeout;
    private final Duration totalTimeout;
    private final Map<String, String> variables;
    private final LoadBalancer balancer;
    private final LeaseScope leaseScope;
    private final CapacityRules capacity;
    private final String callerUuid;
    private final RingGroupListener listener;

    private RingGroupRequest(Builder b) {
        this.destinations = List.copyOf(b.destinations);
        this.mode = b.mode;
        this.timeout = b.timeout;
        this.totalTimeout = b.totalTimeout;
        this.variables = Collections.unmodifiableMap(new LinkedHashMap<>(b.variables));
        this.balancer = b.balancer;
        this.leaseScope = b.leaseScope;
        this.capacity = b.capacity;
        this.callerUuid = b.callerUuid;
        this.listener = b.listener;
    }

    public static Builder builder(List<String> destinations) {
        return new Builder(destinations);
    }

    public List<String> destinations() {
        return destinations;
    }

    public RingMode mode() {
        return mode;
    }

    /**
     * How long each leg may ring, counted by the group from the moment its originate is sent (PARALLEL: the whole
     * group). FreeSWITCH's own {@code originate_timeout} is only set behind it as a safety net.
     */
    public Duration timeout() {
        return timeout;
    }

    /** Cap on the whole SEQUENTIAL/BALANCING group, or {@code null} for none (N destinations may take N × timeout). */
    public Duration totalTimeout() {
        return totalTimeout;
    }

    /** Channel variables applied to every callee leg, in the order given. */
    public Map<String, String> variables() {
        return variables;
    }

    /** Required for BALANCING, ignored otherwise; may be {@code null}. */
    public LoadBalancer balancer() {
        return balancer;
    }

    public LeaseScope leaseScope() {
        return leaseScope;
    }

    /** BALANCING: who may be offered a call (maxCalls, wrapUpTime, noAnswerDelay); unlimited by default. */
    public CapacityRules capacity() {
        return capacity;
    }

    /** The caller's channel: if it hangs up while the group rings, every leg is cancelled. May be {@code null}. */
    public String callerUuid() {
        return callerUuid;
    }

    /** Told about this group only, after the JVM-wide listeners; may be {@code null}. */
    public RingGroupListener listener() {
        return listener;
    }

    public static final class Builder {
        private final List<String> destinations;
        private RingMode mode = RingMode.PARALLEL;
        private Duration timeout = DEFAULT_TIMEOUT;
        private Duration totalTimeout;
        private final Map<String, String> variables = new LinkedHashMap<>();
        private LoadBalancer balancer;
        private LeaseScope leaseScope = LeaseScope.CALL;
        private CapacityRules capacity = CapacityRules.UNLIMITED;
        private String callerUuid;
        private RingGroupListener listener;

        private Builder(List<String> destinations) {
            this.destinations = List.copyOf(Objects.requireNonNull(destinations, "destinations"));
        }

        public Builder mode(RingMode mode) {
            this.mode = mode == null ? RingMode.PARALLEL : mode;
            return this;
        }

        public Builder timeout(Duration timeout) {
            this.timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
            return this;
        }

        public Builder totalTimeout(Duration totalTimeout) {
            this.totalTimeout = totalTimeout;
            return this;
        }

        public Builder variables(Map<String, String> variables) {
            if (variables != null) {
                this.variables.putAll(variables);
            }
            return this;
        }

        public Builder variable(String name, String value) {
            this.variables.put(name, value);
            return this;
        }

        public Builder balancer(LoadBalancer balancer) {
            this.balancer = balancer;
            return this;
        }

        public Builder leaseScope(LeaseScope leaseScope) {
            this.leaseScope = leaseScope == null ? LeaseScope.CALL : leaseScope;
            return this;
        }

        /** BALANCING: the capacity rules the balancer applies to this group's destinations. */
        public Builder capacity(CapacityRules capacity) {
            this.capacity = capacity == null ? CapacityRules.UNLIMITED : capacity;
            return this;
        }

        public Builder callerUuid(String callerUuid) {
            this.callerUuid = callerUuid;
            return this;
        }

        /** A listener told about this group only (for example the metrics of one Camel context). */
        public Builder listener(RingGroupListener listener) {
            this.listener = listener;
            return this;
        }

        /**
         * @throws IllegalArgumentException when the group is empty, a timeout is not positive, BALANCING has no
         *                                  balancer, wrapUpTime is set without leaseScope CALL, a destination or variable cannot be written safely, or a
         *                                  variable is one of FreeSWITCH's ring timers ({@code originate_timeout},
         *                                  {@code leg_timeout}, {@code call_timeout}), which only the group sets
         */
        public RingGroupRequest build() {
            if (destinations.isEmpty()) {
                throw new IllegalArgumentException("A ring group needs at least one destination");
            }
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("timeout must be positive, was " + timeout);
            }
            if (totalTimeout != null && (totalTimeout.isNegative() || totalTimeout.isZero())) {
                throw new IllegalArgumentException("totalTimeout must be positive, was " + totalTimeout);
            }
            if (mode == RingMode.BALANCING && balancer == null) {
                throw new IllegalArgumentException("BALANCING mode requires a LoadBalancer, but none was given");
            }
            if (capacity.hasWrapUp() && leaseScope != LeaseScope.CALL) {
                throw new IllegalArgumentException("wrapUpTime starts when a destination's call ends, which only"
                        + " leaseScope CALL follows; with RINGING the call's end is not watched");
            }
            DialString.validateDestinations(destinations);
            DialString.validateVariables(variables);
            if (variables.containsKey("origination_uuid")) {
                throw new IllegalArgumentException(
                        "origination_uuid is chosen by the ring group for each leg; it cannot be set as a variable");
            }
            for (String name : variables.keySet()) {
                if (OriginateTimeout.VARIABLES.stream().anyMatch(name.strip()::equalsIgnoreCase)) {
                    throw new IllegalArgumentException(name + " cannot be set on a ring group's legs: each leg rings"
                            + " for the group's timeout (capped by totalTimeout), timed by the group itself, and"
                            + " FreeSWITCH's originate_timeout is set behind it as a safety net; set timeout instead");
                }
            }
            return new RingGroupRequest(this);
        }
    }
}
