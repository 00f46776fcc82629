package io.socketee.internal.adapter.redis.streams;

import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.logging.Logger;

/**
 * Appends entries to the stream in the order they were given, on a thread of its own, so no
 * caller waits for Redis: while Redis is away the entries wait (up to a capacity) and each is
 * retried, with backoff from 100 ms to 5 s, until Redis takes it. Each entry's result completes
 * with its id, on the writer thread, in order; an entry Redis refuses (an error reply, such as a
 * stream key of another type) fails alone.
 *
 * <p>Thread-safe: the outbox is a blocking queue; the store is called from the writer thread only.
 */
final class StreamWriter implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(StreamWriter.class.getName());
    private static final long FIRST_BACKOFF_MILLIS = 100;
    private static final long MAX_BACKOFF_MILLIS = 5000;

    private final StreamsStore store;
    private final long maxLen;
    private final BlockingQueue<Job> outbox;
    private final Thread thread;
    private volatile boolean closed;

    StreamWriter(StreamsStore store, long maxLen, int capacity, ThreadFactory threads) {
        this.store = store;
        this.maxLen = maxLen;
        this.outbox = new LinkedBlockingQueue<>(capacity);
        this.thread = threads.newThread(this::loop);
        thread.setName("socketee-redis-stream-writer");
        thread.setDaemon(true);
        thread.start();
    }

    /** Queues {@code fields} for {@code stream}; fails at once when the outbox is full or the writer closed. */
    CompletableFuture<String> add(String stream, Map<String, String> fields) {
        Job job = new Job(stream, fields, new CompletableFuture<>());
        if (closed || !outbox.offer(job)) {
            job.result.completeExceptionally(new IllegalStateException(closed ? "the stream writer is closed"
                    : "SOCKETEE-REDIS-011 more than " + (outbox.size() + outbox.remainingCapacity())
                            + " messages wait for Redis: this one is dropped"));
        }
        return job.result;
    }

    private void loop() {
        boolean away = false;
        while (!closed) {
            Job job;
            try {
                job = outbox.take();
            } catch (InterruptedException e) {
                continue; // closed, or spurious: the loop checks
            }
            long backoff = FIRST_BACKOFF_MILLIS;
            while (true) {
                try {
                    String id = store.add(job.stream, maxLen, job.fields);
                    if (away) {
                        away = false;
                        LOG.info("SOCKETEE-REDIS-012 Redis is back: the stream writer goes on");
                    }
                    job.result.complete(id);
                    break;
                } catch (IllegalArgumentException e) {
                    LOG.warning(() -> "SOCKETEE-REDIS-017 Redis refused a stream entry: " + e.getMessage());
                    job.result.completeExceptionally(e);
                    break;
                } catch (IllegalStateException e) {
                    if (!away) {
                        away = true;
                        LOG.warning(() -> "SOCKETEE-REDIS-010 cannot append to the stream (" + e.getMessage()
                                + "); messages wait until Redis is back");
                    }
                }
                if (closed) {
                    job.result.completeExceptionally(new IllegalStateException("the stream writer is closed"));
                    break;
                }
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException e) {
                    // closed: checked above on the next round
                }
                backoff = Math.min(MAX_BACKOFF_MILLIS, backoff * 2);
            }
        }
        Job left;
        while ((left = outbox.poll()) != null) {
            left.result.completeExceptionally(new IllegalStateException("the stream writer is closed"));
        }
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
    }

    private record Job(String stream, Map<String, String> fields, CompletableFuture<String> result) {
    }
}
