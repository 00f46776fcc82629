package io.socketee.internal.adapter.redis;

import io.socketee.internal.metrics.MetricsRecorder;
import io.socketee.adapter.Adapter;
import io.socketee.adapter.AdapterFactory;
import io.socketee.adapter.AdapterHost;
import io.socketee.internal.adapter.NamespaceHost;
import io.socketee.internal.adapter.memory.InMemoryAdapter;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Makes the classic Redis adapter of each namespace, all on one {@link RedisBus} (one subscriber
 * connection for the node). Each namespace gets its own 6-character uid, as Node's adapter does.
 *
 * <p>Thread-safe: the random source is thread-safe and the bus is shared.
 */
public final class RedisAdapters implements AdapterFactory {
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    private final RedisBus bus;
    private final String key;
    private final Duration requestsTimeout;
    private final ScheduledExecutorService scheduler;
    private final SecureRandom random = new SecureRandom();

    private final MetricsRecorder metrics;

    public RedisAdapters(RedisBus bus, String key, Duration requestsTimeout, ScheduledExecutorService scheduler) {
        this(bus, key, requestsTimeout, scheduler, MetricsRecorder.NONE);
    }

    /** As the other constructor, with request timeouts and bad messages counted in {@code metrics}. */
    public RedisAdapters(RedisBus bus, String key, Duration requestsTimeout, ScheduledExecutorService scheduler,
            MetricsRecorder metrics) {
        this.metrics = metrics;
        this.bus = bus;
        this.key = key;
        this.requestsTimeout = requestsTimeout;
        this.scheduler = scheduler;
    }

    /**
     * The factory for the Redis {@code endpoints} name, on Jedis.
     *
     * @throws IllegalStateException when Jedis is not in the application
     */
    public static RedisAdapters connect(RedisEndpoints endpoints, String key, Duration requestsTimeout, ScheduledExecutorService scheduler,
            java.util.concurrent.ThreadFactory threads, MetricsRecorder metrics) {
        try {
            Class.forName("redis.clients.jedis.Jedis", false, RedisAdapters.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("socketio.adapter=redis needs the Redis client in the application: add "
                    + "redis.clients:jedis to the WAR (see docs/clustering.md)", e);
        }
        String node = key + "-socketee-node#" + randomId(new SecureRandom(), 12) + "#";
        return new RedisAdapters(new JedisRedisBus(endpoints, node, threads, metrics), key,
                requestsTimeout, scheduler, metrics);
    }

    @Override
    public Adapter create(AdapterHost host, Adapter local) {
        if (!(local instanceof InMemoryAdapter memory)) {
            throw new IllegalArgumentException("the Redis adapter wraps the server's in-memory adapter, not " + local);
        }
        return new ClassicRedisAdapter(NamespaceHost.of(host), memory, bus, key, randomId(random, 6), requestsTimeout, scheduler,
                () -> randomId(random, 16), metrics);
    }

    /** Whether the node is connected to Redis now. */
    public boolean connected() {
        return bus.connected();
    }

    @Override
    public void close() {
        bus.close();
    }

    private static String randomId(SecureRandom random, int length) {
        char[] id = new char[length];
        for (int i = 0; i < length; i++) {
            id[i] = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
        }
        return new String(id);
    }
}
