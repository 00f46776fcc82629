package io.socketee.internal.adapter.redis;

import java.util.List;

/**
 * The Redis commands the cluster adapters need, and nothing else: PUBLISH, {@code PUBSUB NUMSUB},
 * and subscriptions that all share the node's one subscriber connection (a second connection
 * would make the node count twice in NUMSUB). The Jedis implementation talks to a real Redis;
 * tests use an in-memory one.
 *
 * <p>Implementations are thread-safe. Listeners are called on the subscriber's thread, one
 * message at a time, in the order Redis delivered them.
 */
public interface RedisBus extends AutoCloseable {

    /** Publishes {@code message} on {@code channel}; when Redis cannot be reached the message is dropped and logged. */
    void publish(String channel, byte[] message);

    /**
     * The number of subscribers of {@code channel} ({@code PUBSUB NUMSUB}).
     *
     * @throws IllegalStateException when Redis cannot be reached
     */
    long numSub(String channel);

    /**
     * Subscribes {@code listener} to {@code channels} and to the glob {@code patterns}; it gets
     * each message with the channel it was published on. Survives reconnections.
     */
    Subscription subscribe(List<String> patterns, List<String> channels, Listener listener);

    /** Whether the subscriber connection is up right now. */
    boolean connected();

    @Override
    void close();

    /** Receives messages. */
    @FunctionalInterface
    interface Listener {
        void onMessage(String channel, byte[] message);
    }

    /** A live subscription; {@link #close} unsubscribes. */
    interface Subscription extends AutoCloseable {
        @Override
        void close();
    }
}
