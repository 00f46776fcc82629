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

    /** The socket id. */
    String id();

    /** How the socket connected. */
    Handshake handshake();

    /** Its rooms when fetched, its own id first. */
    Set<String> rooms();

    /** A read-only snapshot of its {@link Socket#data()} when fetched. */
    Map<String, Object> data();

    /** Sends an event to the socket; see {@link Socket#emit(String, Object...)}. */
    void emit(String event, Object... args);

    /**
     * Sends an event the socket must acknowledge, failing with an {@link AckTimeoutException} when
     * no answer came within {@code timeout}.
     */
    CompletionStage<Args> emitWithAck(Duration timeout, String event, Object... args);

    /** Makes the socket join {@code room}. */
    void join(String room);

    /** Makes the socket join each of {@code rooms}. */
    void join(Collection<String> rooms);

    /** Makes the socket leave {@code room}. */
    void leave(String room);

    /** Disconnects the socket; see {@link Socket#disconnect(boolean)}. */
    void disconnect(boolean close);
}
