package io.socketee.internal.adapter.redis.streams;

import java.time.Duration;
import java.util.Objects;

/**
 * The options of the Streams adapter, named and defaulted as {@code @socket.io/redis-streams-adapter}'s.
 * Immutable and thread-safe.
 *
 * @param streamName the stream every namespace's lasting messages go through ({@code socket.io})
 * @param maxLen the stream's length, trimmed approximately ({@code XADD MAXLEN ~}; 10,000)
 * @param readCount entries read per {@code XREAD} (100)
 * @param blockTime how long one {@code XREAD} waits for an entry (5 s)
 * @param channelPrefix the prefix of the pub/sub channels ({@code socket.io})
 * @param sessionKeyPrefix the prefix of the recovery session keys ({@code sio:session:})
 * @param requestsTimeout how long requests without a timeout of their own wait for answers (5 s)
 * @param outboxCapacity how many messages may wait for Redis while it is away before new ones are dropped
 */
public record StreamsOptions(String streamName, long maxLen, int readCount, Duration blockTime, String channelPrefix,
        String sessionKeyPrefix, Duration requestsTimeout, int outboxCapacity) {

    /** Checks the values. */
    public StreamsOptions {
        Objects.requireNonNull(streamName, "streamName");
        Objects.requireNonNull(channelPrefix, "channelPrefix");
        Objects.requireNonNull(sessionKeyPrefix, "sessionKeyPrefix");
        if (maxLen < 1 || readCount < 1 || outboxCapacity < 1 || blockTime.isNegative() || blockTime.isZero()) {
            throw new IllegalArgumentException("maxLen, readCount, outboxCapacity and blockTime must be positive");
        }
    }

    /** Node's defaults. */
    public static StreamsOptions defaults() {
        return new StreamsOptions("socket.io", 10_000, 100, Duration.ofSeconds(5), "socket.io", "sio:session:",
                Duration.ofSeconds(5), 10_000);
    }

    /** The public channel of namespace {@code nsp}: {@code prefix#nsp#}. */
    public String channel(String nsp) {
        return channelPrefix + "#" + nsp + "#";
    }

    /** The private channel of server {@code uid} in namespace {@code nsp}: {@code prefix#nsp#uid#}. */
    public String channel(String nsp, String uid) {
        return channelPrefix + "#" + nsp + "#" + uid + "#";
    }
}
