package io.socketee;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * A Socket.IO namespace: a named channel multiplexed on client connections, with its own sockets,
 * rooms, listeners and middleware. As a {@link BroadcastOperator} it targets all of its sockets.
 *
 * <p>Thread-safe. Listeners and middleware may be added at any time; they apply to connections
 * that start afterwards. They run on the connecting client's listener thread (see {@link Socket}).
 *
 * <p>A namespace returned by {@link IoServer#of(java.util.regex.Pattern)} or
 * {@link IoServer#of(NamespaceMatcher)} is a <em>parent</em>: its middleware and connection
 * listeners apply to every child namespace it creates, its operators act on all of its children
 * at once, and {@link #sockets()} is empty.
 */
public interface Namespace extends BroadcastOperator {

    /**
     * The name, starting with '/' (for a parent namespace, a generated name such as "/_1").
     * @return the name, starting with '/' (for a parent namespace, a generated name such as "/_1")
     */
    String name();

    /**
     * Adds a listener told of each socket that joins; listeners run in the order they were added.
     * @param listener the listener
     * @return this namespace, for chaining
     */
    Namespace onConnection(ConnectionListener listener);

    /**
     * Adds a connection check (connection middleware), run in the order added before a socket joins. One that throws
     * {@link RejectedException} refuses the connection
     * with that message and data; any
     * other exception is logged and refuses it with the message "Internal server error".
     * @param check the check
     * @return this namespace, for chaining
     */
    Namespace use(ConnectionCheck check);

    /**
     * A snapshot of the connected sockets of this server, by id.
     * @return a snapshot of the connected sockets of this server, by id
     */
    Map<String, Socket> sockets();

    /**
     * Sends an event to the other servers of the cluster, where {@link #onServerSideEmit}
     * listeners of this namespace receive it; not to clients. A single server has no other
     * server: nothing is sent.
     *
     * @param event the event name
     * @param args the arguments, each a JSON value, {@code byte[]} or a record
     * @throws IllegalArgumentException when {@code event} is a reserved name
     */
    void serverSideEmit(String event, Object... args);

    /**
     * As {@link #serverSideEmit}, collecting one answer per other server. A single server has
     * none, so the stage completes at once with an empty list, as the reference's cluster
     * adapters do with one server. Fails with an {@link AckTimeoutException} when some server
     * did not answer within {@code timeout}.
     * @param timeout the time to wait
     * @param event the event name
     * @param args the arguments, each a JSON value, {@code byte[]} or a record
     * @return a stage completed with one answer per other server
     */
    CompletionStage<List<Object>> serverSideEmitWithAck(Duration timeout, String event, Object... args);

    /**
     * Adds a listener for an event another server sent with {@link #serverSideEmit}.
     * @param event the event name
     * @param listener the listener
     * @return this namespace, for chaining
     */
    Namespace onServerSideEmit(String event, ServerSideListener listener);

    /**
     * Every room of this namespace on every server of the cluster, socket-id rooms included (the
     * reference adapter's {@code allRooms()}); a single server answers with its own rooms. Fails
     * with an {@link IoException} when some server did not answer in time.
     * @return every room of this namespace on every server of the cluster, socket-id rooms included (the
     *     reference adapter's {@code allRooms()}); a single server answers with its own rooms
     */
    CompletionStage<java.util.Set<String>> allRooms();

    /** Told of each socket that joins the namespace. */
    @FunctionalInterface
    interface ConnectionListener {

        /**
         * Handles a newly joined socket; the client already knows it is connected.
         * @param socket the socket
         * @throws Exception anything; it is logged and the socket stays connected
         */
        void onConnection(Socket socket) throws Exception;
    }

    /**
     * Decides whether a socket may join; the socket is not connected yet. The programmatic form
     * of connection middleware (the CDI form is an interceptor bound with
     * {@link io.socketee.middleware.ConnectionMiddleware}).
     */
    @FunctionalInterface
    interface ConnectionCheck {

        /**
         * Admits the socket by returning, or refuses it by throwing.
         *
         * @param socket the socket
         * @throws RejectedException to refuse with a message and data the client sees
         * @throws Exception any other exception, logged; the connection is refused
         */
        void admit(Socket socket) throws Exception;
    }

    /** Receives an event from another server of the cluster. */
    @FunctionalInterface
    interface ServerSideListener {

        /**
         * Handles the event.
         *
         * @param args its arguments
         * @param ack present when the sending server awaits an answer
         * @throws Exception anything; it is logged and the other listeners still run
         */
        void onEvent(Args args, Optional<Ack> ack) throws Exception;
    }
}
