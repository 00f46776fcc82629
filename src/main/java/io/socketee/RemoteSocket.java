package io.socketee;

import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;

/**
 * A socket found by {@link BroadcastOperator#fetchSockets()}, on this server or another one: a
 * snapshot of its state when fetched, and actions that reach the socket by id, wherever it is.
 *
 * <p>Immutable and thread-safe. The actions do nothing once the socket has gone.
 */
public interface RemoteSocket {

    /**
     * The socket id.
     * @return the socket id
     */
    String id();

    /**
     * How the socket connected.
     * @return how the socket connected
     */
    Handshake handshake();

    /**
     * Its rooms when fetched, its own id first.
     * @return its rooms when fetched, its own id first
     */
    Set<String> rooms();

    /**
     * A read-only snapshot of its {@link Socket#data()} when fetched.
     * @return a read-only snapshot of its {@link Socket#data()} when fetched
     */
    Map<String, Object> data();

    /**
     * Sends an event to the socket; see {@link Socket#emit(String, Object...)}.
     * @param event the event name
     * @param args the arguments, each a JSON value, {@code byte[]} or a record
     */
    void emit(String event, Object... args);

    /**
     * Sends an event the socket must acknowledge, failing with an {@link AckTimeoutException} when
     * no answer came within {@code timeout}.
     * @param timeout the time to wait
     * @param event the event name
     * @param args the arguments, each a JSON value, {@code byte[]} or a record
     * @return a stage completed with the socket's answer
     */
    CompletionStage<Args> emitWithAck(Duration timeout, String event, Object... args);

    /**
     * Makes the socket join {@code room}.
     * @param room the room
     */
    void join(String room);

    /**
     * Makes the socket join each of {@code rooms}.
     * @param rooms the rooms
     */
    void join(Collection<String> rooms);

    /**
     * Makes the socket leave {@code room}.
     * @param room the room
     */
    void leave(String room);

    /**
     * Disconnects the socket; see {@link Socket#disconnect(boolean)}.
     * @param close whether to close the whole connection, not only this namespace's socket
     */
    void disconnect(boolean close);
}
