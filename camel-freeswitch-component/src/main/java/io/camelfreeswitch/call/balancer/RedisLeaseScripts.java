package io.camelfreeswitch.call.balancer;

import io.lettuce.core.ScriptOutputType;
import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The Lua scripts behind {@link RedisLoadBalancer}. Each destination has one sorted set of lease ids scored by the
 * lease's expiry in milliseconds of the Redis server's clock (never the application's: instances with skewed clocks
 * still agree). A lease counts while its expiry is in the future, so the load of a crashed instance disappears by
 * itself once its leases are no longer renewed. Each set also carries a key expiry at least as long as its longest
 * lease, so a destination nobody rings any more leaves no key behind.
 */
final class RedisLeaseScripts {

    private RedisLeaseScripts() {
    }

    // TIME makes a script non-deterministic: Redis 6 needs effects replication switched on before the first write
    // (Redis 7 always replicates effects and keeps the call as a no-op).
    private static final String NOW = """
            if redis.replicate_commands then redis.replicate_commands() end
            local clock = redis.call('TIME')
            local now = tonumber(clock[1]) * 1000 + math.floor(tonumber(clock[2]) / 1000)
            """;

    private static final String KEEP_KEY_AT_LEAST = """
            local function keepAtLeast(key, ttl)
              if redis.call('PTTL', key) < ttl then redis.call('PEXPIRE', key, ttl) end
            end
            """;

    /**
     * KEYS[1..n]: the lease set of each candidate, in group order; KEYS[n+1..2n]: each one's rest key. ARGV[1]: the new
     * lease id, ARGV[2]: its TTL in ms, ARGV[2+i]: the maxCalls of candidate i (0: no limit). Prunes expired leases,
     * skips candidates that are resting (their rest key exists: it expires by itself) or hold maxCalls live leases,
     * picks the one with the fewest live leases (ties: the earliest) and records the lease on it. Returns the chosen
     * candidate's 1-based position, or 0 when none is available.
     */
    static final LuaScript ACQUIRE = new LuaScript(NOW + KEEP_KEY_AT_LEAST + """
            local ttl = tonumber(ARGV[2])
            local n = #KEYS / 2
            local chosen, fewest = 0, 0
            for i = 1, n do
              local key = KEYS[i]
              redis.call('ZREMRANGEBYSCORE', key, '-inf', now)
              if redis.call('EXISTS', KEYS[n + i]) == 0 then
                local load = redis.call('ZCARD', key)
                local max = tonumber(ARGV[2 + i])
                if (max == 0 or load < max) and (chosen == 0 or load < fewest) then chosen, fewest = i, load end
              end
            end
            if chosen == 0 then return 0 end
            redis.call('ZADD', KEYS[chosen], now + ttl, ARGV[1])
            keepAtLeast(KEYS[chosen], ttl)
            return chosen
            """, ScriptOutputType.INTEGER);

    /**
     * KEYS[1]: a lease set, KEYS[2]: its destination's rest key. ARGV[1]: the lease id, ARGV[2]: how long the
     * destination rests now, in ms (wrap-up or no-answer delay). Removes the lease and makes the rest key live at
     * least that long: the key's own expiry, on the server's clock, ends the rest. Returns 1.
     */
    static final LuaScript RELEASE_AND_REST = new LuaScript("""
            redis.call('ZREM', KEYS[1], ARGV[1])
            local rest = tonumber(ARGV[2])
            if redis.call('PTTL', KEYS[2]) < rest then redis.call('SET', KEYS[2], '1', 'PX', rest) end
            return 1
            """, ScriptOutputType.INTEGER);

    /**
     * KEYS[1..n]: the lease sets an {@link #ACQUIRE} was given; ARGV[1]: its lease id. Removes the lease wherever that
     * acquire recorded it, if it did: sent when its reply was lost (a timeout), so a lease nobody holds does not count
     * for its whole TTL. Returns the number of leases removed (0 or 1).
     */
    static final LuaScript FORGET = new LuaScript("""
            local removed = 0
            for _, key in ipairs(KEYS) do removed = removed + redis.call('ZREM', key, ARGV[1]) end
            return removed
            """, ScriptOutputType.INTEGER);

    /**
     * KEYS: lease sets; ARGV[1]: TTL in ms; ARGV[i + 1]: the lease id held in KEYS[i]. Pushes each lease's expiry to
     * now + TTL, recording it again if it had already expired (after a Redis restart, for example) since its holder
     * still holds it. Returns the number of leases renewed.
     */
    static final LuaScript RENEW = new LuaScript(NOW + KEEP_KEY_AT_LEAST + """
            local ttl = tonumber(ARGV[1])
            for i, key in ipairs(KEYS) do
              redis.call('ZADD', key, now + ttl, ARGV[i + 1])
              keepAtLeast(key, ttl)
            end
            return #KEYS
            """, ScriptOutputType.INTEGER);

    /** KEYS[1]: a lease set. Returns its number of live (not yet expired) leases. Writes nothing. */
    static final LuaScript LOAD = new LuaScript("""
            local clock = redis.call('TIME')
            local now = tonumber(clock[1]) * 1000 + math.floor(tonumber(clock[2]) / 1000)
            return redis.call('ZCOUNT', KEYS[1], '(' .. now, '+inf')
            """, ScriptOutputType.INTEGER);

    /** The KEYS of {@link #ACQUIRE}: every candidate's lease set, then every candidate's rest key. */
    static String[] acquireKeys(List<String> candidates, UnaryOperator<String> leaseKey,
                                UnaryOperator<String> restKey) {
        int count = candidates.size();
        String[] keys = new String[2 * count];
        for (int i = 0; i < count; i++) {
            keys[i] = leaseKey.apply(candidates.get(i));
            keys[count + i] = restKey.apply(candidates.get(i));
        }
        return keys;
    }

    /** The ARGV of {@link #ACQUIRE}: the lease id, its TTL, then every candidate's maxCalls. */
    static String[] acquireArgs(List<String> candidates, CapacityRules rules, String leaseId, Duration ttl) {
        String[] args = new String[2 + candidates.size()];
        args[0] = leaseId;
        args[1] = Long.toString(ttl.toMillis());
        for (int i = 0; i < candidates.size(); i++) {
            args[2 + i] = Integer.toString(rules.of(candidates.get(i)).maxCalls());
        }
        return args;
    }
}
