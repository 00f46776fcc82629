package io.socketee.internal.adapter.memory;

import io.socketee.adapter.Adapter;
import io.socketee.adapter.BroadcastAck;
import io.socketee.adapter.BroadcastOptions;
import io.socketee.adapter.Packet;
import io.socketee.adapter.RestoredSession;
import io.socketee.adapter.SessionSnapshot;
import io.socketee.adapter.SocketDetails;
import io.socketee.internal.adapter.NamespaceHost;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Keeps one namespace's rooms in memory and delivers broadcasts to the local sockets.
 *
 * <p>Thread-safe: membership is guarded by this object's lock; delivery and the other per-socket
 * operations happen outside it, on the caller's thread, so a slow recipient never blocks
 * membership changes. Sockets are selected as the reference's {@code apply}: those in any
 * selected room (all when none is), minus those in an excepted room, each once.
 */
public final class InMemoryAdapter implements Adapter {
    private final NamespaceHost host;
    /** Room name to the ids of its sockets, in join order. */
    private final Map<String, Set<String>> rooms = new LinkedHashMap<>();
    /** Socket id to its rooms, in join order; the iteration order of an unfiltered broadcast. */
    private final Map<String, Set<String>> sids = new LinkedHashMap<>();

    /** Stored broadcasts and dropped sessions, when connection state recovery is on; else null. */
    private final SessionStore store;
    /** Told when a room appears and when it disappears (Node's create-room and delete-room). */
    private final RoomWatcher watcher;

    /**
     * Told, after the fact and outside the adapter's lock, that room {@code room} got its first
     * socket or lost its last one; the order of calls for one room from different threads is not
     * guaranteed, so a watcher reads {@link #hasRoom} for the truth. Implementations are thread-safe.
     */
    @FunctionalInterface
    public interface RoomWatcher {
        /** Nobody watches. */
        RoomWatcher NONE = room -> { };

        void changed(String room);
    }

    /** Creates the adapter of the namespace {@code host}, without connection state recovery. */
    public InMemoryAdapter(NamespaceHost host) {
        this(host, null, System::currentTimeMillis);
    }

    /** As {@link #InMemoryAdapter(NamespaceHost)}, telling {@code watcher} when rooms appear and disappear. */
    public InMemoryAdapter(NamespaceHost host, RoomWatcher watcher) {
        this.host = host;
        this.store = null;
        this.watcher = watcher;
    }

    /**
     * Creates the adapter of the namespace {@code host}, keeping sessions and broadcasts for
     * {@code recovery} (connection state recovery) when it is not null.
     *
     * @param clock milliseconds now, for the ages of sessions and packets
     */
    public InMemoryAdapter(NamespaceHost host, Duration recovery, java.util.function.LongSupplier clock) {
        this.host = host;
        this.store = recovery == null ? null : new SessionStore(host, recovery, clock);
        this.watcher = RoomWatcher.NONE;
    }

    @Override
    public void addAll(String sid, Collection<String> newRooms) {
        List<String> joined = new ArrayList<>(newRooms.size());
        List<String> created = new ArrayList<>();
        synchronized (this) {
            Set<String> mine = sids.computeIfAbsent(sid, k -> new LinkedHashSet<>());
            for (String room : newRooms) {
                mine.add(room);
                if (!rooms.containsKey(room)) {
                    created.add(room);
                }
                if (rooms.computeIfAbsent(room, k -> new LinkedHashSet<>()).add(sid)) {
                    joined.add(room);
                }
            }
        }
        created.forEach(watcher::changed);
        joined.forEach(room -> host.roomJoined(room, sid));
    }

    @Override
    public void del(String sid, String room) {
        boolean left;
        boolean deleted;
        synchronized (this) {
            Set<String> mine = sids.get(sid);
            if (mine != null) {
                mine.remove(room);
            }
            left = removeFromRoom(room, sid);
            deleted = left && !rooms.containsKey(room);
        }
        if (deleted) {
            watcher.changed(room);
        }
        if (left) {
            host.roomLeft(room, sid);
        }
    }

    @Override
    public void delAll(String sid) {
        List<String> left = new ArrayList<>();
        List<String> deleted = new ArrayList<>();
        synchronized (this) {
            Set<String> mine = sids.remove(sid);
            if (mine != null) {
                for (String room : mine) {
                    if (removeFromRoom(room, sid)) {
                        left.add(room);
                        if (!rooms.containsKey(room)) {
                            deleted.add(room);
                        }
                    }
                }
            }
        }
        deleted.forEach(watcher::changed);
        left.forEach(room -> host.roomLeft(room, sid));
    }

    /** Takes {@code sid} out of {@code room}; whether it was in it. Lock held. */
    private boolean removeFromRoom(String room, String sid) {
        Set<String> members = rooms.get(room);
        if (members == null || !members.remove(sid)) {
            return false;
        }
        if (members.isEmpty()) {
            rooms.remove(room);
        }
        return true;
    }

    /** Whether room {@code room} has a socket now. */
    public synchronized boolean hasRoom(String room) {
        return rooms.containsKey(room);
    }

    /** Whether {@code id} is the id of a socket here now (its own room is then private). */
    public synchronized boolean hasSocket(String id) {
        return sids.containsKey(id);
    }

    @Override
    public synchronized Set<String> socketRooms(String sid) {
        Set<String> mine = sids.get(sid);
        return mine == null ? Set.of() : Collections.unmodifiableSet(new LinkedHashSet<>(mine));
    }

    @Override
    public synchronized Set<String> sockets(Set<String> selected) {
        return Collections.unmodifiableSet(new LinkedHashSet<>(select(selected, Set.of())));
    }

    @Override
    public void broadcast(Packet packet, BroadcastOptions options) {
        // stored (with its offset) even when nobody is here now: a dropped socket may come back for it
        Packet sent = store == null ? packet : store.append(packet, options);
        for (String sid : targets(options)) {
            host.deliver(sid, sent, options, null); // the packet encodes itself once, on the first delivery
        }
    }

    @Override
    public void persistSession(SessionSnapshot session) {
        if (store != null) {
            store.persist(session);
        }
    }

    @Override
    public java.util.Optional<RestoredSession> restoreSession(String pid, String offset) {
        return store == null ? java.util.Optional.empty() : store.restore(pid, offset);
    }

    @Override
    public void broadcastWithAck(Packet packet, BroadcastOptions options, BroadcastAck ack) {
        int count = 0;
        for (String sid : targets(options)) {
            if (host.deliver(sid, packet, options, ack)) {
                count++;
            }
        }
        ack.expect(count);
    }

    @Override
    public CompletionStage<List<SocketDetails>> fetchSockets(BroadcastOptions options) {
        List<SocketDetails> found = new ArrayList<>();
        for (String sid : targets(options)) {
            host.socket(sid).ifPresent(s ->
                    found.add(new SocketDetails(s.id(), s.handshake(), s.rooms(), Map.copyOf(s.data()))));
        }
        return CompletableFuture.completedFuture(List.copyOf(found));
    }

    @Override
    public void addSockets(BroadcastOptions options, Collection<String> newRooms) {
        List<String> copy = List.copyOf(newRooms);
        for (String sid : targets(options)) {
            host.socket(sid).ifPresent(s -> s.join(copy));
        }
    }

    @Override
    public void delSockets(BroadcastOptions options, Collection<String> oldRooms) {
        List<String> copy = List.copyOf(oldRooms);
        for (String sid : targets(options)) {
            host.socket(sid).ifPresent(s -> copy.forEach(s::leave));
        }
    }

    @Override
    public void disconnectSockets(BroadcastOptions options, boolean close) {
        for (String sid : targets(options)) {
            host.socket(sid).ifPresent(s -> s.disconnect(close));
        }
    }

    @Override
    public void serverSideEmit(List<Object> args) {
        // a single server: there is no other server to tell
    }

    @Override
    public CompletionStage<List<Object>> serverSideEmitWithAck(List<Object> args, Duration timeout) {
        return CompletableFuture.completedFuture(List.of());
    }

    @Override
    public int serverCount() {
        return 1;
    }

    @Override
    public CompletionStage<Set<String>> allRooms() {
        return CompletableFuture.completedFuture(rooms());
    }

    /** A snapshot of this server's rooms, socket-id rooms included. */
    public synchronized Set<String> rooms() {
        return Collections.unmodifiableSet(new LinkedHashSet<>(rooms.keySet()));
    }

    private List<String> targets(BroadcastOptions options) {
        synchronized (this) {
            return select(options.rooms(), options.except());
        }
    }

    /** The ids in any of {@code selected} (all when empty) and in none of {@code except}. */
    private List<String> select(Set<String> selected, Set<String> except) {
        Set<String> excluded = new LinkedHashSet<>();
        for (String room : except) {
            excluded.addAll(rooms.getOrDefault(room, Set.of()));
        }
        Set<String> chosen = new LinkedHashSet<>();
        if (selected.isEmpty()) {
            chosen.addAll(sids.keySet());
        } else {
            for (String room : selected) {
                chosen.addAll(rooms.getOrDefault(room, Set.of()));
            }
        }
        chosen.removeAll(excluded);
        return new ArrayList<>(chosen);
    }
}
