package io.camelfreeswitch.call.balancer;

import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The leases one {@link RedisLoadBalancer} holds, kept alive by a background task that renews them all, in one script
 * call per batch, every renewal period; a lease not renewed stops counting after its TTL, so an instance that dies
 * leaves nothing counted for ever.
 */
final class RedisHeldLeases {

    private static final Logger LOG = LoggerFactory.getLogger(RedisHeldLeases.class);
    /** Keeps each renewal script call, and the Lua stack it unpacks, small. */
    private static final int RENEWALS_PER_CALL = 256;

    private final RedisConnector redis;
    private final Duration leaseTtl;
    private final Function<Throwable, BalancerUnavailableException> unavailable;
    private final Set<RedisLease> held = ConcurrentHashMap.newKeySet();
    /**
     * Renewals and releases are sent under this lock, so a release's ZREM always follows, on the connection, any
     * renewal that still named its lease: a released lease can never be re-recorded by a late renewal.
     */
    private final Object sending = new Object();
    private final ScheduledThreadPoolExecutor renewals;
    private volatile boolean renewalFailing;

    RedisHeldLeases(RedisConnector redis, Duration leaseTtl, Duration renewalPeriod,
                    Function<Throwable, BalancerUnavailableException> unavailable) {
        this.redis = redis;
        this.leaseTtl = leaseTtl;
        this.unavailable = unavailable;
        this.renewals = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "camel-freeswitch-redis-lease-renewal");
            thread.setDaemon(true);
            return thread;
        });
        renewals.setRemoveOnCancelPolicy(true);
        long period = renewalPeriod.toMillis();
        renewals.scheduleAtFixedRate(this::renewHeldLeases, period, period, TimeUnit.MILLISECONDS);
    }

    void hold(RedisLease lease) {
        held.add(lease);
    }

    /** Stops renewing {@code lease} and sends its release, ordered after any renewal that still named it. */
    CompletableFuture<Long> release(RedisLease lease, Supplier<CompletableFuture<Long>> send) {
        synchronized (sending) {
            held.remove(lease);
            return send.get();
        }
    }

    void close() {
        renewals.shutdownNow();
    }

    private void renewHeldLeases() {
        try {
            List<RedisLease> leases = List.copyOf(held);
            for (int from = 0; from < leases.size(); from += RENEWALS_PER_CALL) {
                renew(leases.subList(from, Math.min(leases.size(), from + RENEWALS_PER_CALL)));
            }
        } catch (RuntimeException e) {
            // never let one failure cancel the periodic task
            renewalFailed(e);
        }
    }

    private void renew(List<RedisLease> batch) {
        redis.commands().thenAccept(commands -> {
            CompletableFuture<Long> renewal;
            synchronized (sending) {
                renewal = sendRenewal(batch, commands, false);
            }
            renewal.whenComplete((renewed, failure) -> {
                if (failure != null && LuaScript.isNoScript(failure)) {
                    // the script vanished (Redis restarted or flushed scripts): send it in full, for those still held
                    synchronized (sending) {
                        sendRenewal(batch, commands, true).whenComplete(this::renewalDone);
                    }
                } else {
                    renewalDone(renewed, failure);
                }
            });
        }).exceptionally(failure -> {
            renewalFailed(failure);
            return null;
        });
    }

    /** Must be called holding {@link #sending}: names only leases that are still held at the moment it is sent. */
    private CompletableFuture<Long> sendRenewal(List<RedisLease> batch, RedisClusterAsyncCommands<String, String> commands,
                                                boolean inFull) {
        List<String> keys = new ArrayList<>(batch.size());
        List<String> args = new ArrayList<>(batch.size() + 1);
        args.add(Long.toString(leaseTtl.toMillis()));
        for (RedisLease lease : batch) {
            if (held.contains(lease)) {
                keys.add(lease.key());
                args.add(lease.id());
            }
        }
        if (keys.isEmpty()) {
            return CompletableFuture.completedFuture(0L);
        }
        String[] keyArray = keys.toArray(String[]::new);
        String[] argArray = args.toArray(String[]::new);
        return inFull
                ? RedisLeaseScripts.RENEW.runInFull(commands, keyArray, argArray)
                : RedisLeaseScripts.RENEW.runCached(commands, keyArray, argArray);
    }

    private void renewalDone(Long renewed, Throwable failure) {
        if (failure != null) {
            renewalFailed(failure);
        } else if (renewalFailing) {
            renewalFailing = false;
            LOG.info("Renewing load-balancer leases in {} works again", redis.description());
        }
    }

    private void renewalFailed(Throwable failure) {
        if (!renewalFailing) {
            renewalFailing = true;
            LOG.warn("{}; held leases stop counting after {} unless renewal succeeds again",
                    unavailable.apply(failure).getMessage(), leaseTtl);
        }
    }
}
