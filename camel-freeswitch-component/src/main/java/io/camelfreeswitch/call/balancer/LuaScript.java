package io.camelfreeswitch.call.balancer;

import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * A Lua script run by its SHA1 digest (EVALSHA), so the usual round trip carries only the digest. When the server does
 * not know the script yet (after a restart, a failover, or SCRIPT FLUSH) it answers NOSCRIPT and the script is sent in
 * full once with EVAL, which also caches it on the server for the next EVALSHA.
 */
final class LuaScript {

    private final String text;
    private final String sha1;
    private final ScriptOutputType outputType;

    LuaScript(String text, ScriptOutputType outputType) {
        this.text = text;
        this.sha1 = sha1(text);
        this.outputType = outputType;
    }

    <T> CompletableFuture<T> run(RedisClusterAsyncCommands<String, String> redis, String[] keys, String... args) {
        return this.<T>runCached(redis, keys, args).handle((result, failure) -> {
            if (failure == null) {
                return CompletableFuture.completedFuture(result);
            }
            if (isNoScript(failure)) {
                return this.<T>runInFull(redis, keys, args);
            }
            return CompletableFuture.<T>failedFuture(failure);
        }).thenCompose(f -> f);
    }

    /** EVALSHA only: fails with NOSCRIPT (see {@link #isNoScript}) when the server does not know the script. */
    <T> CompletableFuture<T> runCached(RedisClusterAsyncCommands<String, String> redis, String[] keys, String... args) {
        return redis.<T>evalsha(sha1, outputType, keys, args).toCompletableFuture();
    }

    /** EVAL: sends the whole script, which also caches it on the server. */
    <T> CompletableFuture<T> runInFull(RedisClusterAsyncCommands<String, String> redis, String[] keys, String... args) {
        return redis.<T>eval(text, outputType, keys, args).toCompletableFuture();
    }

    static boolean isNoScript(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause()
                : failure;
        return cause instanceof RedisNoScriptException
                || (cause.getMessage() != null && cause.getMessage().startsWith("NOSCRIPT"));
    }

    private static String sha1(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-1", e);
        }
    }
}
