package io.socketee.internal.adapter.redis.streams;

import io.socketee.internal.adapter.redis.JedisConnections;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import redis.clients.jedis.AbstractTransaction;
import redis.clients.jedis.Response;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisClusterException;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.params.SetParams;
import redis.clients.jedis.params.XAddParams;
import redis.clients.jedis.params.XReadParams;
import redis.clients.jedis.resps.StreamEntry;

/**
 * {@link StreamsStore} on Jedis: commands on the shared client of {@link JedisConnections}, and
 * the blocking reads on a client of their own (reopened after a failure), whose read timeout
 * outlasts the block time. On a Redis Cluster the stream and each session key go to the master
 * of their slot, and the reads follow the stream's slot to the replica promoted after a failover;
 * a session is taken with GETDEL there (a transaction cannot span nodes), with MULTI elsewhere.
 *
 * <p>Thread-safe: the clients are; the reading client is the reader thread's alone.
 */
public final class JedisStreamsStore implements StreamsStore {
    private final JedisConnections connections;
    /** The reader thread's connection; null until the first read and after a failure. */
    private volatile UnifiedJedis reading;

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
            UnifiedJedis r = reading;
            if (r == null) {
                r = connections.blocking(block.plusSeconds(5));
                reading = r;
            }
            List<Map.Entry<String, List<StreamEntry>>> got = r.xread(
                    XReadParams.xReadParams().block((int) block.toMillis()).count(count),
                    Map.of(stream, new StreamEntryID(after)));
            return got == null || got.isEmpty() ? List.of() : entries(got.get(0).getValue());
        } catch (JedisClusterException e) {
            closeReading();
            throw new IllegalStateException("cannot read stream " + stream + " now: " + e.getMessage(), e);
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
        if (connections.cluster()) {
            return call(j -> Optional.ofNullable(j.getDel(key)));
        }
        return call(j -> {
            try (AbstractTransaction t = j.multi()) { // closing it gives its connection back to the pool
                Response<String> value = t.get(key);
                t.del(key);
                t.exec();
                return Optional.ofNullable(value.get());
            }
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

    private <T> T call(Function<UnifiedJedis, T> command) {
        try {
            return command.apply(connections.commands());
        } catch (JedisClusterException e) {
            // CLUSTERDOWN, TRYAGAIN...: the cluster is failing over; the writer tries again
            throw new IllegalStateException("the Redis Cluster cannot take it now: " + e.getMessage(), e);
        } catch (JedisDataException e) {
            throw new IllegalArgumentException("Redis refused: " + e.getMessage(), e);
        } catch (JedisException e) {
            connections.dropIdleAfter(e); // after a restart the pool's other connections are dead too
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
