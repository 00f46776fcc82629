package io.socketee.internal.adapter.redis.streams;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import java.util.concurrent.ThreadFactory;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Reads the stream on a thread of its own ({@code XREAD BLOCK ... COUNT ...}), from the entry that
 * was last when it started, and hands each entry on, in order. When Redis goes away it retries
 * with backoff (100 ms doubling to 5 s) and resumes after the last entry it read, so an outage
 * loses nothing that reached the stream. Unlike Node's, which starts from {@code $} until its
 * first entry, it resolves the starting id once, so no entry falls between two empty reads.
 *
 * <p>Thread-safe: its state is the reader thread's; {@link #close} may be called from any thread.
 */
final class StreamReader implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(StreamReader.class.getName());
    private static final long FIRST_BACKOFF_MILLIS = 100;
    private static final long MAX_BACKOFF_MILLIS = 5000;

    private final StreamsStore store;
    private final String stream;
    private final int count;
    private final Duration block;
    private final Consumer<StreamEntry> onEntry;
    private final Thread thread;
    private volatile boolean closed;
    /** The id of the last entry read, null before the start is known. Reader thread only. */
    private String last;

    StreamReader(StreamsStore store, String stream, int count, Duration block, Consumer<StreamEntry> onEntry,
            ThreadFactory threads) {
        this.store = store;
        this.stream = stream;
        this.count = count;
        this.block = block;
        this.onEntry = onEntry;
        this.thread = threads.newThread(this::loop);
        thread.setName("socketee-redis-stream-reader");
        thread.setDaemon(true);
        thread.start();
    }

    private void loop() {
        long backoff = FIRST_BACKOFF_MILLIS;
        boolean away = false;
        while (!closed) {
            try {
                if (last == null) {
                    last = store.lastId(stream);
                }
                List<StreamEntry> entries = store.read(stream, last, count, block);
                if (away) {
                    away = false;
                    LOG.info(() -> "SOCKETEE-REDIS-014 reading stream " + stream + " again, after " + last);
                }
                backoff = FIRST_BACKOFF_MILLIS;
                for (StreamEntry e : entries) {
                    last = e.id();
                    try {
                        onEntry.accept(e);
                    } catch (RuntimeException ex) {
                        LOG.log(Level.WARNING, "SOCKETEE-REDIS-003 stream entry " + e.id() + " failed", ex);
                    }
                }
            } catch (RuntimeException e) {
                // Redis away (IllegalStateException), or refusing to read the stream: try again later
                if (closed) {
                    break;
                }
                if (!away) {
                    away = true;
                    LOG.warning(() -> "SOCKETEE-REDIS-013 cannot read stream " + stream + " (" + e.getMessage()
                            + "); resuming after " + last + " when Redis is back");
                }
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException ie) {
                    // closed: the loop checks
                }
                backoff = Math.min(MAX_BACKOFF_MILLIS, backoff * 2);
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
    }
}
