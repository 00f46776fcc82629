package io.socketee.adapter;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionStage;

/**
 * The sole owner of one namespace's room membership, and the path of its broadcasts and of the
 * other operations that select sockets by rooms: the reference's adapter. Each namespace has one;
 * the server's in-memory adapter is the default, and a cluster adapter (Redis, or one an
 * application provides through an {@link AdapterFactory} bean) wraps it to reach other servers.
 *
 * <p>Implementations are thread-safe: every method may be called from any thread, at once.
 */
public interface Adapter {

    /**
     * Puts socket {@code sid} in each of {@code rooms}, keeping the order of first joins.
     * @param sid the socket id
     * @param rooms the rooms
     */
    void addAll(String sid, Collection<String> rooms);

    /**
     * Takes socket {@code sid} out of {@code room}.
     * @param sid the socket id
     * @param room the room
     */
    void del(String sid, String room);

    /**
     * Takes socket {@code sid} out of every room.
     * @param sid the socket id
     */
    void delAll(String sid);

    /**
     * A snapshot of the rooms of socket {@code sid} in join order; empty when it has none.
     * @param sid the socket id
     * @return a snapshot of the rooms of socket {@code sid} in join order; empty when it has none
     */
    Set<String> socketRooms(String sid);

    /**
     * A snapshot of the ids of the sockets in any of {@code rooms}, or of all when it is empty.
     * @param rooms the rooms
     * @return a snapshot of the ids of the sockets in any of {@code rooms}, or of all when it is empty
     */
    Set<String> sockets(Set<String> rooms);

    /**
     * Delivers {@code packet} to every socket {@code options} selects, each once.
     * @param packet the packet
     * @param options the broadcast options
     */
    void broadcast(Packet packet, BroadcastOptions options);

    /**
     * Delivers {@code packet}, which carries an ack id, to every selected socket, telling
     * {@code ack} how many recipients there are (once per server) and each answer.
     * @param packet the packet
     * @param options the broadcast options
     * @param ack the acknowledgement callback
     */
    void broadcastWithAck(Packet packet, BroadcastOptions options, BroadcastAck ack);

    /**
     * The selected sockets, as snapshots (local ones first, in the order a broadcast reaches them).
     * @param options the broadcast options
     * @return the selected sockets, as snapshots (local ones first, in the order a broadcast reaches them)
     */
    CompletionStage<List<SocketDetails>> fetchSockets(BroadcastOptions options);

    /**
     * Makes every selected socket join {@code rooms}.
     * @param options the broadcast options
     * @param rooms the rooms
     */
    void addSockets(BroadcastOptions options, Collection<String> rooms);

    /**
     * Makes every selected socket leave {@code rooms}.
     * @param options the broadcast options
     * @param rooms the rooms
     */
    void delSockets(BroadcastOptions options, Collection<String> rooms);

    /**
     * Disconnects every selected socket; {@code close} closes their whole connections.
     * @param options the broadcast options
     * @param close whether to close their whole connections
     */
    void disconnectSockets(BroadcastOptions options, boolean close);

    /**
     * Sends an event to the other servers of the cluster ({@code args}: the event name, then its
     * arguments). A single server has none: nothing happens.
     * @param args the arguments, each a JSON value, {@code byte[]} or a record
     */
    void serverSideEmit(List<Object> args);

    /**
     * As {@link #serverSideEmit}, collecting one answer per other server; a single server has
     * none, so it completes at once with an empty list.
     * @param args the arguments, each a JSON value, {@code byte[]} or a record
     * @param timeout the time to wait
     * @return a stage completed with one answer per other server
     */
    CompletionStage<List<Object>> serverSideEmitWithAck(List<Object> args, Duration timeout);

    /**
     * How many servers share this namespace: 1 for a single server.
     * @return how many servers share this namespace: 1 for a single server
     */
    int serverCount();

    /**
     * Keeps the state of a socket that dropped, for connection state recovery; adapters without
     * recovery forget it.
     * @param session the session
     */
    default void persistSession(SessionSnapshot session) {
    }

    /**
     * The session {@code pid} with the event packets it missed after {@code offset}, if the adapter
     * still has both (connection state recovery); else empty.
     * @param pid the private session id the client sent back
     * @param offset the id of the last event packet the client received
     * @return the session {@code pid} with the event packets it missed after {@code offset}, if the adapter
     *     still has both (connection state recovery); else empty
     */
    default Optional<RestoredSession> restoreSession(String pid, String offset) {
        return Optional.empty();
    }

    /**
     * Every room of the namespace on every server, socket-id rooms included (the reference's
     * {@code allRooms()}); a single server answers its own.
     * @return every room of the namespace on every server, socket-id rooms included (the reference's {@code
     *     allRooms()}); a single server answers its own
     */
    CompletionStage<Set<String>> allRooms();

    /** Stops this adapter (its namespace is gone or the server stops); later calls may do nothing. */
    default void close() {
    }
}
