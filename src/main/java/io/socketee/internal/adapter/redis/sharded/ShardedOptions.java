package io.socketee.internal.adapter.redis.sharded;

import io.socketee.internal.adapter.cluster.ClusterMessage;
import io.socketee.internal.adapter.cluster.MessageType;
import io.socketee.internal.protocol.json.Json;
import java.time.Duration;
import java.util.Objects;

/**
 * The options of the sharded adapter, named and defaulted as those of {@code createShardedAdapter}
 * in {@code @socket.io/redis-adapter} 8.3, and the channel names they give:
 * <ul>
 * <li>{@code prefix#nsp#}: every server of the namespace (requests, and broadcasts that go to no single room);</li>
 * <li>{@code prefix#nsp#uid#}: the answers to server {@code uid};</li>
 * <li>{@code prefix#nsp#room#}: broadcasts without acks to the one room {@code room}, in the dynamic modes
 * (dynamic: only rooms that do not look like a socket id, i.e. not 20 characters long).</li>
 * </ul>
 * Immutable and thread-safe.
 *
 * @param channelPrefix the prefix of the channels ({@code socket.io})
 * @param subscriptionMode how many channels a namespace uses ({@code dynamic})
 * @param requestsTimeout how long requests without a timeout of their own wait for answers (5 s)
 */
public record ShardedOptions(String channelPrefix, SubscriptionMode subscriptionMode, Duration requestsTimeout) {
    /** Socket ids are 20 characters long: a room of that length is taken for a socket's own room. */
    private static final int SOCKET_ID_LENGTH = 20;

    /** Checks that nothing is null. */
    public ShardedOptions {
        Objects.requireNonNull(channelPrefix, "channelPrefix");
        Objects.requireNonNull(subscriptionMode, "subscriptionMode");
        Objects.requireNonNull(requestsTimeout, "requestsTimeout");
    }

    /** Node's defaults. */
    public static ShardedOptions defaults() {
        return new ShardedOptions("socket.io", SubscriptionMode.DYNAMIC, Duration.ofSeconds(5));
    }

    /** The channel of every server of namespace {@code nsp}. */
    public String channel(String nsp) {
        return channelPrefix + "#" + nsp + "#";
    }

    /** The channel of the answers to server {@code uid} in namespace {@code nsp}. */
    public String responseChannel(String nsp, String uid) {
        return channel(nsp) + uid + "#";
    }

    /** The channel of room {@code room} in namespace {@code nsp} (dynamic modes). */
    public String roomChannel(String nsp, String room) {
        return channel(nsp) + room + "#";
    }

    /**
     * Whether a server subscribes to the channel of room {@code room} while it has sockets in it;
     * {@code privateRoom} says whether the room is one of its sockets' own.
     */
    public boolean subscribesToRoom(boolean privateRoom) {
        return subscriptionMode == SubscriptionMode.DYNAMIC_PRIVATE
                || subscriptionMode == SubscriptionMode.DYNAMIC && !privateRoom;
    }

    /**
     * The channel {@code message} is published on: a room's own channel for a broadcast without
     * acks to exactly one room, in the dynamic modes (with acks the answers are counted against
     * every server, so those go to all); else the namespace's.
     */
    public String channelOf(ClusterMessage message) {
        if (message.type() == MessageType.BROADCAST && subscriptionMode != SubscriptionMode.STATIC) {
            Json.Obj data = message.data().orElse(null);
            if (data != null && !data.fields().containsKey("requestId")
                    && data.fields().get("opts") instanceof Json.Obj opts
                    && opts.fields().get("rooms") instanceof Json.Arr rooms && rooms.items().size() == 1
                    && rooms.items().get(0) instanceof Json.Str room
                    && (subscriptionMode == SubscriptionMode.DYNAMIC_PRIVATE
                            || room.value().length() != SOCKET_ID_LENGTH)) {
                return roomChannel(message.nsp(), room.value());
            }
        }
        return channel(message.nsp());
    }
}
