package io.socketee.internal.adapter;

import io.socketee.internal.protocol.socketio.SocketIoPacket;
import java.util.Collection;
import java.util.Set;

/**
 * The sole owner of one namespace's room membership, and the path of its broadcasts.
 *
 * <p>Implementations are thread-safe.
 */
public interface Adapter {

    /** Puts socket {@code sid} in each of {@code rooms}, keeping the order of first joins. */
    void addAll(String sid, Collection<String> rooms);

    /** Takes socket {@code sid} out of {@code room}. */
    void del(String sid, String room);

    /** Takes socket {@code sid} out of every room. */
    void delAll(String sid);

    /** A snapshot of the rooms of socket {@code sid} in join order; empty when it has none. */
    Set<String> socketRooms(String sid);

    /** A snapshot of the ids of the sockets in any of {@code rooms}, or of all when it is empty. */
    Set<String> sockets(Set<String> rooms);

    /** Encodes {@code packet} once and delivers it to every socket {@code options} selects. */
    void broadcast(SocketIoPacket packet, BroadcastOptions options);
}
