package io.camelfreeswitch.call.balancer;

import io.lettuce.core.RedisURI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The URI form that selects Redis Cluster: {@code redis-cluster://[[user]:password@]host1:port1,host2:port2[,...]}
 * ({@code rediss-cluster://} for TLS). The hosts are seeds: the client learns the whole topology from any of them,
 * so one reachable seed is enough and more make startup survive a seed being down. Credentials apply to every node.
 */
final class RedisClusterUri {

    static final String SCHEME = "redis-cluster://";
    static final String TLS_SCHEME = "rediss-cluster://";

    private RedisClusterUri() {
    }

    static boolean isCluster(String uri) {
        String lower = uri.strip().toLowerCase(Locale.ROOT);
        return lower.startsWith(SCHEME) || lower.startsWith(TLS_SCHEME);
    }

    /** One plain {@code redis://} (or {@code rediss://}) URI per seed, each carrying the credentials. */
    static List<RedisURI> seeds(String uri) {
        String text = uri.strip();
        boolean tls = text.toLowerCase(Locale.ROOT).startsWith(TLS_SCHEME);
        String rest = text.substring(tls ? TLS_SCHEME.length() : SCHEME.length());
        int slash = rest.indexOf('/');
        String authority = slash < 0 ? rest : rest.substring(0, slash);
        String query = slash < 0 ? "" : rest.substring(slash);
        int at = authority.lastIndexOf('@');
        String credentials = at < 0 ? "" : authority.substring(0, at + 1);
        List<RedisURI> seeds = new ArrayList<>();
        for (String host : authority.substring(at + 1).split(",")) {
            if (!host.isBlank()) {
                seeds.add(RedisURI.create((tls ? "rediss://" : "redis://") + credentials + host.strip() + query));
            }
        }
        if (seeds.isEmpty()) {
            throw new IllegalArgumentException("a Redis Cluster URI names at least one seed host: " + SCHEME
                    + "host1:6379,host2:6379");
        }
        return List.copyOf(seeds);
    }

    /** The seeds as error messages may show them: no credentials. */
    static String describe(List<RedisURI> seeds) {
        StringBuilder text = new StringBuilder(seeds.get(0).isSsl() ? TLS_SCHEME : SCHEME);
        for (int i = 0; i < seeds.size(); i++) {
            text.append(i == 0 ? "" : ",").append(seeds.get(i).getHost()).append(':').append(seeds.get(i).getPort());
        }
        return text.toString();
    }
}
