package io.socketee.internal.adapter.redis;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Where a node's Redis is and how to reach it: one standalone Redis, a Redis Cluster through its
 * seed nodes, or the master that Redis Sentinel names. The data nodes' TLS, user, password and
 * database come from the first URL, else from {@code password} and {@code database}; the
 * sentinels share the URLs' scheme and have credentials of their own.
 *
 * @param topology how the Redis is deployed
 * @param urls the standalone Redis, the cluster's seed nodes or the sentinels; at least one
 * @param password the data nodes' password when the URL has none
 * @param database the database when the URL has none (never with a cluster)
 * @param sentinel the master's name and the sentinels' credentials; present with {@link Topology#SENTINEL} only
 */
public record RedisEndpoints(Topology topology, List<URI> urls, Optional<String> password, OptionalInt database,
        Optional<Sentinel> sentinel) {

    public RedisEndpoints {
        urls = List.copyOf(urls);
        if (urls.isEmpty()) {
            throw new IllegalArgumentException("no Redis URL");
        }
        if (sentinel.isPresent() != (topology == Topology.SENTINEL)) {
            throw new IllegalArgumentException("a master name goes with the sentinel topology, and only with it");
        }
    }

    /** One standalone Redis at {@code url}. */
    public static RedisEndpoints standalone(URI url, Optional<String> password, OptionalInt database) {
        return new RedisEndpoints(Topology.STANDALONE, List.of(url), password, database, Optional.empty());
    }

    /** The URL whose scheme, user information and database every connection uses. */
    public URI first() {
        return urls.get(0);
    }

    /** How Redis is deployed ({@code socketio.redis.topology}). */
    public enum Topology {
        STANDALONE, CLUSTER, SENTINEL;

        /** The topology named {@code name} in configuration ({@code standalone}, {@code cluster}, {@code sentinel}). */
        public static Topology of(String name) {
            return valueOf(name.toUpperCase(Locale.ROOT));
        }
    }

    /**
     * The sentinels' side.
     *
     * @param master the name of the master the sentinels watch
     * @param user the sentinels' own user, if they need one
     * @param password the sentinels' own password, if they need one
     */
    public record Sentinel(String master, Optional<String> user, Optional<String> password) {
    }
}
