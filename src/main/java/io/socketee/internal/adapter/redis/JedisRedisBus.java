package io.socketee.internal.adapter.redis;

import io.socketee.internal.metrics.MetricsRecorder;
import io.socketee.internal.metrics.Counter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadFactory;
import java.util.logging.Level;
import java.util.logging.Logger;
import redis.clients.jedis.BinaryJedisPubSub;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisException;

/**
 * {@link RedisBus} on Jedis: PUBLISHes queued to a {@link RedisPublisher} (its own thread,
 * pipelining what waits; 16 MiB may wait), a pool of connections for it and {@code PUBSUB
 * NUMSUB}, and exactly one subscriber connection for the whole node, on its own thread. On a Redis Cluster,
 * PUBLISH reaches every node, so the subscriber may be on any; when its node dies it subscribes
 * again through another. With Redis Sentinel it follows the master the sentinels name. When Redis goes away
 * the subscriber reconnects with exponential backoff (100 ms doubling to 5 s) and subscribes
 * everything again; meanwhile publishing is skipped at once (local delivery goes on) and the
 * server count is unknown.
 *
 * <p>Thread-safe: subscriptions are a copy-on-write list; commands to the live subscriber
 * connection from other threads are serialised by {@link #commands}.
 */
public final class JedisRedisBus implements RedisBus {
    private static final Logger LOG = Logger.getLogger(JedisRedisBus.class.getName());
    private static final long FIRST_BACKOFF_MILLIS = 100;
    private static final long MAX_BACKOFF_MILLIS = 5000;

    private final String address;
    private final JedisConnections connections;
    /** The subscriber thread's client: a connection to any node of a cluster, to the master of sentinels. */
    private final UnifiedJedis subscriberClient;
    private final String nodeChannel;
    private final RedisPublisher publisher;
    private final List<Sub> subs = new CopyOnWriteArrayList<>();
    private final Object commands = new Object();
    private final Thread subscriber;
    private volatile Handler live;
    private volatile boolean closed;
    private volatile boolean reportOutage = true;
    private final MetricsRecorder metrics;
    /** Whether a subscription was ever live: the next one is a reconnection. Subscriber thread only. */
    private boolean subscribedBefore;

    /**
     * Connects to the Redis {@code endpoints} name and starts the subscriber.
     *
     * @param nodeChannel a channel of this node alone, so the subscriber connection has something
     *     to subscribe to before any namespace does
     */
    public JedisRedisBus(RedisEndpoints endpoints, String nodeChannel, ThreadFactory threads,
            MetricsRecorder metrics) {
        this(new JedisConnections(endpoints), nodeChannel, threads, metrics);
    }

    /** As the other constructor, on {@code connections} (which {@link #close} closes). */
    public JedisRedisBus(JedisConnections connections, String nodeChannel, ThreadFactory threads,
            MetricsRecorder metrics) {
        this.metrics = metrics;
        this.connections = connections;
        this.address = connections.description();
        this.subscriberClient = connections.subscriber();
        this.nodeChannel = nodeChannel;
        this.publisher = new RedisPublisher(connections::publishAll, RedisPublisher.CAPACITY, threads, metrics, address);
        this.subscriber = threads.newThread(this::subscribeLoop);
        subscriber.setName("socketee-redis-subscriber");
        subscriber.setDaemon(true);
        subscriber.start();
    }

    @Override
    public void publish(String channel, byte[] message) {
        if (live == null) {
            LOG.fine(() -> "Redis is away: not published on " + channel);
            metrics.increment(Counter.REDIS_ERRORS);
            return;
        }
        publisher.offer(channel.getBytes(StandardCharsets.UTF_8), message); // never waits for Redis
    }

    @Override
    public long numSub(String channel) {
        if (live == null) {
            throw new IllegalStateException("Redis is away");
        }
        try {
            return subscribers(channel);
        } catch (JedisConnectionException e) {
            // a connection of the pool made before Redis restarted: counting is safe to repeat
            connections.dropIdleAfter(e);
            try {
                return subscribers(channel);
            } catch (JedisException again) {
                throw new IllegalStateException("cannot count the subscribers of " + channel, again);
            }
        } catch (JedisException e) {
            throw new IllegalStateException("cannot count the subscribers of " + channel, e);
        }
    }

    private long subscribers(String channel) {
        // a cluster counts the subscribers of each node apart: Node's adapter sums them too
        return connections.onEveryNode(jedis -> jedis.pubsubNumSub(channel).get(channel)).stream()
                .mapToLong(n -> n == null ? 0 : n).sum();
    }

    @Override
    public Subscription subscribe(List<String> patterns, List<String> channels, Listener listener) {
        Sub sub = new Sub(List.copyOf(patterns), List.copyOf(channels), listener);
        subs.add(sub);
        send(h -> {
            if (!sub.channels.isEmpty()) {
                h.subscribe(bytes(sub.channels));
            }
            if (!sub.patterns.isEmpty()) {
                h.psubscribe(bytes(sub.patterns));
            }
        });
        return () -> {
            if (subs.remove(sub)) {
                List<String> unusedChannels = new ArrayList<>(sub.channels);
                List<String> unusedPatterns = new ArrayList<>(sub.patterns);
                for (Sub other : subs) {
                    unusedChannels.removeAll(other.channels);
                    unusedPatterns.removeAll(other.patterns);
                }
                send(h -> {
                    if (!unusedChannels.isEmpty()) {
                        h.unsubscribe(bytes(unusedChannels));
                    }
                    if (!unusedPatterns.isEmpty()) {
                        h.punsubscribe(bytes(unusedPatterns));
                    }
                });
            }
        };
    }

    @Override
    public boolean connected() {
        return live != null;
    }

    @Override
    public void close() {
        closed = true;
        send(Handler::unsubscribeAll);
        subscriber.interrupt();
        publisher.close();
        subscriberClient.close();
        connections.close();
    }

    /** Runs {@code command} on the live subscriber connection, if there is one; a failure waits for the reconnection. */
    private void send(java.util.function.Consumer<Handler> command) {
        synchronized (commands) {
            Handler h = live;
            if (h == null) {
                return; // the next connection subscribes everything in subs
            }
            try {
                command.accept(h);
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "a command to the Redis subscriber failed; it reconnects", e);
            }
        }
    }

    private void subscribeLoop() {
        long backoff = FIRST_BACKOFF_MILLIS;
        while (!closed) {
            Handler handler = new Handler();
            try {
                // on a new connection each time: any live node of a cluster, the master sentinels name now
                subscriberClient.subscribe(handler, nodeChannel.getBytes(StandardCharsets.UTF_8)); // returns when unsubscribed or lost
            } catch (RuntimeException e) {
                // a Jedis failure, or anything else thrown on this thread (a callback's bug): the
                // loop must outlive it, or this node would count and hear no other server again
                if (!(e instanceof JedisException || e instanceof IllegalStateException)) {
                    LOG.log(Level.WARNING, "SOCKETEE-REDIS-001 the Redis subscriber at " + address
                            + " failed; it subscribes again", e);
                }
                if (reportOutage && !closed) {
                    reportOutage = false; // once per outage; the next subscription logs its own line
                    LOG.warning(() -> "SOCKETEE-REDIS-001 Redis at " + address + " is away (" + e.getMessage()
                            + "); broadcasts stay on this server until it is back");
                }
            }
            boolean reached = handler.ready;
            synchronized (commands) {
                live = null;
            }
            if (closed) {
                break;
            }
            backoff = reached ? FIRST_BACKOFF_MILLIS : Math.min(MAX_BACKOFF_MILLIS, backoff * 2);
            try {
                Thread.sleep(backoff);
            } catch (InterruptedException e) {
                if (closed) {
                    break;
                }
            }
        }
    }

    private static byte[][] bytes(List<String> names) {
        byte[][] b = new byte[names.size()][];
        for (int i = 0; i < b.length; i++) {
            b[i] = names.get(i).getBytes(StandardCharsets.UTF_8);
        }
        return b;
    }

    /** The subscriber connection's callbacks, on the subscriber thread. */
    private final class Handler extends BinaryJedisPubSub {
        volatile boolean ready;

        @Override
        public void onSubscribe(byte[] channel, int count) {
            if (ready || !new String(channel, StandardCharsets.UTF_8).equals(nodeChannel)) {
                return;
            }
            // first subscription done: subscribe everything the namespaces need, then go live
            synchronized (commands) {
                Set<String> channels = new LinkedHashSet<>();
                Set<String> patterns = new LinkedHashSet<>();
                for (Sub s : subs) {
                    channels.addAll(s.channels);
                    patterns.addAll(s.patterns);
                }
                if (!channels.isEmpty()) {
                    subscribe(bytes(List.copyOf(channels)));
                }
                if (!patterns.isEmpty()) {
                    psubscribe(bytes(List.copyOf(patterns)));
                }
                ready = true;
                live = this;
            }
            reportOutage = true;
            if (subscribedBefore) {
                metrics.increment(Counter.REDIS_RECONNECTS);
                connections.dropIdle(); // made before the outage: the first command on each would fail
            }
            subscribedBefore = true;
            LOG.info(() -> "SOCKETEE-REDIS-000 subscribed to Redis at " + address);
        }

        @Override
        public void onMessage(byte[] channel, byte[] message) {
            metrics.increment(Counter.REDIS_MESSAGES_RECEIVED);
            String name = new String(channel, StandardCharsets.UTF_8);
            for (Sub s : subs) {
                if (s.channels.contains(name)) {
                    deliver(s, name, message);
                }
            }
        }

        @Override
        public void onPMessage(byte[] pattern, byte[] channel, byte[] message) {
            metrics.increment(Counter.REDIS_MESSAGES_RECEIVED);
            String p = new String(pattern, StandardCharsets.UTF_8);
            String name = new String(channel, StandardCharsets.UTF_8);
            for (Sub s : subs) {
                if (s.patterns.contains(p)) {
                    deliver(s, name, message);
                }
            }
        }

        void unsubscribeAll() {
            if (isSubscribed()) {
                unsubscribe();
                punsubscribe();
            }
        }

        private void deliver(Sub s, String channel, byte[] message) {
            try {
                s.listener.onMessage(channel, message);
            } catch (RuntimeException e) {
                metrics.increment(Counter.REDIS_ERRORS);
                LOG.log(Level.WARNING, "SOCKETEE-REDIS-003 a message on " + channel + " failed", e);
            }
        }
    }

    private record Sub(List<String> patterns, List<String> channels, Listener listener) {
    }
}
