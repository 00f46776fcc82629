package io.socketee.internal.adapter.redis.streams;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Redis commands of the Streams adapter beyond pub/sub, and nothing else. The Jedis
 * implementation talks to a real Redis; tests use an in-memory one. Every method throws
 * {@link IllegalStateException} when Redis cannot be reached (try again later), and
 * {@link IllegalArgumentException} when Redis answers the command with an error (trying again
 * would not help).
 *
 * <p>Implementations are thread-safe, except {@link #read}, which one thread (the reader) calls.
 */
public interface StreamsStore extends AutoCloseable {

    /** {@code XADD stream MAXLEN ~ maxLen * fields...}: the new entry's id. */
    String add(String stream, long maxLen, Map<String, String> fields);

    /**
     * {@code XREAD BLOCK block COUNT count STREAMS stream after}: the entries after id
     * {@code after}, waiting up to {@code block} for one; empty when none came.
     */
    List<StreamEntry> read(String stream, String after, int count, Duration block);

    /** {@code XRANGE stream from to}: the entries between both ids, both included ({@code +} is the end). */
    List<StreamEntry> range(String stream, String from, String to);

    /** The id of the stream's last entry, {@code 0-0} when it has none. */
    String lastId(String stream);

    /** {@code SET key value PX ttl}. */
    void set(String key, String value, Duration ttl);

    /** {@code MULTI; GET key; DEL key; EXEC}: the value, which no one can take again. */
    Optional<String> take(String key);

    @Override
    void close();
}
