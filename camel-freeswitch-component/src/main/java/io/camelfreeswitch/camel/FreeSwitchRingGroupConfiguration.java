package io.camelfreeswitch.camel;

import io.camelfreeswitch.call.LeaseScope;
import io.camelfreeswitch.call.RingMode;
import io.camelfreeswitch.call.balancer.LoadBalancer;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

import java.util.Map;

/** The ringGroup options of {@link FreeSwitchConfiguration} (and the channel variables originate shares). */
@UriParams
public abstract class FreeSwitchRingGroupConfiguration extends FreeSwitchConnectionConfiguration {

    // --- ringGroup ---

    @UriParam(label = "producer", description = "ringGroup: comma separated dial strings to ring (user/1001,"
            + "sofia/gateway/gw/123). TIERED: tiers separated by | (user/1001,user/1002|user/1003). ENTERPRISE: a"
            + " destination's own delay and timeout after it (user/1002;delay=5s;timeout=20s). The header"
            + " CamelFreeSwitchDestinations overrides it.")
    private String destinations;
    @UriParam(label = "producer", defaultValue = "PARALLEL",
            description = "ringGroup: PARALLEL rings all at once and the first to answer wins; SEQUENTIAL rings one"
                    + " at a time in order; BALANCING rings one at a time, least-loaded first, through the balancer;"
                    + " TIERED rings tier after tier, each tier at once; ENTERPRISE rings all at once, each"
                    + " destination after its own delay and for its own timeout; RANDOM rings one at a time in a"
                    + " random order; ROUND_ROBIN rings one at a time starting after the destination that last"
                    + " answered (remembered by the balancer); MEMORY_HUNT rings the first, then the first two, then"
                    + " the first three..., each step for timeout. The header CamelFreeSwitchMode overrides it.")
    private RingMode mode = RingMode.PARALLEL;
    @UriParam(label = "producer", defaultValue = "30000", javaType = "java.time.Duration",
            description = "ringGroup: how long each destination rings (PARALLEL: the whole group; TIERED: each"
                    + " tier; MEMORY_HUNT: each step). Accepts"
                    + " durations such as 30s or 1m30s, or milliseconds.")
    private long timeout = 30000;
    @UriParam(label = "producer", javaType = "java.time.Duration",
            description = "ringGroup: cap on a whole group that rings in steps (every mode but PARALLEL, which"
                    + " may otherwise take the number of destinations or tiers times timeout); 0 means no cap.")
    private long totalTimeout;
    @UriParam(label = "producer", defaultValue = "CALL", enums = "CALL,RINGING",
            description = "ringGroup BALANCING: CALL counts a destination as loaded from ringing until its answered"
                    + " call hangs up; RINGING only while it rings.")
    private LeaseScope loadScope = LeaseScope.CALL;
    @UriParam(label = "producer", description = "ringGroup BALANCING and ROUND_ROBIN: the LoadBalancer sharing load"
            + " (BALANCING) or the memory of who last answered (ROUND_ROBIN) between groups"
            + " (#beanName). Autowired: when the registry holds exactly one LoadBalancer bean, the component uses it.")
    @Metadata(autowired = true)
    private LoadBalancer balancer;
    @UriParam(label = "producer", prefix = "variable.", multiValue = true,
            description = "ringGroup and originate: channel variables set on every new leg, as"
                    + " variable.caller_id_number=1000. The header CamelFreeSwitchVariables wins per name.")
    private Map<String, Object> variables;
    @UriParam(label = "producer", description = "ringGroup: fail the exchange with a RingGroupException"
            + " when nobody answers, instead of returning the NO_ANSWER outcome.")
    private boolean failOnNoAnswer;
    @UriParam(label = "producer", description = "ringGroup: put before the caller ID name every leg presents"
            + " (origination_caller_id_name: the variable's value when one is set, else the prefix alone), to show"
            + " which group is calling.")
    private String callerIdNamePrefix;
    @UriParam(label = "producer", description = "ringGroup: put before the caller ID number every leg presents"
            + " (origination_caller_id_number).")
    private String callerIdNumberPrefix;

    // --- ringGroup: answer confirmation and ringback ---

    @UriParam(label = "producer", description = "ringGroup: the DTMF key (a digit, or the star key) an answered destination must"
            + " press before it counts as answered. A destination that answers without pressing it within"
            + " confirmTimeout (a voicemail, an auto-answer) is hung up (leg outcome UNCONFIRMED) while the others"
            + " keep ringing. Empty: the first to answer wins. The header CamelFreeSwitchConfirmKey overrides it.")
    private String confirmKey;
    @UriParam(label = "producer", description = "ringGroup: what an answered destination hears until it presses"
            + " confirmKey, a sound file or tone_stream://...; empty: silence.")
    private String confirmPrompt;
    @UriParam(label = "producer", defaultValue = "10000", javaType = "java.time.Duration",
            description = "ringGroup: how long an answered destination has to press confirmKey; it may take it even"
                    + " when it answered just before its ring time ran out.")
    private long confirmTimeout = 10000;
    @UriParam(label = "producer", description = "ringGroup: what the caller (CamelFreeSwitchCallerUuid, or the call"
            + " of an outbound route) hears from the first originate until the group ends: a tone such as"
            + " %(2000,4000,440,480) (repeated), a sound file (played once) or local_stream://moh. A caller not yet"
            + " answered is pre-answered (early media) first. The header CamelFreeSwitchRingback overrides it.")
    private String ringback;

    // --- ringGroup BALANCING: agent capacity ---

    @UriParam(label = "producer", defaultValue = "0",
            description = "ringGroup BALANCING: calls a destination may be on at once; a"
            + " destination already on that many (counted by the balancer, across groups and instances) is skipped,"
            + " not rung. 0 means no limit. The header CamelFreeSwitchDestinationCapacity overrides it per"
            + " destination.")
    private int maxCalls;
    @UriParam(label = "producer", defaultValue = "0", javaType = "java.time.Duration",
            description = "ringGroup BALANCING: after a"
            + " destination's answered call ends, how long it is not offered another (wrap-up); needs loadScope"
            + " CALL. 0 means none. The header CamelFreeSwitchDestinationCapacity overrides it per destination.")
    private long wrapUpTime;
    @UriParam(label = "producer", defaultValue = "0", javaType = "java.time.Duration",
            description = "ringGroup BALANCING: after a"
            + " destination was rung and did not answer, how long it is not offered again. 0 means none. The header"
            + " CamelFreeSwitchDestinationCapacity overrides it per destination.")
    private long noAnswerDelay;

    public String getDestinations() {
        return destinations;
    }

    public void setDestinations(String destinations) {
        this.destinations = destinations;
    }

    public RingMode getMode() {
        return mode;
    }

    public void setMode(RingMode mode) {
        this.mode = mode;
    }

    public long getTimeout() {
        return timeout;
    }

    public void setTimeout(long timeout) {
        this.timeout = timeout;
    }

    public long getTotalTimeout() {
        return totalTimeout;
    }

    public void setTotalTimeout(long totalTimeout) {
        this.totalTimeout = totalTimeout;
    }

    public LeaseScope getLoadScope() {
        return loadScope;
    }

    public void setLoadScope(LeaseScope loadScope) {
        this.loadScope = loadScope;
    }

    public LoadBalancer getBalancer() {
        return balancer;
    }

    public void setBalancer(LoadBalancer balancer) {
        this.balancer = balancer;
    }

    public Map<String, Object> getVariables() {
        return variables;
    }

    public void setVariables(Map<String, Object> variables) {
        this.variables = variables;
    }

    public boolean isFailOnNoAnswer() {
        return failOnNoAnswer;
    }

    public void setFailOnNoAnswer(boolean failOnNoAnswer) {
        this.failOnNoAnswer = failOnNoAnswer;
    }


    public String getCallerIdNamePrefix() {
        return callerIdNamePrefix;
    }

    public void setCallerIdNamePrefix(String callerIdNamePrefix) {
        this.callerIdNamePrefix = callerIdNamePrefix;
    }

    public String getCallerIdNumberPrefix() {
        return callerIdNumberPrefix;
    }

    public void setCallerIdNumberPrefix(String callerIdNumberPrefix) {
        this.callerIdNumberPrefix = callerIdNumberPrefix;
    }
    public String getConfirmKey() {
        return confirmKey;
    }

    public void setConfirmKey(String confirmKey) {
        this.confirmKey = confirmKey;
    }

    public String getConfirmPrompt() {
        return confirmPrompt;
    }

    public void setConfirmPrompt(String confirmPrompt) {
        this.confirmPrompt = confirmPrompt;
    }

    public long getConfirmTimeout() {
        return confirmTimeout;
    }

    public void setConfirmTimeout(long confirmTimeout) {
        this.confirmTimeout = confirmTimeout;
    }

    public String getRingback() {
        return ringback;
    }

    public void setRingback(String ringback) {
        this.ringback = ringback;
    }

    public int getMaxCalls() {
        return maxCalls;
    }

    public void setMaxCalls(int maxCalls) {
        this.maxCalls = maxCalls;
    }

    public long getWrapUpTime() {
        return wrapUpTime;
    }

    public void setWrapUpTime(long wrapUpTime) {
        this.wrapUpTime = wrapUpTime;
    }

    public long getNoAnswerDelay() {
        return noAnswerDelay;
    }

    public void setNoAnswerDelay(long noAnswerDelay) {
        this.noAnswerDelay = noAnswerDelay;
    }
}
