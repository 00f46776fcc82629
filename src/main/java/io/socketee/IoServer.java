package io.socketee;

/**
 * The Socket.IO server: its namespaces, and shortcuts to the main namespace "/".
 *
 * <p>Injectable as a CDI bean. Thread-safe.
 */
public interface IoServer {

    /** The namespace named {@code name} ('/' is prepended when missing), created on first use. */
    Namespace of(String name);

    /** Adds a connection listener to the main namespace; see {@link Namespace#onConnection}. */
    IoServer onConnection(Namespace.ConnectionListener listener);

    /** Adds middleware to the main namespace; see {@link Namespace#use}. */
    IoServer use(Namespace.Middleware middleware);

    /** An operator targeting the sockets of the main namespace in {@code room}. */
    BroadcastOperator to(String room);

    /** The same as {@link #to(String)}. */
    BroadcastOperator in(String room);

    /** An operator targeting every socket of the main namespace but those in {@code room}. */
    BroadcastOperator except(String room);

    /** An operator targeting the sockets of the main namespace on this server only. */
    BroadcastOperator local();

    /** Sends an event to every socket of the main namespace; see {@link Namespace#emit}. */
    void emit(String event, Object... args);
}
