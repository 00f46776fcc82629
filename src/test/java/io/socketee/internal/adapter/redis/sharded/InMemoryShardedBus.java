package io.socketee.internal.adapter.redis.sharded;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;

/**
 * Sharded pub/sub in memory: one instance stands for the Redis Cluster, and {@link #node} gives
 * each cluster member its own view (its own subscriptions, so {@code SHARDNUMSUB} counts members).
 * Messages are queued and delivered when the test calls {@link #deliverAll}, in publish order.
 * Not thread-safe beyond what the tests need (one test thread).
 */
final class InMemoryShardedBus {
    private final List<Map<String, ShardedBus.Listener>> members = new ArrayList<>();
    private final Queue<Runnable> queue = new ArrayDeque<>();
    /** Every channel published on, in order. */
    final List<String> published = new ArrayList<>();

    /** A cluster member's connection to the cluster. */
    ShardedBus node() {
        Map<String, ShardedBus.Listener> subs = new LinkedHashMap<>();
        members.add(subs);
        return new ShardedBus() {
            @Override
            public void publish(String channel, byte[] message) {
                published.add(channel);
                for (Map<String, ShardedBus.Listener> member : members) {
                    ShardedBus.Listener l = member.get(channel);
                    if (l != null) {
                        queue.add(() -> l.onMessage(message));
                    }
                }
            }

            @Override
            public long numSub(String channel) {
                return members.stream().filter(m -> m.containsKey(channel)).count();
            }

            @Override
            public Subscription subscribe(String channel, Listener listener) {
                if (subs.putIfAbsent(channel, listener) != null) {
                    throw new IllegalStateException("already subscribed to " + channel);
                }
                return () -> subs.remove(channel, listener);
            }

            @Override
            public boolean connected() {
                return true;
            }

            @Override
            public void close() {
            }
        };
    }

    /** The channels member {@code index} (in the order of {@link #node} calls) is subscribed to. */
    Set<String> subscriptions(int index) {
        return Set.copyOf(members.get(index).keySet());
    }

    /** Delivers every queued message, and those their handling publishes, until none is left. */
    void deliverAll() {
        for (int i = 0; i < 10_000; i++) {
            Runnable next = queue.poll();
            if (next == null) {
                return;
            }
            next.run();
        }
        throw new AssertionError("messages keep coming: a loop between the nodes?");
    }
}
