package io.socketee.internal.adapter.redis;

import io.socketee.internal.metrics.Counter;
import io.socketee.internal.metrics.MetricsRecorder;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadFactory;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The PUBLISHes of one server, sent by a thread of its own so that no caller ever waits for
 * Redis (a broadcast from a request thread, a timer or a WebSocket thread only queues). The
 * queue is bounded in bytes ({@code capacity}): a message that does not fit is dropped at once,
 * counted and logged once per episode, as a message published while Redis is away is; one
 * message larger than the bound still goes when nothing else waits. The thread sends what waits
 * in batches, in the order offered (one round trip per batch where the sink pipelines); a batch
 * that fails is dropped and counted, like a failed PUBLISH.
 *
 * <p>Thread-safe: the queue is guarded by its monitor; the sink is called from the publisher
 * thread only.
 */
public final class RedisPublisher implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(RedisPublisher.class.getName());
    /** A batch holds at most this many messages... */
    static final int MAX_BATCH = 256;
    /** ...and at most this many bytes, unless one message alone is larger. */
    static final long MAX_BATCH_BYTES = 1 << 20;
    /** The bytes that may wait for Redis in a server's publisher: a slow Redis costs it this much, no more. */
    public static final long CAPACITY = 16L << 20;

    /** One PUBLISH: the channel's name and the message, as bytes. */
    public record Message(byte[] channel, byte[] body) {
        long size() {
            return (long) channel.length + body.length;
        }
    }

    /** Sends a batch to Redis, in order; throws when it could not. */
    @FunctionalInterface
    public interface Sink {
        void send(List<Message> batch);
    }

    private final Sink sink;
    private final long capacity;
    private final MetricsRecorder metrics;
    private final String redis;
    private final Thread thread;
    private final ArrayDeque<Message> queue = new ArrayDeque<>();
    /** Guarded by {@link #queue}. */
    private long queuedBytes;
    /** Guarded by {@link #queue}. */
    private boolean closed;
    /** Guarded by {@link #queue}: a drop was logged and the queue has not been empty since. */
    private boolean droppingReported;

    /**
     * Starts the publisher thread.
     *
     * @param capacity the bytes (channels and messages) that may wait
     * @param redis where Redis is, for the log
     */
    public RedisPublisher(Sink sink, long capacity, ThreadFactory threads, MetricsRecorder metrics, String redis) {
        if (capacity <= 0) {
            throw new IllegalArgumentException("capacity must be positive: " + capacity);
        }
        this.sink = sink;
        this.capacity = capacity;
        this.metrics = metrics;
        this.redis = redis;
        this.thread = threads.newThread(this::run);
        thread.setName("socketee-redis-publisher");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Queues a PUBLISH and returns at once.
     *
     * @return false when it was dropped: the queue is full or the publisher closed
     */
    public boolean offer(byte[] channel, byte[] body) {
        Message m = new Message(channel, body);
        synchronized (queue) {
            if (closed) {
                metrics.increment(Counter.REDIS_ERRORS);
                return false;
            }
            if (!queue.isEmpty() && queuedBytes + m.size() > capacity) {
                metrics.increment(Counter.REDIS_ERRORS);
                if (!droppingReported) {
                    droppingReported = true;
                    LOG.warning(() -> "SOCKETEE-REDIS-020 more than " + capacity + " bytes wait to be published to "
                            + redis + "; new messages are dropped until it catches up");
                }
                return false;
            }
            queue.add(m);
            queuedBytes += m.size();
            if (queue.size() == 1) {
                queue.notifyAll();
            }
            return true;
        }
    }

    /** The bytes waiting to be published (for tests and metrics). */
    public long queuedBytes() {
        synchronized (queue) {
            return queuedBytes;
        }
    }

    /** Stops the thread; what still waits is dropped. */
    @Override
    public void close() {
        synchronized (queue) {
            closed = true;
            queue.notifyAll();
        }
    }

    private void run() {
        List<Message> batch = new ArrayList<>();
        while (true) {
            synchronized (queue) {
                while (queue.isEmpty() && !closed) {
                    try {
                        queue.wait();
                    } catch (InterruptedException e) {
                        closed = true; // the container stops its threads: stop as close would
                    }
                }
                if (closed) {
                    metrics.add(Counter.REDIS_ERRORS, "", queue.size());
                    queue.clear();
                    queuedBytes = 0;
                    return;
                }
                long bytes = 0;
                while (!queue.isEmpty() && batch.size() < MAX_BATCH
                        && (batch.isEmpty() || bytes + queue.peek().size() <= MAX_BATCH_BYTES)) {
                    Message m = queue.poll();
                    bytes += m.size();
                    batch.add(m);
                }
                queuedBytes -= bytes;
                if (queue.isEmpty()) {
                    droppingReported = false;
                }
            }
            try {
                sink.send(batch);
                metrics.add(Counter.REDIS_PUBLISHES, "", batch.size());
            } catch (RuntimeException e) {
                metrics.add(Counter.REDIS_ERRORS, "", batch.size());
                LOG.log(Level.FINE, "SOCKETEE-REDIS-004 could not publish " + batch.size() + " messages to " + redis, e);
            }
            batch.clear();
        }
    }
}
