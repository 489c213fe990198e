package io.camelfreeswitch.call;

import io.camelfreeswitch.call.balancer.CapacityRules;
import io.camelfreeswitch.call.balancer.LoadBalancer;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Everything a ring group needs besides the connection. Built with {@link #builder(List)}; immutable.
 * Validation of destinations and variables (no CR/LF, no braces in dial strings) happens in {@link Builder#build()}.
 */
public final class RingGroupRequest {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    /** How long an answered leg has to press the confirm key, when answer confirmation is on. */
    public static final Duration DEFAULT_CONFIRM_TIMEOUT = Duration.ofSeconds(10);

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
    private final List<List<String>> tiers;
    private final Map<String, DestinationTiming> timings;
    private final Random random;
    private final String groupName;
    private final RingTime time;
    // answer confirmation and ringback
    private final String confirmKey;
    private final String confirmPrompt;
    private final Duration confirmTimeout;
    private final String ringback;

    private RingGroupRequest(Builder b, Map<String, String> variables) {
        this.destinations = List.copyOf(b.destinations);
        this.mode = b.mode;
        this.timeout = b.timeout;
        this.totalTimeout = b.totalTimeout;
        this.variables = Collections.unmodifiableMap(variables);
        this.balancer = b.balancer;
        this.leaseScope = b.leaseScope;
        this.capacity = b.capacity;
        this.callerUuid = b.callerUuid;
        this.listener = b.listener;
        this.tiers = b.tiers == null ? List.of(destinations) : b.tiers;
        this.timings = Map.copyOf(b.timings);
        this.random = b.random == null ? new Random() : b.random;
        this.groupName = b.groupName == null ? String.join(",", destinations) : b.groupName;
        this.time = b.time;
        this.confirmKey = b.confirmKey;
        this.confirmPrompt = b.confirmPrompt;
        this.confirmTimeout = b.confirmTimeout;
        this.ringback = b.ringback;
    }

    public static Builder builder(List<String> destinations) {
        return new Builder(destinations);
    }

    /**
     * A {@link RingMode#TIERED} group: each tier rings at once, the next only when nobody in the previous answered
     * (FreeSWITCH's {@code a,b|c,d}).
     */
    public static Builder tiered(List<List<String>> tiers) {
        Objects.requireNonNull(tiers, "tiers");
        List<List<String>> copy = tiers.stream().map(List::copyOf).toList();
        Builder builder = new Builder(copy.stream().flatMap(List::stream).toList()).mode(RingMode.TIERED);
        builder.tiers = copy;
        return builder;
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

    /** Required when the mode {@linkplain RingMode#needsBalancer() needs one}, ignored otherwise; may be {@code null}. */
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

    /** The tiers of a {@link RingMode#TIERED} group; one tier holding every destination otherwise. */
    public List<List<String>> tiers() {
        return tiers;
    }

    /** When {@code destination} starts ringing and for how long ({@link RingMode#ENTERPRISE}). */
    public DestinationTiming timing(String destination) {
        return timings.getOrDefault(destination, DestinationTiming.DEFAULT);
    }

    /** Shuffles a {@link RingMode#RANDOM} group. */
    public Random random() {
        return random;
    }

    /**
     * The name ROUND_ROBIN remembers who last answered under; by default the destinations joined by commas, so that
     * groups ringing the same list share a rotation.
     */
    public String groupName() {
        return groupName;
    }

    /** Where this group reads the time and sets its timers. */
    RingTime time() {
        return time;
    }

    // ---- answer confirmation and ringback ----

    /**
     * The DTMF key an answered leg must press to count as answered, or {@code null} for no confirmation (the first
     * leg to answer wins).
     */
    public String confirmKey() {
        return confirmKey;
    }

    /** What an answered leg hears while it may confirm (a file or {@code tone_stream://}); may be {@code null}. */
    public String confirmPrompt() {
        return confirmPrompt;
    }

    /** How long an answered leg may take to confirm before it is hung up as UNCONFIRMED. */
    public Duration confirmTimeout() {
        return confirmTimeout;
    }

    /** What the caller hears while the group rings ({@link #callerUuid()} only); {@code null} for nothing. */
    public String ringback() {
        return ringback;
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
        private List<List<String>> tiers;
        private final Map<String, DestinationTiming> timings = new LinkedHashMap<>();
        private Random random;
        private String groupName;
        private String callerIdNamePrefix;
        private String callerIdNumberPrefix;
        private RingTime time = RingTime.SYSTEM;
        private String confirmKey;
        private String confirmPrompt;
        private Duration confirmTimeout = DEFAULT_CONFIRM_TIMEOUT;
        private String ringback;

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

        /** When {@code destination} starts ringing and for how long; {@link RingMode#ENTERPRISE} only. */
        public Builder timing(String destination, DestinationTiming timing) {
            this.timings.put(Objects.requireNonNull(destination, "destination"), Objects.requireNonNull(timing, "timing"));
            return this;
        }

        /** The random source that orders a {@link RingMode#RANDOM} group; give a seeded one to test an order. */
        public Builder random(Random random) {
            this.random = random;
            return this;
        }

        /** The name ROUND_ROBIN's memory is kept under (default: the destinations joined by commas). */
        public Builder groupName(String groupName) {
            this.groupName = groupName;
            return this;
        }

        // ---- answer confirmation and ringback ----

        /** Turns answer confirmation on: an answered leg wins only once it has pressed {@code key} (0-9 or *). */
        public Builder confirmKey(String key) {
            this.confirmKey = key == null || key.isEmpty() ? null : key;
            return this;
        }

        /** The prompt an answered leg hears until it confirms (e.g. a file asking to press 1). */
        public Builder confirmPrompt(String prompt) {
            this.confirmPrompt = prompt == null || prompt.isEmpty() ? null : prompt;
            return this;
        }

        public Builder confirmTimeout(Duration timeout) {
            this.confirmTimeout = timeout == null ? DEFAULT_CONFIRM_TIMEOUT : timeout;
            return this;
        }

        /**
         * What the caller hears while the group rings: a tone ({@code %(2000,4000,440,480)}), a file or a stream
         * ({@code local_stream://moh}). Needs a {@link #callerUuid(String)}.
         */
        public Builder ringback(String ringback) {
            this.ringback = ringback == null || ringback.isEmpty() ? null : ringback;
            return this;
        }

        /**
         * Put before the caller ID name every leg presents ({@code origination_caller_id_name}: the variable's value
         * if one is given, else the prefix alone), as PBX ring groups do to show which group is calling.
         */
        public Builder callerIdNamePrefix(String prefix) {
            this.callerIdNamePrefix = prefix;
            return this;
        }

        /** Put before the caller ID number every leg presents ({@code origination_caller_id_number}). */
        public Builder callerIdNumberPrefix(String prefix) {
            this.callerIdNumberPrefix = prefix;
            return this;
        }

        /**
         * The time this group runs on: {@code clock} is read for its deadlines and for the times it reports, and
         * {@code timers} runs its ring timeouts. By default the system clock and one shared daemon scheduler.
         * Give a virtual time to test a route's ring timeouts without waiting for them, for example the
         * simulator's: {@code time(virtualTime.clock(), virtualTime.scheduler())}. The tasks given to
         * {@code timers} are short and never block.
         */
        public Builder time(Clock clock, ScheduledExecutorService timers) {
            this.time = RingTime.of(clock, timers);
            return this;
        }

        /**
         * @throws IllegalArgumentException when the group is empty, a timeout is not positive, a mode that needs a
         *                                  balancer has none, wrapUpTime is set without leaseScope CALL, a destination
         *                                  or variable cannot be written safely, or a variable is one the group sets
         *                                  itself ({@link LegVariables})
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
            mode.requireBalancer(balancer);
            AnswerConfirmation.validate(confirmKey, confirmPrompt, confirmTimeout);
            CallerRingback.validate(ringback);
            if (capacity.hasWrapUp() && leaseScope != LeaseScope.CALL) {
                throw new IllegalArgumentException("wrapUpTime starts when a destination's call ends, which only"
                        + " leaseScope CALL follows; with RINGING the call's end is not watched");
            }
            DialString.validateDestinations(destinations);
            validateTiersAndTimings();
            Map<String, String> legVariables = LegVariables.of(variables, callerIdNamePrefix, callerIdNumberPrefix);
            return new RingGroupRequest(this, legVariables);
        }

        private void validateTiersAndTimings() {
            if (tiers != null && tiers.stream().anyMatch(List::isEmpty)) {
                throw new IllegalArgumentException("A tier of ring group " + tiers + " is empty");
            }
            if (tiers != null && tiers.size() > 1 && mode != RingMode.TIERED) {
                throw new IllegalArgumentException("Tiers " + tiers + " are rung by mode TIERED only, not " + mode);
            }
            if (!timings.isEmpty() && mode != RingMode.ENTERPRISE) {
                throw new IllegalArgumentException("A delay or timeout per destination (" + timings.keySet()
                        + ") is honoured by mode ENTERPRISE only, not " + mode);
            }
            List<String> unknown = new ArrayList<>(timings.keySet());
            unknown.removeAll(destinations);
            if (!unknown.isEmpty()) {
                throw new IllegalArgumentException("Timing given for " + unknown + ", which are not among the"
                        + " destinations " + destinations);
            }
        }
    }
}
