package io.socketee.internal.adapter.redis;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

/**
 * Redis pub/sub in memory, for the cluster rules: one instance stands for the Redis server, and
 * {@link #node} gives each cluster member its own view (its own subscriber connection, so
 * {@code NUMSUB} counts members as Redis does). Messages are queued as Redis queues them and
 * delivered when the test calls {@link #deliverAll}, in publish order, so every step is
 * deterministic. Not thread-safe beyond what the tests need (one test thread).
 */
public final class InMemoryRedisBus {
    private final List<Sub> subs = new CopyOnWriteArrayList<>();
    private final Queue<Runnable> queue = new ArrayDeque<>();
    final List<String> published = new ArrayList<>();
    private boolean up = true;

    /** A cluster member's connection to this Redis. */
    public RedisBus node() {
        return new RedisBus() {
            @Override
            public void publish(String channel, byte[] message) {
                InMemoryRedisBus.this.publish(channel, message);
            }

            @Override
            public long numSub(String channel) {
                if (!up) {
                    throw new IllegalStateException("Redis is down");
                }
                return subs.stream().filter(s -> s.channels.contains(channel)).count();
            }

            @Override
            public Subscription subscribe(List<String> patterns, List<String> channels, Listener listener) {
                Sub s = new Sub(patterns.stream().map(InMemoryRedisBus::glob).toList(), List.copyOf(channels), listener);
                subs.add(s);
                return () -> subs.remove(s);
            }

            @Override
            public boolean connected() {
                return up;
            }

            @Override
            public void close() {
            }
        };
    }

    /** Stops delivering and counting, as a Redis that went away; publishes are lost. */
    void down() {
        up = false;
    }

    synchronized void publish(String channel, byte[] message) {
        if (!up) {
            return;
        }
        published.add(channel);
        for (Sub s : subs) {
            if (s.channels.contains(channel) || s.patterns.stream().anyMatch(p -> p.matcher(channel).matches())) {
                queue.add(() -> s.listener.onMessage(channel, message));
            }
        }
    }

    /** Delivers every queued message, and those their handling publishes, until none is left. */
    public void deliverAll() {
        for (int i = 0; i < 10_000; i++) {
            Runnable next;
            synchronized (this) {
                next = queue.poll();
            }
            if (next == null) {
                return;
            }
            next.run();
        }
        throw new AssertionError("messages keep coming: a loop between the nodes?");
    }

    /** Redis glob to a regular expression: {@code *}, {@code ?} and backslash escapes. */
    private static Pattern glob(String glob) {
        StringBuilder re = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '\\' && i + 1 < glob.length()) {
                re.append(Pattern.quote(String.valueOf(glob.charAt(++i))));
            } else if (c == '*') {
                re.append(".*");
            } else if (c == '?') {
                re.append('.');
            } else {
                re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(re.toString(), Pattern.DOTALL);
    }

    private record Sub(List<Pattern> patterns, List<String> channels, RedisBus.Listener listener) {
    }
}
