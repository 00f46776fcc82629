package io.socketee.internal.adapter.redis.streams;

import io.socketee.internal.adapter.redis.JedisConnections;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Response;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.Transaction;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.params.SetParams;
import redis.clients.jedis.params.XAddParams;
import redis.clients.jedis.params.XReadParams;
import redis.clients.jedis.resps.StreamEntry;

/**
 * {@link StreamsStore} on Jedis: commands on the pool of {@link JedisConnections}, and the
 * blocking reads on one connection of their own (reopened after a failure), whose read timeout
 * outlasts the block time.
 *
 * <p>Thread-safe: the pool is; the reading connection is the reader thread's alone.
 */
public final class JedisStreamsStore implements StreamsStore {
    private final JedisConnections connections;
    /** The reader thread's connection; null until the first read and after a failure. */
    private volatile Jedis reading;

    public JedisStreamsStore(JedisConnections connections) {
        this.connections = connections;
    }

    @Override
    public String add(String stream, long maxLen, Map<String, String> fields) {
        return call(j -> j.xadd(stream, XAddParams.xAddParams().maxLen(maxLen).approximateTrimming(), fields)
                .toString());
    }

    @Override
    public List<io.socketee.internal.adapter.redis.streams.StreamEntry> read(String stream, String after, int count,
            Duration block) {
        try {
            Jedis r = reading;
            if (r == null) {
                r = connections.single(block.plusSeconds(5));
                reading = r;
            }
            List<Map.Entry<String, List<StreamEntry>>> got = r.xread(
                    XReadParams.xReadParams().block((int) block.toMillis()).count(count),
                    Map.of(stream, new StreamEntryID(after)));
            return got == null || got.isEmpty() ? List.of() : entries(got.get(0).getValue());
        } catch (JedisDataException e) {
            throw new IllegalArgumentException("Redis refused to read stream " + stream + ": " + e.getMessage(), e);
        } catch (JedisException e) {
            closeReading();
            throw new IllegalStateException("cannot read stream " + stream + ": " + e.getMessage(), e);
        }
    }

    @Override
    public List<io.socketee.internal.adapter.redis.streams.StreamEntry> range(String stream, String from, String to) {
        return call(j -> entries(j.xrange(stream, from, to)));
    }

    @Override
    public String lastId(String stream) {
        return call(j -> {
            List<StreamEntry> last = j.xrevrange(stream, "+", "-", 1);
            return last.isEmpty() ? "0-0" : last.get(0).getID().toString();
        });
    }

    @Override
    public void set(String key, String value, Duration ttl) {
        call(j -> j.set(key, value, SetParams.setParams().px(ttl.toMillis())));
    }

    @Override
    public Optional<String> take(String key) {
        return call(j -> {
            Transaction t = j.multi();
            Response<String> value = t.get(key);
            t.del(key);
            t.exec();
            return Optional.ofNullable(value.get());
        });
    }

    @Override
    public void close() {
        closeReading();
        connections.close();
    }

    private synchronized void closeReading() {
        if (reading != null) {
            try {
                reading.close();
            } catch (RuntimeException e) {
                // already broken
            }
            reading = null;
        }
    }

    private <T> T call(Function<Jedis, T> command) {
        try (Jedis jedis = connections.pooled()) {
            return command.apply(jedis);
        } catch (JedisDataException e) {
            throw new IllegalArgumentException("Redis refused: " + e.getMessage(), e);
        } catch (JedisException e) {
            throw new IllegalStateException("Redis is away: " + e.getMessage(), e);
        }
    }

    private static List<io.socketee.internal.adapter.redis.streams.StreamEntry> entries(List<StreamEntry> raw) {
        List<io.socketee.internal.adapter.redis.streams.StreamEntry> out = new ArrayList<>(raw.size());
        for (StreamEntry e : raw) {
            out.add(new io.socketee.internal.adapter.redis.streams.StreamEntry(e.getID().toString(), e.getFields()));
        }
        return out;
    }
}
