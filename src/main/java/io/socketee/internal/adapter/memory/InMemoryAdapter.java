package io.socketee.internal.adapter.memory;

import io.socketee.internal.adapter.Adapter;
import io.socketee.internal.adapter.AdapterHost;
import io.socketee.internal.adapter.BroadcastOptions;
import io.socketee.internal.protocol.socketio.SocketIoPacket;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Keeps one namespace's rooms in memory and delivers broadcasts to the local sockets.
 *
 * <p>Thread-safe: membership is guarded by this object's lock; delivery happens outside it, on
 * the caller's thread, so a slow recipient never blocks membership changes.
 */
public final class InMemoryAdapter implements Adapter {
    private final AdapterHost host;
    /** Room name to the ids of its sockets, in join order. */
    private final Map<String, Set<String>> rooms = new LinkedHashMap<>();
    /** Socket id to its rooms, in join order; the iteration order of an unfiltered broadcast. */
    private final Map<String, Set<String>> sids = new LinkedHashMap<>();

    /** Creates the adapter of the namespace {@code host}. */
    public InMemoryAdapter(AdapterHost host) {
        this.host = host;
    }

    @Override
    public synchronized void addAll(String sid, Collection<String> newRooms) {
        Set<String> mine = sids.computeIfAbsent(sid, k -> new LinkedHashSet<>());
        for (String room : newRooms) {
            mine.add(room);
            rooms.computeIfAbsent(room, k -> new LinkedHashSet<>()).add(sid);
        }
    }

    @Override
    public synchronized void del(String sid, String room) {
        Set<String> mine = sids.get(sid);
        if (mine != null) {
            mine.remove(room);
        }
        removeFromRoom(room, sid);
    }

    @Override
    public synchronized void delAll(String sid) {
        Set<String> mine = sids.remove(sid);
        if (mine != null) {
            for (String room : mine) {
                removeFromRoom(room, sid);
            }
        }
    }

    private void removeFromRoom(String room, String sid) {
        Set<String> members = rooms.get(room);
        if (members != null && members.remove(sid) && members.isEmpty()) {
            rooms.remove(room);
        }
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
    public void broadcast(SocketIoPacket packet, BroadcastOptions options) {
        List<String> targets;
        synchronized (this) {
            targets = select(options.rooms(), options.except());
        }
        if (targets.isEmpty()) {
            return;
        }
        List<Object> messages = host.encode(packet);
        for (String sid : targets) {
            host.deliver(sid, messages);
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
