package io.socketee.internal.adapter.redis.sharded;

import io.socketee.internal.adapter.redis.RedisPublisher;
import io.socketee.internal.metrics.Counter;
import io.socketee.internal.metrics.MetricsRecorder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import redis.clients.jedis.BinaryJedisShardedPubSub;
import redis.clients.jedis.Connection;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.JedisCluster;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.providers.ClusterConnectionProvider;
import redis.clients.jedis.util.JedisClusterCRC16;

/**
 * {@link ShardedBus} on Jedis' cluster client. SPUBLISH goes through {@link JedisCluster}, which
 * follows MOVED and ASK redirections and renews its slot map after a failure, from a
 * {@link RedisPublisher} (its own thread; 16 MiB may wait), so no caller waits for Redis. Subscriptions are
 * kept by one reconciler thread: it maps each wanted channel to the master that serves its slot
 * now and keeps one subscriber connection per such master (a thread each), sending SSUBSCRIBE and
 * SUNSUBSCRIBE one channel at a time (one command may only name channels of one slot). When a
 * subscriber's connection breaks (a master died), or Redis unsubscribes a channel itself (its slot
 * moved to another master), the reconciler renews the slot map and subscribes again where the
 * slot is now, retrying with backoff (100 ms doubling to 1 s) until a replica has been promoted.
 * Messages published while a slot has no master are lost, as with Node's adapter.
 *
 * <p>Thread-safe: the wanted channels are a concurrent map; the subscribers are the reconciler
 * thread's alone; each subscriber's channel set is concurrent (its own thread removes the
 * channels Redis unsubscribes).
 */
public final class JedisShardedBus implements ShardedBus {
    private static final Logger LOG = Logger.getLogger(JedisShardedBus.class.getName());
    private static final long FIRST_BACKOFF_MILLIS = 100;
    private static final long MAX_BACKOFF_MILLIS = 1000;
    private static final int SLOTS = 16384;

    private final ClusterConnectionProvider provider;
    private final JedisCluster cluster;
    private final JedisClientConfig subscriberConfig;
    private final ThreadFactory threads;
    private final MetricsRecorder metrics;
    private final Map<String, Listener> wanted = new ConcurrentHashMap<>();
    /** Reconciler thread only. */
    private final Map<HostAndPort, Shard> shards = new HashMap<>();
    private final Object signal = new Object();
    private final Thread reconciler;
    private final RedisPublisher publisher;
    /** Guarded by {@link #signal}. */
    private boolean dirty;
    /** Guarded by {@link #signal}: the slot map must be read again from the cluster. */
    private boolean renew;
    private volatile boolean healthy;
    private volatile boolean closed;

    /**
     * Connects to the cluster through {@code seeds} and starts the reconciler.
     *
     * @param commandConfig the configuration of command connections
     * @param subscriberConfig the configuration of subscriber connections (reads that never time out)
     */
    public JedisShardedBus(Set<HostAndPort> seeds, JedisClientConfig commandConfig, JedisClientConfig subscriberConfig,
            ThreadFactory threads, MetricsRecorder metrics) {
        this.provider = new ClusterConnectionProvider(seeds, commandConfig);
        this.cluster = new JedisCluster(provider, 3, Duration.ofSeconds(2));
        this.subscriberConfig = subscriberConfig;
        this.threads = threads;
        this.metrics = metrics;
        this.publisher = new RedisPublisher(this::spublishAll, RedisPublisher.CAPACITY, threads, metrics,
                "the Redis Cluster of " + seeds);
        this.reconciler = threads.newThread(this::reconcileLoop);
        reconciler.setName("socketee-redis-sharded-subscriber");
        reconciler.setDaemon(true);
        reconciler.start();
    }

    @Override
    public void publish(String channel, byte[] message) {
        publisher.offer(channel.getBytes(StandardCharsets.UTF_8), message); // never waits for Redis
    }

    /** On the publisher's thread: each SPUBLISH to the master of its channel's slot, in order. */
    private void spublishAll(List<RedisPublisher.Message> batch) {
        for (RedisPublisher.Message m : batch) {
            cluster.spublish(m.channel(), m.body());
        }
    }

    /** {@code PUBSUB SHARDNUMSUB channel} on every master, summed, as Node's adapter counts. */
    @Override
    public long numSub(String channel) {
        long sum = 0;
        try {
            for (HostAndPort master : masters()) {
                try (Jedis jedis = new Jedis(provider.getConnection(master))) {
                    Long n = jedis.pubsubShardNumSub(channel).get(channel);
                    sum += n == null ? 0 : n;
                }
            }
        } catch (JedisException e) {
            throw new IllegalStateException("cannot count the subscribers of " + channel, e);
        }
        return sum;
    }

    @Override
    public Subscription subscribe(String channel, Listener listener) {
        if (wanted.putIfAbsent(channel, listener) != null) {
            throw new IllegalStateException("already subscribed to " + channel);
        }
        wake(false);
        return () -> {
            if (wanted.remove(channel, listener)) {
                wake(false);
            }
        };
    }

    @Override
    public boolean connected() {
        return healthy && !closed;
    }

    @Override
    public void close() {
        closed = true;
        reconciler.interrupt();
        publisher.close();
        cluster.close();
    }

    private void wake(boolean renewSlots) {
        synchronized (signal) {
            dirty = true;
            renew |= renewSlots;
            signal.notifyAll();
        }
    }

    private void reconcileLoop() {
        long backoff = FIRST_BACKOFF_MILLIS;
        boolean away = false;
        while (!closed) {
            boolean renewNow;
            synchronized (signal) {
                while (!dirty && !closed) {
                    try {
                        signal.wait(MAX_BACKOFF_MILLIS);
                    } catch (InterruptedException e) {
                        // closed, or spurious: the loop checks
                    }
                    if (shards.values().stream().anyMatch(s -> !s.alive())) {
                        dirty = renew = true;
                    }
                }
                renewNow = renew;
                dirty = renew = false;
            }
            if (closed) {
                break;
            }
            try {
                if (renewNow) {
                    provider.renewSlotCache();
                }
                reconcile();
                healthy = true;
                if (away) {
                    away = false;
                    metrics.increment(Counter.REDIS_RECONNECTS);
                    LOG.info("SOCKETEE-REDIS-019 every sharded channel is subscribed again");
                }
                backoff = FIRST_BACKOFF_MILLIS;
            } catch (RuntimeException e) {
                healthy = false;
                if (!away) {
                    away = true;
                    LOG.warning(() -> "SOCKETEE-REDIS-018 cannot subscribe to the sharded channels (" + e.getMessage()
                            + "); trying again as the cluster's slots move");
                }
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException ie) {
                    // closed: the loop checks
                }
                backoff = Math.min(MAX_BACKOFF_MILLIS, backoff * 2);
                wake(true);
            }
        }
        shards.values().forEach(Shard::close);
        shards.clear();
    }

    /** Brings the subscribers in line with the wanted channels and the slot map. */
    private void reconcile() {
        Map<HostAndPort, Set<String>> plan = new HashMap<>();
        for (String channel : wanted.keySet()) {
            HostAndPort master = provider.getNode(JedisClusterCRC16.getSlot(channel.getBytes(StandardCharsets.UTF_8)));
            if (master == null) {
                throw new IllegalStateException("no master serves the slot of " + channel);
            }
            plan.computeIfAbsent(master, m -> new LinkedHashSet<>()).add(channel);
        }
        for (Iterator<Map.Entry<HostAndPort, Shard>> it = shards.entrySet().iterator(); it.hasNext();) {
            Map.Entry<HostAndPort, Shard> e = it.next();
            if (!e.getValue().alive() || !plan.containsKey(e.getKey())) {
                e.getValue().close();
                it.remove();
            }
        }
        for (Map.Entry<HostAndPort, Set<String>> e : plan.entrySet()) {
            Shard shard = shards.get(e.getKey());
            if (shard == null) {
                shard = new Shard(e.getKey(), e.getValue().iterator().next());
                shards.put(e.getKey(), shard);
            }
            shard.align(e.getValue());
        }
    }

    private Set<HostAndPort> masters() {
        Set<HostAndPort> masters = new HashSet<>();
        for (int slot = 0; slot < SLOTS; slot++) {
            HostAndPort node = provider.getNode(slot);
            if (node != null) {
                masters.add(node);
            }
        }
        return masters;
    }

    /**
     * One subscriber connection to one master, on its own thread.
     *
     * <p>Thread-safe: {@link #channels} is concurrent; commands are sent by the reconciler only.
     */
    private final class Shard extends BinaryJedisShardedPubSub {
        private final HostAndPort master;
        private final Connection connection;
        /** The channels subscribed, or asked for; those Redis unsubscribes are removed. */
        private final Set<String> channels = ConcurrentHashMap.newKeySet();
        private final CountDownLatch started = new CountDownLatch(1);
        private final Thread thread;
        private volatile boolean alive = true;

        /** Connects and subscribes to {@code first}; throws when the master does not confirm within 2 s. */
        Shard(HostAndPort master, String first) {
            this.master = master;
            this.connection = new Connection(master, subscriberConfig);
            channels.add(first);
            this.thread = threads.newThread(() -> run(first));
            thread.setName("socketee-redis-sharded-" + master);
            thread.setDaemon(true);
            thread.start();
            try {
                if (!started.await(2, TimeUnit.SECONDS)) {
                    close();
                    throw new IllegalStateException(master + " did not confirm SSUBSCRIBE " + first);
                }
            } catch (InterruptedException e) {
                close();
                throw new IllegalStateException("closed", e);
            }
            if (!alive) {
                throw new IllegalStateException("cannot subscribe on " + master);
            }
        }

        private void run(String first) {
            try {
                proceed(connection, first.getBytes(StandardCharsets.UTF_8));
            } catch (JedisException e) {
                if (!closed) {
                    LOG.log(Level.FINE, "the subscriber connection to " + master + " broke", e);
                }
            } finally {
                alive = false;
                started.countDown();
                wake(true);
            }
        }

        boolean alive() {
            return alive;
        }

        /** Subscribes to what is missing and unsubscribes from what is no longer wanted here. */
        void align(Set<String> wantedHere) {
            for (String channel : wantedHere) {
                if (channels.add(channel)) {
                    ssubscribe(channel.getBytes(StandardCharsets.UTF_8));
                }
            }
            for (String channel : Set.copyOf(channels)) {
                if (!wantedHere.contains(channel) && channels.remove(channel)) {
                    sunsubscribe(channel.getBytes(StandardCharsets.UTF_8));
                }
            }
        }

        @Override
        public void onSSubscribe(byte[] channel, int subscribedChannels) {
            started.countDown();
        }

        @Override
        public void onSUnsubscribe(byte[] channel, int subscribedChannels) {
            String name = new String(channel, StandardCharsets.UTF_8);
            if (channels.remove(name) && wanted.containsKey(name)) {
                // Redis dropped it: its slot moved to another master
                LOG.fine(() -> "Redis unsubscribed " + name + " on " + master + ": its slot moved");
                wake(true);
            }
        }

        @Override
        public void onSMessage(byte[] channel, byte[] message) {
            Listener listener = wanted.get(new String(channel, StandardCharsets.UTF_8));
            if (listener == null) {
                return;
            }
            metrics.increment(Counter.REDIS_MESSAGES_RECEIVED);
            try {
                listener.onMessage(message);
            } catch (RuntimeException e) {
                metrics.increment(Counter.REDIS_ERRORS);
                LOG.log(Level.WARNING, "SOCKETEE-REDIS-003 a sharded message failed", e);
            }
        }

        void close() {
            alive = false;
            try {
                connection.close();
            } catch (RuntimeException e) {
                // already broken
            }
            thread.interrupt();
        }
    }
}
