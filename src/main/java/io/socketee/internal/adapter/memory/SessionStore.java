package io.socketee.internal.adapter.memory;

import io.socketee.adapter.BroadcastOptions;
import io.socketee.adapter.Packet;
import io.socketee.adapter.RestoredSession;
import io.socketee.adapter.SessionSnapshot;
import io.socketee.internal.adapter.NamespaceHost;
import io.socketee.internal.protocol.json.Json;
import io.socketee.internal.protocol.socketio.SocketIoPacket;
import io.socketee.internal.protocol.socketio.SocketIoPacketType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * Connection state recovery in memory, the reference's {@code SessionAwareAdapter}: the sessions
 * of sockets that dropped, by private id, and the namespace's recent event broadcasts, each with
 * an offset appended as its last argument. Entries older than the maximum disconnection duration
 * are dropped as new ones come (no timer). One server only.
 *
 * <p>Thread-safe: every method synchronises on this object.
 */
final class SessionStore {
    private final NamespaceHost host;
    private final Duration maxDisconnection;
    private final LongSupplier clock;
    private final Map<String, Saved> sessions = new HashMap<>();
    /** Offset to its packet, in emission order. */
    private final LinkedHashMap<String, Stored> packets = new LinkedHashMap<>();
    private long nextOffset;

    private record Saved(SessionSnapshot session, long at) {
    }

    private record Stored(BroadcastOptions options, Packet packet, long at) {
    }

    /**
     * @param host the namespace, which makes the stored packets
     * @param maxDisconnection how long sessions and packets are kept
     * @param clock milliseconds now
     */
    SessionStore(NamespaceHost host, Duration maxDisconnection, LongSupplier clock) {
        this.host = host;
        this.maxDisconnection = maxDisconnection;
        this.clock = clock;
    }

    /**
     * {@code packet} with an offset appended, stored, when recovery keeps such packets (an EVENT
     * without ack id, not volatile); else {@code packet} as it is.
     */
    synchronized Packet append(Packet sent, BroadcastOptions options) {
        SocketIoPacket packet = host.wire(sent);
        if (packet.type() != SocketIoPacketType.EVENT || packet.hasId() || options.volatileDelivery()
                || !(packet.data() instanceof Json.Arr data)) {
            return sent;
        }
        long now = clock.getAsLong();
        expire(now);
        String offset = Long.toString(++nextOffset, 36);
        List<Json> items = new ArrayList<>(data.items());
        items.add(Json.of(offset));
        Json.Arr withOffset = new Json.Arr(items);
        Packet stored = host.packet(new SocketIoPacket(packet.type(), packet.nsp(), packet.id(), withOffset));
        packets.put(offset, new Stored(options, stored, now));
        return stored;
    }

    /** Keeps the session of a socket that dropped. */
    synchronized void persist(SessionSnapshot session) {
        long now = clock.getAsLong();
        expire(now);
        sessions.put(session.pid(), new Saved(session, now));
    }

    /**
     * The session {@code pid} and what it missed after {@code offset}, when both are still kept;
     * a session is restored once.
     */
    synchronized java.util.Optional<RestoredSession> restore(String pid, String offset) {
        expire(clock.getAsLong());
        Saved saved = sessions.get(pid);
        if (saved == null || !packets.containsKey(offset)) {
            return java.util.Optional.empty();
        }
        sessions.remove(pid);
        List<Packet> missed = new ArrayList<>();
        boolean after = false;
        for (Map.Entry<String, Stored> e : packets.entrySet()) {
            if (after && included(saved.session().rooms(), e.getValue().options())) {
                missed.add(e.getValue().packet());
            }
            after = after || e.getKey().equals(offset);
        }
        return java.util.Optional.of(new RestoredSession(saved.session(), missed));
    }

    /** The reference's {@code shouldIncludePacket}. */
    private static boolean included(Set<String> rooms, BroadcastOptions options) {
        boolean selected = options.rooms().isEmpty() || !Collections.disjoint(rooms, options.rooms());
        return selected && Collections.disjoint(rooms, options.except());
    }

    private void expire(long now) {
        long oldest = now - maxDisconnection.toMillis();
        sessions.values().removeIf(s -> s.at() < oldest);
        Iterator<Stored> it = packets.values().iterator();
        while (it.hasNext() && it.next().at() < oldest) {
            it.remove();
        }
    }
}
