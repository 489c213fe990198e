package io.camelfreeswitch.springboot;

import io.camelfreeswitch.call.balancer.InMemoryLoadBalancer;
import io.camelfreeswitch.call.balancer.Lease;
import io.camelfreeswitch.call.balancer.LoadBalancer;
import io.camelfreeswitch.call.balancer.RedisLoadBalancer;
import io.camelfreeswitch.camel.FreeSwitchComponent;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import redis.embedded.RedisServer;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Which LoadBalancer bean the starter defines, and when it backs off. */
class FreeSwitchLoadBalancerAutoConfigurationTest {

    private static RedisServer redis;
    private static int redisPort;

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(CamelAutoConfiguration.class,
                    FreeSwitchComponentAutoConfiguration.class));

    @BeforeAll
    static void startRedis() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            redisPort = socket.getLocalPort();
        }
        redis = RedisServer.newRedisServer().bind("127.0.0.1").port(redisPort)
                .setting("save \"\"").setting("appendonly no").build();
        redis.start();
    }

    @AfterAll
    static void stopRedis() throws IOException {
        redis.stop();
    }

    @Test
    void inMemoryByDefault() {
        runner.run(context -> {
            assertThat(context).hasSingleBean(LoadBalancer.class);
            assertThat(context.getBean(LoadBalancer.class)).isInstanceOf(InMemoryLoadBalancer.class);
            assertThat(context).hasSingleBean(FreeSwitchComponent.class);
        });
    }

    @Test
    void redisWhenItsUriIsSetWithTheConfiguredKeyPrefixAndTtl() {
        runner.withPropertyValues(
                "camel.component.freeswitch.balancer.redis.uri=redis://127.0.0.1:" + redisPort,
                "camel.component.freeswitch.balancer.redis.key-prefix=boot-test",
                "camel.component.freeswitch.balancer.redis.lease-ttl=5s",
                "camel.component.freeswitch.balancer.redis.renewal-period=1s",
                // generous for a loaded machine: Lettuce's connection handshake counts against it
                "camel.component.freeswitch.balancer.redis.command-timeout=15s").run(context -> {
            LoadBalancer balancer = context.getBean(LoadBalancer.class);
            assertThat(balancer).isInstanceOf(RedisLoadBalancer.class);
            assertThat(((RedisLoadBalancer) balancer).key("user/1001")).startsWith("{boot-test}");

            Lease lease = balancer.acquire(List.of("user/1001", "user/1002")).get(20, TimeUnit.SECONDS).orElseThrow();
            assertThat(lease.destination()).isEqualTo("user/1001");
            assertThat(balancer.load("user/1001").get(20, TimeUnit.SECONDS)).isEqualTo(1L);
            lease.release().get(20, TimeUnit.SECONDS);
            assertThat(balancer.load("user/1001").get(20, TimeUnit.SECONDS)).isZero();
        });
    }

    @Test
    void aRedisClusterUriSelectsTheClusterClient() {
        int nobody = redisPort + 1 == 65536 ? redisPort - 1 : redisPort + 1;
        runner.withPropertyValues(
                "camel.component.freeswitch.balancer.redis.uri=redis-cluster://:secret@127.0.0.1:" + nobody
                        + ",127.0.0.1:" + nobody,
                "camel.component.freeswitch.balancer.redis.command-timeout=500ms").run(context -> {
            LoadBalancer balancer = context.getBean(LoadBalancer.class);
            assertThat(balancer).isInstanceOf(RedisLoadBalancer.class);
            // no cluster answers there: the failure names the seeds in the cluster form, never the password
            assertThat(balancer.acquire(List.of("user/1001"))).failsWithin(Duration.ofSeconds(20))
                    .withThrowableThat().withMessageContaining("redis-cluster://127.0.0.1:" + nobody)
                    .withMessageNotContaining("secret");
        });
    }

    @Test
    void anApplicationsOwnBalancerIsKept() {
        InMemoryLoadBalancer own = new InMemoryLoadBalancer();
        runner.withPropertyValues("camel.component.freeswitch.balancer.redis.uri=redis://127.0.0.1:" + redisPort)
                .withBean("myBalancer", LoadBalancer.class, () -> own)
                .run(context -> {
                    assertThat(context).hasSingleBean(LoadBalancer.class);
                    assertThat(context.getBean(LoadBalancer.class)).isSameAs(own);
                });
    }

    @Test
    void aLeaseTtlRedisCannotHonourFailsAtStartupWithTheReason() {
        runner.withPropertyValues(
                "camel.component.freeswitch.balancer.redis.uri=redis://127.0.0.1:" + redisPort,
                "camel.component.freeswitch.balancer.redis.lease-ttl=1s",
                "camel.component.freeswitch.balancer.redis.renewal-period=2s").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("renewalPeriod");
        });
    }

    @Test
    void metricsAndTheComponentCanBeSwitchedOff() {
        runner.withPropertyValues("camel.component.freeswitch.metrics-enabled=false",
                "camel.component.freeswitch.metrics-max-destinations=7")
                .run(context -> {
                    FreeSwitchComponent component = context.getBean(FreeSwitchComponent.class);
                    assertThat(component.isMetricsEnabled()).isFalse();
                    assertThat(component.getMetricsMaxDestinations()).isEqualTo(7);
                });
        runner.withPropertyValues("camel.component.freeswitch.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(FreeSwitchComponent.class)
                        .doesNotHaveBean(LoadBalancer.class));
    }

    @Test
    void durationsAcceptSpringsUnits() {
        runner.withPropertyValues("camel.component.freeswitch.timeout=2m",
                "camel.component.freeswitch.request-timeout=750ms").run(context -> {
            FreeSwitchComponentConfiguration properties = context.getBean(FreeSwitchComponentConfiguration.class);
            assertThat(properties.getTimeout()).isEqualTo(Duration.ofMinutes(2));
            FreeSwitchComponent component = context.getBean(FreeSwitchComponent.class);
            assertThat(component.getConfiguration().getTimeout()).isEqualTo(120_000);
            assertThat(component.getConfiguration().getRequestTimeout()).isEqualTo(750);
        });
    }
}
