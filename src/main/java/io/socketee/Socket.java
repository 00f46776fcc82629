package io.socketee;

import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionStage;

/**
 * One client's membership of one namespace: what the client sees as its socket.
 *
 * <p>Thread-safe: every method may be called from any thread. Listeners of one socket (and of
 * every other socket of the same client connection) run one at a time, in the order the client
 * sent its packets, on a thread of the server's executor; a blocking listener delays only that
 * client. A listener that throws is logged and the connection goes on.
 */
public interface Socket {

    /**
     * The socket id the client also sees: 20 characters, or derived from the session id for Socket.IO 2 clients.
     * @return the socket id the client also sees: 20 characters, or derived from the session id for Socket.IO
     *     2 clients
     */
    String id();

    /**
     * The namespace this socket belongs to.
     * @return the namespace this socket belongs to
     */
    Namespace namespace();

    /**
     * How the client connected.
     * @return how the client connected
     */
    Handshake handshake();

    /**
     * The HTTP request that carried the packet being handled, when it came over HTTP long-polling
     * (the reference's {@code socket.conn.transport.dataReq}): its headers, query and address, for
     * a cookie or header sent with that POST. Empty over WebSocket, and when called anywhere but
     * in this socket's own handler of that packet (on the thread that runs it; after an
     * asynchronous handler's first suspension, too).
     *
     * @return the request carrying the current packet, over polling
     */
    default Optional<ConnectionRequest> currentRequest() {
        return Optional.empty();
    }

    /**
     * A snapshot of the rooms this socket is in, in the order it joined them; its own id comes first.
     * @return a snapshot of the rooms this socket is in, in the order it joined them; its own id comes first
     */
    Set<String> rooms();

    /**
     * Joins a room; does nothing once the socket has disconnected.
     * @param room the room
     */
    void join(String room);

    /**
     * Joins several rooms; does nothing once the socket has disconnected.
     * @param rooms the rooms
     */
    void join(Collection<String> rooms);

    /**
     * Leaves a room, if it is in it.
     * @param room the room
     */
    void leave(String room);

    /**
     * Sends an event to this client.
     *
     * <p>Arguments may be {@code String}, numbers, {@code Boolean}, {@code null}, {@code Map}
     * (keys by {@code String.valueOf}), {@code Collection}, arrays, enums (by name), {@code byte[]}
     * and {@code ByteBuffer} (its remaining bytes) at any depth, which travel as binary
     * attachments, and any other object, which is mapped by JSON-B (binary inside such an object
     * travels as JSON-B writes it, not as an attachment). Numbers travel as JSON numbers do, as
     * doubles.
     *
     * @param event the event name
     * @param args the arguments, each a JSON value, {@code byte[]} or a record
     * @throws IllegalArgumentException when {@code event} is a reserved name ("connect",
     *     "connect_error", "disconnect", "disconnecting", "newListener", "removeListener")
     */
    void emit(String event, Object... args);

    /**
     * The reference's {@code socket.volatile} ({@code volatile} is a Java keyword, so it is
     * spelled {@code asVolatile()} here as on {@link BroadcastOperator#asVolatile()} and the
     * emitter): {@code socket.asVolatile().emit(event, args)} sends the event only if the
     * client's transport can take it right now, and drops it otherwise (a polling client with no
     * request waiting, an upgrade under way, a closed connection). A dropped event is not queued,
     * nor kept for connection state recovery. For data that only matters when fresh, like a
     * position sent ten times a second.
     * @return the reference's {@code socket.volatile} ({@code volatile} is a Java keyword, so it is spelled
     *     {@code asVolatile()} here as on {@link BroadcastOperator#asVolatile()} and the emitter): {@code
     *     socket.asVolatile().emit(event, args)} sends the event only if the client's transport can take it right
     *     now, and drops it otherwise (a polling client with no request waiting, an upgrade under way, a closed
     *     connection)
     */
    VolatileEmitter asVolatile();

    /**
     * Sends an event that the client must acknowledge. The stage completes, on this client's
     * listener thread, with the client's answer, or exceptionally with an {@link IoException} if
     * the socket disconnects first.
     * @param event the event name
     * @param args the arguments, each a JSON value, {@code byte[]} or a record
     * @return a stage completed with the client's answer
     */
    CompletionStage<Args> emitWithAck(String event, Object... args);

    /**
     * As {@link #emitWithAck(String, Object...)}, failing with a
     * {@link java.util.concurrent.TimeoutException} when no answer came within {@code timeout}.
     * @param timeout the time to wait
     * @param event the event name
     * @param args the arguments, each a JSON value, {@code byte[]} or a record
     * @return a stage completed with the client's answer
     */
    CompletionStage<Args> emitWithAck(Duration timeout, String event, Object... args);

    /**
     * Adds a listener for an event from the client; listeners of one event run in the order they
     * were added.
     *
     * @param event the event name
     * @param listener the listener
     * @return this socket, for chaining
     * @throws IllegalArgumentException when {@code event} is a reserved name (use
     *     {@link #onDisconnect} and {@link #onDisconnecting})
     */
    Socket on(String event, EventListener listener);

    /**
     * Adds a catch-all listener, told of every event from the client before the listeners of that
     * event, in the order added (the reference's {@code onAny}). It shares the event's
     * acknowledgement with them: only the first answer is sent.
     * @param listener the listener
     * @return this socket, for chaining
     */
    Socket onAny(AnyListener listener);

    /**
     * Removes a catch-all listener added with {@link #onAny}.
     * @param listener the listener
     * @return this socket, for chaining
     */
    Socket offAny(AnyListener listener);

    /**
     * Adds a listener told of every event sent to this client, by {@link #emit} or by a broadcast
     * that reaches it (the reference's {@code onAnyOutgoing}). It runs on the emitting thread,
     * before the packet is queued, and must be quick; an exception is logged and the event still
     * goes out.
     * @param listener the listener
     * @return this socket, for chaining
     */
    Socket onAnyOutgoing(OutgoingListener listener);

    /**
     * Removes a listener added with {@link #onAnyOutgoing}.
     * @param listener the listener
     * @return this socket, for chaining
     */
    Socket offAnyOutgoing(OutgoingListener listener);

    /**
     * Adds a listener told when the socket is about to leave, while {@link #rooms()} still holds its rooms.
     * @param listener the listener
     * @return this socket, for chaining
     */
    Socket onDisconnecting(DisconnectListener listener);

    /**
     * Adds a listener told once the socket has left its namespace.
     * @param listener the listener
     * @return this socket, for chaining
     */
    Socket onDisconnect(DisconnectListener listener);

    /**
     * An operator targeting every socket of the namespace but this one.
     * @return an operator targeting every socket of the namespace but this one
     */
    BroadcastOperator broadcast();

    /**
     * An operator targeting the sockets in {@code room}, except this one.
     * @param room the room
     * @return an operator targeting the sockets in {@code room}, except this one
     */
    BroadcastOperator to(String room);

    /**
     * The same as {@link #to(String)}.
     * @param room the room
     * @return the same as {@link #to(String)}
     */
    BroadcastOperator in(String room);

    /**
     * An operator targeting the sockets in any of {@code rooms}, except this one.
     * @param rooms the rooms
     * @return an operator targeting the sockets in any of {@code rooms}, except this one
     */
    BroadcastOperator to(Collection<String> rooms);

    /**
     * The same as {@link #to(Collection)}.
     * @param rooms the rooms
     * @return the same as {@link #to(Collection)}
     */
    BroadcastOperator in(Collection<String> rooms);

    /**
     * An operator targeting every socket but this one and those in {@code room}.
     * @param room the room
     * @return an operator targeting every socket but this one and those in {@code room}
     */
    BroadcastOperator except(String room);

    /**
     * An operator targeting every socket but this one and those in any of {@code rooms}.
     * @param rooms the rooms
     * @return an operator targeting every socket but this one and those in any of {@code rooms}
     */
    BroadcastOperator except(Collection<String> rooms);

    /**
     * Removes the socket from its namespace: the client is told and the listeners see
     * {@link DisconnectReason#SERVER_NAMESPACE_DISCONNECT}. Called from another thread than this
     * client's listener thread, it takes effect shortly after returning.
     *
     * @param close also close the whole connection, removing the client's other sockets too
     */
    void disconnect(boolean close);

    /**
     * Free-form application data attached to this socket; a concurrent map that refuses nulls.
     * @return the socket's application data, shared by every thread
     */
    Map<String, Object> data();

    /**
     * The servlet HTTP session of the request that opened the connection, when it had one (for
     * example the logged-in user of a web application), like egg-session's {@code ctx.session}.
     * A session created later is not seen; it may also have been invalidated since.
     * @return the servlet HTTP session of the request that opened the connection, when it had one (for
     *     example the logged-in user of a web application), like egg-session's {@code ctx.session}
     */
    Optional<jakarta.servlet.http.HttpSession> httpSession();

    /**
     * Whether this socket recovered the state of a previous one (connection state recovery): its
     * id, rooms and data were restored and the events it missed were sent again.
     * @return whether this socket recovered the state of a previous one (connection state recovery): its id,
     *     rooms and data were restored and the events it missed were sent again
     */
    boolean recovered();

    /**
     * Whether the socket is still in its namespace.
     * @return whether the socket is still in its namespace
     */
    boolean connected();

    /** Sends volatile events to one socket's client; see {@link Socket#asVolatile()}. Thread-safe. */
    @FunctionalInterface
    interface VolatileEmitter {

        /**
         * Sends the event if the client's transport can take it right now, else drops it.
         *
         * @param event the event name
         * @param args the arguments, each a JSON value, {@code byte[]} or a record
         * @return whether the event was handed to the transport
         * @throws IllegalArgumentException when {@code event} is a reserved name, as for {@link Socket#emit}
         */
        boolean emit(String event, Object... args);
    }

    /** Receives one event from the client (see {@link #on}). */
    @FunctionalInterface
    interface EventListener {

        /**
         * Handles an event.
         *
         * @param socket the socket the event came on
         * @param args the event's arguments, the event name and acknowledgement left out
         * @param ack present when the client asked for an acknowledgement
         * @throws Exception anything; it is logged and the socket stays connected
         */
        void onEvent(Socket socket, Args args, Optional<Ack> ack) throws Exception;
    }

    /** Receives every event from the client (see {@link #onAny}). */
    @FunctionalInterface
    interface AnyListener {

        /**
         * Handles an event.
         *
         * @param socket the socket the event came on
         * @param event the event name
         * @param args the event's arguments
         * @param ack present when the client asked for an acknowledgement
         * @throws Exception anything; it is logged and the socket stays connected
         */
        void onEvent(Socket socket, String event, Args args, Optional<Ack> ack) throws Exception;
    }

    /** Told of every event sent to the client (see {@link #onAnyOutgoing}). */
    @FunctionalInterface
    interface OutgoingListener {

        /**
         * Observes an outgoing event.
         *
         * @param socket the socket it goes to
         * @param event the event name
         * @param args its arguments, as the client will receive them
         * @throws Exception anything; it is logged and the event is still sent
         */
        void onEvent(Socket socket, String event, Args args) throws Exception;
    }

    /** Told of a socket's departure. */
    @FunctionalInterface
    interface DisconnectListener {

        /**
         * Handles the departure of {@code socket}, for {@code reason}.
         * @param socket the socket
         * @param reason the reason
         * @throws Exception anything; it is logged and the other listeners still run
         */
        void onDisconnect(Socket socket, DisconnectReason reason) throws Exception;
    }
}
