package io.socketee.internal.adapter.redis.sharded;

/**
 * The Redis Cluster commands of the sharded adapter, and nothing else: SPUBLISH, the count of
 * subscribers of a sharded channel ({@code PUBSUB SHARDNUMSUB}, summed over the masters), and
 * SSUBSCRIBE / SUNSUBSCRIBE kept up across resharding and failover. The Jedis implementation
 * talks to a real Redis Cluster; tests use an in-memory one.
 *
 * <p>Implementations are thread-safe. A listener is called on a subscriber thread, one message
 * at a time, in the order Redis delivered the messages of its channel.
 */
public interface ShardedBus extends AutoCloseable {

    /** {@code SPUBLISH channel message}; when the cluster cannot take it, it is dropped and logged. */
    void publish(String channel, byte[] message);

    /**
     * The servers subscribed to {@code channel}.
     *
     * @throws IllegalStateException when the cluster cannot be reached
     */
    long numSub(String channel);

    /**
     * Subscribes {@code listener} to {@code channel} (one listener per channel), on the master
     * that serves its slot now and on whichever serves it later.
     */
    Subscription subscribe(String channel, Listener listener);

    /** Whether every channel is subscribed right now. */
    boolean connected();

    @Override
    void close();

    /** Receives the messages of one channel. */
    @FunctionalInterface
    interface Listener {
        void onMessage(byte[] message);
    }

    /** A live subscription; {@link #close} unsubscribes. */
    interface Subscription extends AutoCloseable {
        @Override
        void close();
    }
}
