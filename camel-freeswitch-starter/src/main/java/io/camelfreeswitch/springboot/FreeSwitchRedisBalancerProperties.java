package io.camelfreeswitch.springboot;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * {@code camel.component.freeswitch.balancer.redis.*}: a Redis-backed LoadBalancer shared by every instance of the
 * application that uses the same Redis. Bound apart from the component's options because
 * {@code camel.component.freeswitch.balancer} is one of them (a LoadBalancer bean, {@code #bean:name}). Durations accept
 * {@code 500ms}, {@code 30s}, {@code 1m}.
 */
@ConfigurationProperties(prefix = FreeSwitchRedisBalancerProperties.PREFIX)
public class FreeSwitchRedisBalancerProperties {

    static final String PREFIX = "camel.component.freeswitch.balancer.redis";

    /**
     * Redis URI; when set, the LoadBalancer bean is a RedisLoadBalancer. One server: redis://host:6379/0 (rediss://
     * for TLS, redis-sentinel:// for Sentinel). Redis Cluster: redis-cluster://host1:6379,host2:6379 (rediss-cluster://
     * for TLS), the hosts being seeds from which the cluster client learns the topology.
     */
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
