package io.socketee.internal.adapter.redis.sharded;

import io.socketee.internal.adapter.memory.InMemoryAdapter;
import java.util.HashMap;
import java.util.Map;

/**
 * The subscriptions of one namespace's adapter to the channels of the rooms its server has
 * sockets in, in the dynamic subscription modes (Node's {@code create-room} and
 * {@code delete-room} handlers): subscribed when a room appears here, unsubscribed when it
 * disappears; in dynamic mode only public rooms (not a socket's own). A broadcast to a room
 * published before the subscription is made is not received, as with Node's adapter.
 *
 * <p>Thread-safe: guarded by this object's lock, taken before the in-memory adapter's.
 */
final class RoomChannels implements InMemoryAdapter.RoomWatcher {
    private final ShardedBus bus;
    private final ShardedOptions options;
    private final String nsp;
    private final Map<String, ShardedBus.Subscription> subscribed = new HashMap<>();
    /** Set once by {@link #start}; null before and after {@link #close}. */
    private InMemoryAdapter local;
    private ShardedBus.Listener listener;

    RoomChannels(ShardedBus bus, ShardedOptions options, String nsp) {
        this.bus = bus;
        this.options = options;
        this.nsp = nsp;
    }

    /** Starts following the rooms of {@code local}; messages go to {@code listener}. */
    synchronized void start(InMemoryAdapter local, ShardedBus.Listener listener) {
        this.local = local;
        this.listener = listener;
    }

    @Override
    public synchronized void changed(String room) {
        if (local == null) {
            return;
        }
        boolean wanted = local.hasRoom(room) && options.subscribesToRoom(local.hasSocket(room));
        ShardedBus.Subscription current = subscribed.get(room);
        if (wanted && current == null) {
            subscribed.put(room, bus.subscribe(options.roomChannel(nsp, room), listener));
        } else if (!wanted && current != null) {
            subscribed.remove(room).close();
        }
    }

    /** The rooms whose channels are subscribed now. */
    synchronized java.util.Set<String> rooms() {
        return java.util.Set.copyOf(subscribed.keySet());
    }

    /** Unsubscribes from every room's channel and stops following. */
    synchronized void close() {
        subscribed.values().forEach(ShardedBus.Subscription::close);
        subscribed.clear();
        local = null;
    }
}
