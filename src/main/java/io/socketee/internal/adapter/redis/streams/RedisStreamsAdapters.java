package io.socketee.internal.adapter.redis.streams;

import io.socketee.adapter.Adapter;
import io.socketee.adapter.AdapterFactory;
import io.socketee.adapter.AdapterHost;
import io.socketee.internal.adapter.NamespaceHost;
import io.socketee.internal.adapter.memory.InMemoryAdapter;
import io.socketee.internal.adapter.redis.JedisConnections;
import io.socketee.internal.adapter.redis.JedisRedisBus;
import io.socketee.internal.adapter.redis.RedisBus;
import io.socketee.internal.adapter.redis.RedisEndpoints;
import io.socketee.internal.metrics.Counter;
import io.socketee.internal.metrics.MetricsRecorder;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;

/**
 * Makes the Streams adapter of each namespace ({@code socketio.adapter=redis-streams}), all on one
 * node-wide stream writer, stream reader and pub/sub bus (one subscriber connection, so the node
 * counts once in {@code NUMSUB}). Entries are handed to the adapter of their namespace. Each
 * namespace gets its own uid and request ids of 16 hex characters, as Node's.
 *
 * <p>Thread-safe: the adapters are in a concurrent map, the random source is thread-safe.
 */
public final class RedisStreamsAdapters implements AdapterFactory {
    private final RedisBus bus;
    private final StreamsStore store;
    private final StreamsOptions options;
    private final Optional<Duration> recovery;
    private final ScheduledExecutorService scheduler;
    private final MetricsRecorder metrics;
    private final RedisStreamsAdapter.Outbox outbox;
    private final java.util.List<AutoCloseable> running = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final Map<String, RedisStreamsAdapter> adapters = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();

    /**
     * A factory whose entries go to {@code outbox}; whoever reads the stream hands each entry to
     * {@link #onEntry}.
     *
     * @param recovery the maximum disconnection duration when connection state recovery is on
     */
    RedisStreamsAdapters(RedisBus bus, StreamsStore store, RedisStreamsAdapter.Outbox outbox, StreamsOptions options,
            Optional<Duration> recovery, ScheduledExecutorService scheduler, MetricsRecorder metrics) {
        this.bus = bus;
        this.store = store;
        this.outbox = outbox;
        this.options = options;
        this.recovery = recovery;
        this.scheduler = scheduler;
        this.metrics = metrics;
    }

    /** The factory on {@code bus} and {@code store}, with the node's stream writer and reader started. */
    public static RedisStreamsAdapters start(RedisBus bus, StreamsStore store, StreamsOptions options,
            Optional<Duration> recovery, ScheduledExecutorService scheduler, ThreadFactory threads,
            MetricsRecorder metrics) {
        StreamWriter writer = new StreamWriter(store, options.maxLen(), options.outboxCapacity(), threads);
        RedisStreamsAdapters adapters = new RedisStreamsAdapters(bus, store, writer::add, options, recovery, scheduler,
                metrics);
        adapters.running.add(writer);
        adapters.running.add(new StreamReader(store, options.streamName(), options.readCount(), options.blockTime(),
                adapters::onEntry, threads));
        return adapters;
    }

    /**
     * The factory for the Redis {@code endpoints} name, on Jedis.
     *
     * @throws IllegalStateException when Jedis is not in the application
     */
    public static RedisStreamsAdapters connect(RedisEndpoints endpoints, StreamsOptions options, Optional<Duration> recovery, ScheduledExecutorService scheduler,
            ThreadFactory threads, MetricsRecorder metrics) {
        try {
            Class.forName("redis.clients.jedis.Jedis", false, RedisStreamsAdapters.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("socketio.adapter=redis-streams needs the Redis client in the application: "
                    + "add redis.clients:jedis to the WAR (see docs/clustering.md)", e);
        }
        String node = options.channelPrefix() + "-socketee-node#" + HexFormat.of().formatHex(bytes(new SecureRandom(), 8))
                + "#";
        return start(new JedisRedisBus(endpoints, node, threads, metrics),
                new JedisStreamsStore(new JedisConnections(endpoints)), options, recovery, scheduler,
                threads, metrics);
    }

    @Override
    public Adapter create(AdapterHost host, Adapter ignored) {
        NamespaceHost namespace = NamespaceHost.of(host);
        // a local adapter of its own, without the in-memory recovery store: offsets are stream ids
        RedisStreamsAdapter adapter = new RedisStreamsAdapter(namespace, new InMemoryAdapter(namespace), hex(),
                options, recovery, bus, outbox, store, scheduler, this::hex,
                () -> metrics.increment(Counter.REDIS_REQUEST_TIMEOUTS), () -> metrics.increment(Counter.REDIS_ERRORS),
                () -> adapters.remove(namespace.name()));
        adapters.put(namespace.name(), adapter);
        return adapter;
    }

    /** Hands an entry of the stream to the adapter of its namespace, if this node has it. */
    void onEntry(StreamEntry entry) {
        String nsp = entry.fields().get("nsp");
        RedisStreamsAdapter adapter = nsp == null ? null : adapters.get(nsp);
        if (adapter != null) {
            adapter.onEntry(entry, () -> metrics.increment(Counter.REDIS_ERRORS));
        }
    }

    /** Whether the node is connected to Redis now. */
    public boolean connected() {
        return bus.connected();
    }

    @Override
    public void close() {
        for (AutoCloseable r : running) {
            try {
                r.close();
            } catch (Exception e) {
                // closing anyway
            }
        }
        bus.close();
        store.close();
    }

    private String hex() {
        return HexFormat.of().formatHex(bytes(random, 8));
    }

    private static byte[] bytes(SecureRandom random, int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }
}
