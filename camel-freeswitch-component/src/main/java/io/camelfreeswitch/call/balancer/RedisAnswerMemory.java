package io.camelfreeswitch.call.balancer;

import io.lettuce.core.SetArgs;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * ROUND_ROBIN's memory in Redis: one string key per ring group naming the destination that last answered in it,
 * read with one GET and written with one SET. Under the balancer's hash tag, so it lives in the same Cluster slot.
 * Each key expires once its group has had no answer for {@link LoadBalancer#FORGET_ANSWERS_AFTER}.
 */
final class RedisAnswerMemory {

    private final RedisConnector redis;
    private final String keyPrefix;

    RedisAnswerMemory(RedisConnector redis, String keyPrefix) {
        this.redis = redis;
        this.keyPrefix = keyPrefix;
    }

    CompletableFuture<Optional<String>> lastAnswered(String group) {
        String key = keyPrefix + Objects.requireNonNull(group, "group");
        return redis.commands().thenCompose(commands -> commands.get(key).toCompletableFuture())
                .thenApply(Optional::ofNullable);
    }

    CompletableFuture<Void> answered(String group, String destination) {
        String key = keyPrefix + Objects.requireNonNull(group, "group");
        Objects.requireNonNull(destination, "destination");
        return redis.commands().thenCompose(commands -> commands.set(key, destination,
                        SetArgs.Builder.ex(LoadBalancer.FORGET_ANSWERS_AFTER)).toCompletableFuture())
                .thenApply(ok -> null);
    }
}
