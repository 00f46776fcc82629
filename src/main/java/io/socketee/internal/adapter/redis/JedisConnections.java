package io.socketee.internal.adapter.redis;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.stream.Collectors;
import redis.clients.jedis.CommandArguments;
import redis.clients.jedis.Connection;
import redis.clients.jedis.ConnectionPool;
import redis.clients.jedis.ConnectionPoolConfig;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.JedisCluster;
import redis.clients.jedis.PipelineBase;
import redis.clients.jedis.Protocol;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.providers.ClusterConnectionProvider;
import redis.clients.jedis.providers.ConnectionProvider;
import redis.clients.jedis.providers.PooledConnectionProvider;
import redis.clients.jedis.providers.SentineledConnectionProvider;
import redis.clients.jedis.util.JedisURIHelper;
import org.apache.commons.pool2.impl.GenericObjectPoolConfig;

/**
 * The connections of one node to its Redis, as {@code socketio.redis.*} describes it (topology,
 * URLs, TLS, user, password, database): a shared client for commands, and clients of their own
 * for the threads that block on Redis (the subscriber, a stream reader). Each client follows its
 * topology by itself: a cluster client routes keyed commands to the master of their slot and
 * learns the new slot map after a failover; a sentinel client asks the sentinels for the master
 * and switches when they promote another. Connecting and commands time out after 2 s.
 *
 * <p>Thread-safe: the Jedis clients are.
 */
public final class JedisConnections implements AutoCloseable {
    private static final Duration TIMEOUT = Duration.ofSeconds(2);
    /**
     * Attempts of a cluster command across redirections and failovers, within {@link #TIMEOUT}: a
     * classic PUBLISH blocks its caller no longer than with one Redis (the Streams writer and
     * reader retry by themselves).
     */
    private static final int CLUSTER_ATTEMPTS = 5;

    private final RedisEndpoints endpoints;
    private final Client commands;

    /**
     * Connects to the Redis {@code endpoints} name; a cluster is asked for its slot map at once.
     *
     * @throws JedisException when no seed node of a cluster answers
     */
    public JedisConnections(RedisEndpoints endpoints) {
        this.endpoints = endpoints;
        this.commands = client(TIMEOUT, 16);
    }

    /** A standalone Redis at {@code url}. */
    public JedisConnections(URI url, Optional<String> password, OptionalInt database) {
        this(RedisEndpoints.standalone(url, password, database));
    }

    /** Where Redis is, for logs: a host and port, the seed nodes of a cluster, or a master and its sentinels. */
    public String description() {
        String hosts = endpoints.urls().stream().map(JedisURIHelper::getHostAndPort).map(HostAndPort::toString)
                .collect(Collectors.joining(","));
        return switch (endpoints.topology()) {
            case STANDALONE -> hosts;
            case CLUSTER -> "the Redis Cluster of " + hosts;
            case SENTINEL -> "master " + endpoints.sentinel().orElseThrow().master() + " of the sentinels " + hosts;
        };
    }

    /** The shared client for commands; keyed commands reach the node that holds the key. */
    public UnifiedJedis commands() {
        return commands.jedis;
    }

    /**
     * PUBLISHes {@code batch} in order: pipelined in one round trip to one Redis or the master
     * of Sentinel; on a cluster each to the master of its channel's slot, as node-redis routes it,
     * so one channel's messages keep their order.
     *
     * @throws JedisException when Redis could not take them (the idle connections, made before
     *     an outage, are dropped)
     */
    public void publishAll(List<RedisPublisher.Message> batch) {
        try {
            if (cluster()) {
                for (RedisPublisher.Message m : batch) {
                    commands.jedis.sendCommand(m.channel(), Protocol.Command.PUBLISH, m.channel(), m.body());
                }
                return;
            }
            try (PipelineBase pipeline = commands.jedis.pipelined()) {
                for (RedisPublisher.Message m : batch) {
                    pipeline.sendCommand(Protocol.Command.PUBLISH, m.channel(), m.body());
                }
                pipeline.sync();
            }
        } catch (JedisException e) {
            dropIdleAfter(e);
            throw e;
        }
    }

    /**
     * A new client of its own whose reads wait up to {@code readTimeout} (subscriptions wait
     * forever), for one thread that blocks on Redis; its caller closes it.
     */
    public UnifiedJedis blocking(Duration readTimeout) {
        return client(readTimeout, 2).jedis;
    }

    /**
     * A new client of its own for the subscriber thread, its caller closes it: each subscription
     * takes a new connection, to the one Redis, to the master the sentinels name now, or to a
     * master of the cluster (PUBLISH reaches every node of a cluster; Node's adapter counts the
     * subscribers of the masters), another live one after a failure.
     */
    public UnifiedJedis subscriber() {
        if (!cluster()) {
            return blocking(TIMEOUT);
        }
        return new UnifiedJedis(new AnyMaster(new ClusterConnectionProvider(hosts(),
                config(endpoints.first(), endpoints.password(), endpoints.database(), TIMEOUT), poolConfig(2))));
    }

    /**
     * {@code command} on every node that answers: the one Redis, the current master, or each
     * node of the cluster the client knows (masters, and the replicas it has seen: a subscriber
     * may be on any); nodes that do not answer are left out. When a node of a cluster cannot be
     * reached, the client reads the cluster's nodes again and asks the ones it did not know: after
     * a failover the replica promoted in a dead master's place, which the client learns of only
     * then, may hold subscribers (a member that counted without it counted no other server, for
     * as long as its own commands did not make it read the nodes again).
     *
     * @throws JedisException when no node answers
     */
    public <T> List<T> onEveryNode(Function<Jedis, T> command) {
        if (!(commands.provider instanceof ClusterConnectionProvider cluster)) {
            try (Jedis jedis = new Jedis(commands.provider.getConnection())) {
                return List.of(command.apply(jedis));
            }
        }
        List<T> results = new ArrayList<>();
        Set<String> asked = new HashSet<>();
        JedisException failure = onEach(cluster.getNodes(), command, results, asked);
        if (failure instanceof JedisConnectionException) {
            try {
                cluster.renewSlotCache();
                JedisException again = onEach(cluster.getNodes(), command, results, asked);
                failure = again != null ? again : failure;
            } catch (JedisException e) {
                failure.addSuppressed(e); // no node answers CLUSTER SLOTS: count with the nodes that answered
            }
        }
        if (results.isEmpty() && failure != null) {
            throw failure;
        }
        return results;
    }

    /** {@code command} on each node of {@code nodes} not in {@code asked}; returns the last failure. */
    private static <T> JedisException onEach(Map<String, ConnectionPool> nodes, Function<Jedis, T> command,
            List<T> results, Set<String> asked) {
        JedisException last = null;
        for (Map.Entry<String, ConnectionPool> node : nodes.entrySet()) {
            if (!asked.add(node.getKey())) {
                continue;
            }
            try (Jedis jedis = new Jedis(node.getValue().getResource())) {
                results.add(command.apply(jedis));
            } catch (JedisException e) {
                last = e; // a node that died: its subscribers are gone with it
            }
        }
        return last;
    }

    /** Whether the Redis is a cluster, where a transaction cannot span the nodes. */
    public boolean cluster() {
        return endpoints.topology() == RedisEndpoints.Topology.CLUSTER;
    }

    private Set<HostAndPort> hosts() {
        return endpoints.urls().stream().map(JedisURIHelper::getHostAndPort)
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /**
     * Closes the idle connections of the shared client's pools (each node's on a cluster), so
     * that commands after Redis restarted get new ones instead of failing once per connection
     * made before. Connections in use are left alone; a Sentinel client renews its pool itself
     * when the master changes.
     */
    public void dropIdle() {
        // not getConnectionMap(): a provider without a pool of its own (Sentinel's) answers it by
        // borrowing a connection that nobody gives back
        if (commands.provider instanceof PooledConnectionProvider one) {
            one.getPool().clear();
        } else if (commands.provider instanceof ClusterConnectionProvider cluster) {
            cluster.getNodes().values().forEach(ConnectionPool::clear);
        }
    }

    /** {@link #dropIdle} when {@code failure} says a connection broke. */
    public void dropIdleAfter(JedisException failure) {
        if (failure instanceof JedisConnectionException) {
            dropIdle();
        }
    }

    private static GenericObjectPoolConfig<Connection> poolConfig(int maxConnections) {
        // Jedis' defaults: idle connections are tested every 30 s and closed after 60 s
        GenericObjectPoolConfig<Connection> pool = new ConnectionPoolConfig();
        pool.setMaxTotal(maxConnections);
        pool.setMaxIdle(Math.min(8, maxConnections));
        pool.setJmxEnabled(false);
        return pool;
    }

    private Client client(Duration readTimeout, int maxConnections) {
        GenericObjectPoolConfig<Connection> pool = poolConfig(maxConnections);
        JedisClientConfig data = config(endpoints.first(), endpoints.password(), endpoints.database(), readTimeout);
        Set<HostAndPort> hosts = hosts();
        return switch (endpoints.topology()) {
            case STANDALONE -> {
                var provider = new PooledConnectionProvider(hosts.iterator().next(), data, pool);
                yield new Client(provider, new UnifiedJedis(provider));
            }
            case CLUSTER -> {
                var provider = new ClusterConnectionProvider(hosts, data, pool);
                yield new Client(provider, new JedisCluster(provider, CLUSTER_ATTEMPTS, TIMEOUT));
            }
            case SENTINEL -> {
                RedisEndpoints.Sentinel sentinel = endpoints.sentinel().orElseThrow();
                JedisClientConfig sentinels = DefaultJedisClientConfig.builder()
                        .ssl(JedisURIHelper.isRedisSSLScheme(endpoints.first()))
                        .user(sentinel.user().orElse(null))
                        .password(sentinel.password().orElse(null))
                        .connectionTimeoutMillis((int) TIMEOUT.toMillis())
                        .socketTimeoutMillis((int) TIMEOUT.toMillis())
                        .clientName("socketee")
                        .build();
                var provider = new SentineledConnectionProvider(sentinel.master(), data, pool, hosts, sentinels);
                yield new Client(provider, new UnifiedJedis(provider));
            }
        };
    }

    /**
     * The configuration of a connection to the Redis at {@code url} (TLS, user, password and
     * database from it, else from {@code password} and {@code database}) whose reads wait up to
     * {@code readTimeout} (zero: forever); connecting times out after 2 s.
     */
    public static JedisClientConfig config(URI url, Optional<String> password, OptionalInt database,
            Duration readTimeout) {
        return DefaultJedisClientConfig.builder()
                .ssl(JedisURIHelper.isRedisSSLScheme(url))
                .user(JedisURIHelper.getUser(url))
                .password(Optional.ofNullable(JedisURIHelper.getPassword(url)).orElse(password.orElse(null)))
                .database(url.getPath() != null && url.getPath().length() > 1 ? JedisURIHelper.getDBIndex(url)
                        : database.orElse(0))
                .connectionTimeoutMillis((int) TIMEOUT.toMillis())
                .socketTimeoutMillis((int) readTimeout.toMillis())
                .clientName("socketee")
                .build();
    }

    @Override
    public void close() {
        commands.jedis.close();
    }

    /**
     * Connections to the master of a random slot of a cluster; when it does not answer, the slot
     * map is read again and another slot tried, a few times, so a dead master is passed over.
     */
    private record AnyMaster(ClusterConnectionProvider cluster) implements ConnectionProvider {
        private static final int ATTEMPTS = 6;

        @Override
        public Connection getConnection() {
            JedisException failure = null;
            for (int i = 0; i < ATTEMPTS; i++) {
                try {
                    Connection c = cluster.getConnectionFromSlot(
                            ThreadLocalRandom.current().nextInt(Protocol.CLUSTER_HASHSLOTS));
                    c.ping();
                    return c;
                } catch (JedisException e) {
                    failure = e;
                    try {
                        cluster.renewSlotCache();
                    } catch (JedisException renewal) {
                        failure.addSuppressed(renewal);
                    }
                }
            }
            throw failure;
        }

        @Override
        public Connection getConnection(CommandArguments args) {
            return getConnection();
        }

        @Override
        public void close() {
            cluster.close();
        }
    }

    /** A client and the provider of its connections (the client closes it). */
    private record Client(ConnectionProvider provider, UnifiedJedis jedis) {
    }
}
