package io.socketee.internal.adapter.redis.sharded;

import java.util.Arrays;
import java.util.Optional;

/**
 * How many sharded channels a namespace uses, as {@code subscriptionMode} of
 * {@code createShardedAdapter}. Immutable.
 */
public enum SubscriptionMode {
    /** Two channels per namespace: the public one and this server's response channel. */
    STATIC("static"),
    /** As static, plus one channel per public room (a room that is not a socket id). Node's default. */
    DYNAMIC("dynamic"),
    /** As dynamic, plus one channel per private room (a socket's own room) too. */
    DYNAMIC_PRIVATE("dynamic-private");

    private final String value;

    SubscriptionMode(String value) {
        this.value = value;
    }

    /** The option's value, as Node spells it. */
    public String value() {
        return value;
    }

    /** The mode Node spells {@code value}; empty when there is none. */
    public static Optional<SubscriptionMode> of(String value) {
        return Arrays.stream(values()).filter(m -> m.value.equals(value)).findFirst();
    }
}
