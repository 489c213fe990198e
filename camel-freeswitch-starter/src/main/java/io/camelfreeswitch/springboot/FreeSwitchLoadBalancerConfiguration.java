package io.camelfreeswitch.springboot;

import io.camelfreeswitch.call.balancer.InMemoryLoadBalancer;
import io.camelfreeswitch.call.balancer.LoadBalancer;
import io.camelfreeswitch.call.balancer.RedisLoadBalancer;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.ClassUtils;

/**
 * The LoadBalancer that BALANCING ring groups share when the application defines none: Redis when
 * {@code camel.component.freeswitch.balancer.redis.uri} is set (load shared by every instance), in memory otherwise
 * (load shared inside this JVM). The component uses the single LoadBalancer bean of the registry by itself.
 */
@Configuration(proxyBeanMethods = false)
class FreeSwitchLoadBalancerConfiguration {

    private static final String REDIS_URI = FreeSwitchRedisBalancerProperties.PREFIX + ".uri";

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = REDIS_URI)
    static class Redis {

        @Bean(destroyMethod = "close")
        @ConditionalOnMissingBean(LoadBalancer.class)
        RedisLoadBalancer freeSwitchLoadBalancer(FreeSwitchRedisBalancerProperties redis) {
            if (!ClassUtils.isPresent("io.lettuce.core.RedisClient", FreeSwitchLoadBalancerConfiguration.class.getClassLoader())) {
                throw new IllegalStateException(REDIS_URI + " is set but Lettuce is not on the classpath: add the"
                        + " dependency io.lettuce:lettuce-core, or remove the property to use the in-memory balancer");
            }
            return RedisLoadBalancer.builder()
                    .redisUri(redis.getUri())
                    .keyPrefix(redis.getKeyPrefix())
                    .leaseTtl(redis.getLeaseTtl())
                    .renewalPeriod(redis.getRenewalPeriod())
                    .commandTimeout(redis.getCommandTimeout())
                    .fallbackToGroupOrder(redis.isFallbackToGroupOrder())
                    .build();
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnExpression("'${" + REDIS_URI + ":}'.isEmpty()")
    static class InMemory {

        @Bean
        @ConditionalOnMissingBean(LoadBalancer.class)
        InMemoryLoadBalancer freeSwitchLoadBalancer() {
            return new InMemoryLoadBalancer();
        }
    }
}
