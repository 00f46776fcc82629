package io.socketee;

import java.util.Collection;

/**
 * Selects a set of sockets of one namespace, by rooms, and emits to them.
 *
 * <p>Immutable and thread-safe: every modifier returns a new operator and leaves this one as it
 * was. With no room selected, the operator targets every socket of the namespace; a socket in
 * several selected rooms receives a packet once.
 */
public interface BroadcastOperator {

    /** Also targets the sockets in {@code room}. */
    BroadcastOperator to(String room);

    /** Also targets the sockets in any of {@code rooms}. */
    BroadcastOperator to(Collection<String> rooms);

    /** The same as {@link #to(String)}. */
    BroadcastOperator in(String room);

    /** The same as {@link #to(Collection)}. */
    BroadcastOperator in(Collection<String> rooms);

    /** Leaves out the sockets in {@code room}. */
    BroadcastOperator except(String room);

    /** Leaves out the sockets in any of {@code rooms}. */
    BroadcastOperator except(Collection<String> rooms);

    /** Targets the sockets of this server only, when several servers share rooms. */
    BroadcastOperator local();

    /**
     * Sends the event to every targeted socket. The packet is encoded once, whatever the number of
     * recipients; arguments follow the rules of {@link Socket#emit(String, Object...)}.
     *
     * @throws IllegalArgumentException when {@code event} is a reserved name
     */
    void emit(String event, Object... args);
}
