package io.socketee.internal.adapter.redis.streams;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Redis streams and keys in memory, for the Streams adapter's rules: ids are {@code 1-0},
 * {@code 1-1}, ...; trimming keeps the last {@code maxLen} entries exactly; key expiry is recorded,
 * not enforced. It can be {@link #down() taken down}, as a Redis that went away. Thread-safe:
 * every method is synchronized.
 */
final class InMemoryStreamsStore implements StreamsStore {
    private final Map<String, List<StreamEntry>> streams = new HashMap<>();
    final Map<String, String> keys = new LinkedHashMap<>();
    final Map<String, Duration> ttls = new HashMap<>();
    private long seq;
    private int reads;
    private boolean up = true;
    private final java.util.Set<String> refused = new java.util.HashSet<>();

    synchronized void down() {
        up = false;
    }

    synchronized void up() {
        up = true;
    }

    /** Makes Redis answer writes to {@code stream} with an error, as for a key of another type. */
    synchronized void refuse(String stream) {
        refused.add(stream);
    }

    /** How many reads were made so far. */
    synchronized int reads() {
        return reads;
    }

    synchronized List<StreamEntry> entries(String stream) {
        return List.copyOf(streams.getOrDefault(stream, List.of()));
    }

    private void check() {
        if (!up) {
            throw new IllegalStateException("Redis is down");
        }
    }

    @Override
    public synchronized String add(String stream, long maxLen, Map<String, String> fields) {
        check();
        if (refused.contains(stream)) {
            throw new IllegalArgumentException("WRONGTYPE Operation against a key holding the wrong kind of value");
        }
        List<StreamEntry> s = streams.computeIfAbsent(stream, k -> new ArrayList<>());
        StreamEntry e = new StreamEntry("1-" + seq++, fields);
        s.add(e);
        notifyAll();
        while (s.size() > maxLen) {
            s.remove(0);
        }
        return e.id();
    }

    @Override
    public synchronized List<StreamEntry> read(String stream, String after, int count, Duration block) {
        check();
        reads++;
        if (compare(lastId(stream), after) <= 0) {
            try {
                wait(block.toMillis()); // XREAD BLOCK: until an entry comes or the time is up
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            check();
        }
        List<StreamEntry> out = new ArrayList<>();
        for (StreamEntry e : streams.getOrDefault(stream, List.of())) {
            if (compare(e.id(), after) > 0 && out.size() < count) {
                out.add(e);
            }
        }
        return out;
    }

    @Override
    public synchronized List<StreamEntry> range(String stream, String from, String to) {
        check();
        List<StreamEntry> out = new ArrayList<>();
        for (StreamEntry e : streams.getOrDefault(stream, List.of())) {
            if (compare(e.id(), from) >= 0 && (to.equals("+") || compare(e.id(), to) <= 0)) {
                out.add(e);
            }
        }
        return out;
    }

    @Override
    public synchronized String lastId(String stream) {
        check();
        List<StreamEntry> s = streams.getOrDefault(stream, List.of());
        return s.isEmpty() ? "0-0" : s.get(s.size() - 1).id();
    }

    @Override
    public synchronized void set(String key, String value, Duration ttl) {
        check();
        keys.put(key, value);
        ttls.put(key, ttl);
    }

    @Override
    public synchronized Optional<String> take(String key) {
        check();
        return Optional.ofNullable(keys.remove(key));
    }

    @Override
    public void close() {
    }

    private static int compare(String a, String b) {
        String[] x = a.split("-");
        String[] y = b.split("-");
        int c = Long.compare(Long.parseLong(x[0]), Long.parseLong(y[0]));
        return c != 0 ? c : Long.compare(Long.parseLong(x[1]), Long.parseLong(y[1]));
    }
}
