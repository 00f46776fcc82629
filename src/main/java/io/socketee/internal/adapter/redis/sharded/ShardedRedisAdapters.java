package io.socketee.internal.adapter.redis.sharded;

import io.socketee.adapter.Adapter;
import io.socketee.adapter.AdapterFactory;
import io.socketee.adapter.AdapterHost;
import io.socketee.internal.adapter.NamespaceHost;
import io.socketee.internal.adapter.memory.InMemoryAdapter;
import io.socketee.internal.adapter.redis.JedisConnections;
import io.socketee.internal.adapter.redis.RedisEndpoints;
import io.socketee.internal.metrics.Counter;
import io.socketee.internal.metrics.MetricsRecorder;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.stream.Collectors;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.util.JedisURIHelper;

/**
 * Makes the sharded adapter of each namespace ({@code socketio.adapter=redis-sharded}), all on the
 * node's one {@link ShardedBus}. Each namespace gets its own uid and request ids of 16 hex
 * characters, as Node's.
 *
 * <p>Thread-safe: the random source is thread-safe and the bus is shared.
 */
public final class ShardedRedisAdapters implements AdapterFactory {
    private final ShardedBus bus;
    private final ShardedOptions options;
    private final ScheduledExecutorService scheduler;
    private final MetricsRecorder metrics;
    private final SecureRandom random = new SecureRandom();

    public ShardedRedisAdapters(ShardedBus bus, ShardedOptions options, ScheduledExecutorService scheduler,
            MetricsRecorder metrics) {
        this.bus = bus;
        this.options = options;
        this.scheduler = scheduler;
        this.metrics = metrics;
    }

    /**
     * The factory for the Redis Cluster whose seed nodes {@code endpoints} name, on Jedis' cluster
     * client (the other nodes are found from them).
     *
     * @throws IllegalStateException when Jedis is not in the application
     */
    public static ShardedRedisAdapters connect(RedisEndpoints endpoints, ShardedOptions options,
            ScheduledExecutorService scheduler, ThreadFactory threads, MetricsRecorder metrics) {
        try {
            Class.forName("redis.clients.jedis.JedisCluster", false, ShardedRedisAdapters.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("socketio.adapter=redis-sharded needs the Redis client in the application: "
                    + "add redis.clients:jedis to the WAR (see docs/clustering.md)", e);
        }
        OptionalInt db0 = OptionalInt.of(0); // a Redis Cluster has database 0 only
        Set<HostAndPort> seeds = endpoints.urls().stream().map(JedisURIHelper::getHostAndPort)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        URI url = endpoints.first();
        return new ShardedRedisAdapters(new JedisShardedBus(seeds,
                JedisConnections.config(url, endpoints.password(), db0, Duration.ofSeconds(2)),
                JedisConnections.config(url, endpoints.password(), db0, Duration.ZERO), threads, metrics), options, scheduler,
                metrics);
    }

    @Override
    public Adapter create(AdapterHost host, Adapter ignored) {
        NamespaceHost namespace = NamespaceHost.of(host);
        RoomChannels rooms = new RoomChannels(bus, options, namespace.name());
        InMemoryAdapter local = new InMemoryAdapter(namespace,
                options.subscriptionMode() == SubscriptionMode.STATIC ? InMemoryAdapter.RoomWatcher.NONE : rooms);
        return new ShardedRedisAdapter(namespace, local, rooms, hex(), options, bus, scheduler,
                this::hex, () -> metrics.increment(Counter.REDIS_REQUEST_TIMEOUTS),
                () -> metrics.increment(Counter.REDIS_ERRORS));
    }

    /** Whether every sharded channel of the node is subscribed now. */
    public boolean connected() {
        return bus.connected();
    }

    @Override
    public void close() {
        bus.close();
    }

    private String hex() {
        byte[] b = new byte[8];
        random.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
