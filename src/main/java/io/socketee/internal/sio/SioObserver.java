package io.socketee.internal.sio;

import io.socketee.Socket;
import java.util.List;

/**
 * What the Socket.IO server tells an observer of its whole life (the admin UI's instrumentation):
 * sockets, rooms, connections and the messages they carry. Every method does nothing
 * by default; a server without an observer calls {@link #NONE}.
 *
 * <p>Implementations must be thread-safe and quick: the calls come from connection, worker and
 * adapter threads (never with an adapter's or a session's lock held; a room change may come with
 * the socket's own lock held), and must not block.
 */
public interface SioObserver {

    /** The observer that observes nothing. */
    SioObserver NONE = new SioObserver() {
    };

    /**
     * A socket joined {@code namespace}, before the namespace's connection listeners run.
     *
     * @param clientId the id of the Engine.IO connection that carries it
     * @param transport the connection's transport now: "polling" or "websocket"
     */
    default void onSocketConnected(Socket socket, String clientId, String transport) {
    }

    /** Socket {@code sid} of {@code namespace} entered {@code room} (it was not in it). */
    default void onRoomJoined(String namespace, String room, String sid) {
    }

    /** Socket {@code sid} of {@code namespace} left {@code room} (it was in it). */
    default void onRoomLeft(String namespace, String room, String sid) {
    }

    /** An Engine.IO connection opened, on {@code transport}. */
    default void onConnectionOpened(String clientId, String transport) {
    }

    /**
     * An Engine.IO connection moved to {@code transport} (an upgrade to WebSocket).
     *
     * @param sockets its sockets now
     */
    default void onConnectionUpgraded(String clientId, String transport, List<Socket> sockets) {
    }

    /** An Engine.IO connection closed, for the Engine.IO {@code reason} ("transport close", ...). */
    default void onConnectionClosed(String clientId, String reason) {
    }

    /** A message (a {@code String} or a {@code byte[]}) arrived from a client. */
    default void onMessageIn(Object message) {
    }

    /** Messages (each a {@code String} or a {@code byte[]}) were queued for one client. */
    default void onMessagesOut(List<Object> messages) {
    }
}
