package io.camelfreeswitch.springboot;

import io.camelfreeswitch.call.LeaseScope;
import io.camelfreeswitch.call.RingMode;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code camel.component.freeswitch.*}: the component-level defaults of every {@code freeswitch:} endpoint, the
 * LoadBalancer bean the starter defines, and the metrics. Durations accept {@code 500ms}, {@code 30s}, {@code 1m}.
 */
@ConfigurationProperties(prefix = "camel.component.freeswitch")
public class FreeSwitchComponentProperties {

    /** Whether to auto-configure the freeswitch component. */
    private boolean enabled = true;
    /** Host of FreeSWITCH's event socket. */
    private String host = "127.0.0.1";
    /** Port of FreeSWITCH's event socket (event_socket.conf.xml listen-port). */
    private int port = 8021;
    /** User for 'userauth user@domain' authentication; when empty the plain 'auth' command is used. */
    private String username;
    /** Password of the event socket, ClueCon by default like FreeSWITCH. */
    private String password = "ClueCon";
    /** How long to wait for the TCP connection and authentication. */
    private Duration connectTimeout = Duration.ofSeconds(5);
    /** First delay before reconnecting after the connection is lost; doubled up to reconnect-max-delay. */
    private Duration reconnectInitialDelay = Duration.ofMillis(500);
    /** Longest delay between two reconnect attempts. */
    private Duration reconnectMaxDelay = Duration.ofSeconds(30);
    /** How long a command may wait for its reply before it fails with a timeout. */
    private Duration requestTimeout = Duration.ofSeconds(10);
    /** Default ring group mode of ringGroup endpoints that do not set one. */
    private RingMode mode = RingMode.PARALLEL;
    /** Default time each destination rings (PARALLEL: the whole group). */
    private Duration timeout = Duration.ofSeconds(30);
    /** Default cap on a whole SEQUENTIAL or BALANCING group; unset means no cap. */
    private Duration totalTimeout;
    /** BALANCING: CALL counts a destination as loaded until its answered call hangs up; RINGING only while it rings. */
    private LeaseScope loadScope = LeaseScope.CALL;
    /** Fail the exchange with a RingGroupException when nobody answers, instead of returning NO_ANSWER. */
    private boolean failOnNoAnswer;
    /** Channel variables set on every leg a ringGroup or originate endpoint creates (caller_id_number: 1000). */
    private Map<String, String> variables = new LinkedHashMap<>();
    /**
     * Whether the component's producers and consumers report the FreeSWITCH connection to Camel's health checks
     * (shown in /actuator/health as camelHealth; producer checks also need camel.health.producers-enabled=true).
     */
    private boolean healthCheckEnabled = true;

    private final Balancer balancer = new Balancer();
    private final Metrics metrics = new Metrics();

    public static class Balancer {
        private final Redis redis = new Redis();

        public Redis getRedis() {
            return redis;
        }
    }

    /** A Redis-backed LoadBalancer shared by every instance of the application that uses the same Redis. */
    public static class Redis {
        /** Redis URI (redis://host:6379/0); when set, the LoadBalancer bean is a RedisLoadBalancer. */
        private String uri;
        /** Prefix (and cluster hash tag) of every key the balancer writes. */
        private String keyPrefix = "camel-freeswitch";
        /** How long a lease counts after its last renewal: a crashed instance's load vanishes after it. */
        private Duration leaseTtl = Duration.ofSeconds(30);
        /** How often held leases are renewed; must be shorter than lease-ttl. */
        private Duration renewalPeriod = Duration.ofSeconds(10);
        /** Command and connect timeout towards Redis. */
        private Duration commandTimeout = Duration.ofSeconds(2);
        /** While Redis is unreachable, ring in group order with uncounted leases instead of failing the group. */
        private boolean fallbackToGroupOrder;

        public String getUri() {
            return uri;
        }

        public void setUri(String uri) {
            this.uri = uri;
        }

        public String getKeyPrefix() {
            return keyPrefix;
        }

        public void setKeyPrefix(String keyPrefix) {
            this.keyPrefix = keyPrefix;
        }

        public Duration getLeaseTtl() {
            return leaseTtl;
        }

        public void setLeaseTtl(Duration leaseTtl) {
            this.leaseTtl = leaseTtl;
        }

        public Duration getRenewalPeriod() {
            return renewalPeriod;
        }

        public void setRenewalPeriod(Duration renewalPeriod) {
            this.renewalPeriod = renewalPeriod;
        }

        public Duration getCommandTimeout() {
            return commandTimeout;
        }

        public void setCommandTimeout(Duration commandTimeout) {
            this.commandTimeout = commandTimeout;
        }

        public boolean isFallbackToGroupOrder() {
            return fallbackToGroupOrder;
        }

        public void setFallbackToGroupOrder(boolean fallbackToGroupOrder) {
            this.fallbackToGroupOrder = fallbackToGroupOrder;
        }
    }

    public static class Metrics {
        /** Whether ring group metrics are published to Micrometer (when a MeterRegistry is present). */
        private boolean enabled = true;
        /**
         * Most destinations that get their own freeswitch.balancer.load gauge; further destinations are not
         * tagged, so that dial strings cannot blow up the metrics' cardinality.
         */
        private int maxDestinations = 100;

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public int getMaxDestinations() {
            return maxDestinations;
        }

        public void setMaxDestinations(int maxDestinations) {
            this.maxDestinations = maxDestinations;
        }
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public String getHost() {
        return host;
    }

    public void setHost(String host) {
        this.host = host;
    }

    public int getPort() {
        return port;
    }

    public void setPort(int port) {
        this.port = port;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public Duration getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public Duration getReconnectInitialDelay() {
        return reconnectInitialDelay;
    }

    public void setReconnectInitialDelay(Duration reconnectInitialDelay) {
        this.reconnectInitialDelay = reconnectInitialDelay;
    }

    public Duration getReconnectMaxDelay() {
        return reconnectMaxDelay;
    }

    public void setReconnectMaxDelay(Duration reconnectMaxDelay) {
        this.reconnectMaxDelay = reconnectMaxDelay;
    }

    public Duration getRequestTimeout() {
        return requestTimeout;
    }

    public void setRequestTimeout(Duration requestTimeout) {
        this.requestTimeout = requestTimeout;
    }

    public RingMode getMode() {
        return mode;
    }

    public void setMode(RingMode mode) {
        this.mode = mode;
    }

    public Duration getTimeout() {
        return timeout;
    }

    public void setTimeout(Duration timeout) {
        this.timeout = timeout;
    }

    public Duration getTotalTimeout() {
        return totalTimeout;
    }

    public void setTotalTimeout(Duration totalTimeout) {
        this.totalTimeout = totalTimeout;
    }

    public LeaseScope getLoadScope() {
        return loadScope;
    }

    public void setLoadScope(LeaseScope loadScope) {
        this.loadScope = loadScope;
    }

    public boolean isFailOnNoAnswer() {
        return failOnNoAnswer;
    }

    public void setFailOnNoAnswer(boolean failOnNoAnswer) {
        this.failOnNoAnswer = failOnNoAnswer;
    }

    public Map<String, String> getVariables() {
        return variables;
    }

    public void setVariables(Map<String, String> variables) {
        this.variables = variables;
    }

    public boolean isHealthCheckEnabled() {
        return healthCheckEnabled;
    }

    public void setHealthCheckEnabled(boolean healthCheckEnabled) {
        this.healthCheckEnabled = healthCheckEnabled;
    }

    public Balancer getBalancer() {
        return balancer;
    }

    public Metrics getMetrics() {
        return metrics;
    }
}
