package io.socketee;

import java.util.Map;

/**
 * A Socket.IO namespace: a named channel multiplexed on client connections, with its own sockets,
 * rooms, listeners and middleware.
 *
 * <p>Thread-safe. Listeners and middleware may be added at any time; they apply to connections
 * that start afterwards. They run on the connecting client's listener thread (see {@link Socket}).
 */
public interface Namespace {

    /** The name, starting with '/'. */
    String name();

    /** Adds a listener told of each socket that joins; listeners run in the order they were added. */
    Namespace onConnection(ConnectionListener listener);

    /**
     * Adds connection middleware, run in the order added before a socket joins. One that throws
     * {@link ConnectionRefusedException} refuses the connection with that message and data; any
     * other exception is logged and refuses it with the message "Internal server error".
     */
    Namespace use(Middleware middleware);

    /** An operator targeting the sockets in {@code room}. */
    BroadcastOperator to(String room);

    /** The same as {@link #to(String)}. */
    BroadcastOperator in(String room);

    /** An operator targeting every socket but those in {@code room}. */
    BroadcastOperator except(String room);

    /** An operator targeting every socket of this server's namespace only. */
    BroadcastOperator local();

    /** Sends an event to every socket of the namespace, encoded once; see {@link Socket#emit}. */
    void emit(String event, Object... args);

    /** A snapshot of the connected sockets, by id. */
    Map<String, Socket> sockets();

    /** Told of each socket that joins the namespace. */
    @FunctionalInterface
    interface ConnectionListener {

        /** Handles a newly joined socket; the client already knows it is connected. */
        void onConnection(Socket socket) throws Exception;
    }

    /** Decides whether a socket may join; the socket is not connected yet. */
    @FunctionalInterface
    interface Middleware {

        /**
         * Admits the socket by returning, or refuses it by throwing.
         *
         * @throws ConnectionRefusedException to refuse with a message and data the client sees
         */
        void admit(Socket socket) throws Exception;
    }
}
