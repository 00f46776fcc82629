package io.socketee;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * Selects a set of sockets of a namespace by rooms, with delivery flags, and acts on them: the
 * reference server's {@code BroadcastOperator}.
 *
 * <p>Immutable and thread-safe: every modifier returns a new operator and leaves this one as it
 * was, so an operator may be kept and reused. With no room selected, the operator targets every
 * socket of the namespace; a socket in several selected rooms is reached once; a socket in an
 * excepted room is left out even when it is in a selected one.
 */
public interface BroadcastOperator {

    /**
     * Also targets the sockets in {@code room}.
     * @param room the room
     * @return a new operator with this target added; this one is unchanged
     */
    BroadcastOperator to(String room);

    /**
     * Also targets the sockets in any of {@code rooms}.
     * @param rooms the rooms
     * @return a new operator with this target added; this one is unchanged
     */
    BroadcastOperator to(Collection<String> rooms);

    /**
     * The same as {@link #to(String)}.
     * @param room the room
     * @return the same as {@link #to(String)}
     */
    BroadcastOperator in(String room);

    /**
     * The same as {@link #to(Collection)}.
     * @param rooms the rooms
     * @return the same as {@link #to(Collection)}
     */
    BroadcastOperator in(Collection<String> rooms);

    /**
     * Leaves out the sockets in {@code room}.
     * @param room the room
     * @return a new operator with this exclusion added; this one is unchanged
     */
    BroadcastOperator except(String room);

    /**
     * Leaves out the sockets in any of {@code rooms}.
     * @param rooms the rooms
     * @return a new operator with this exclusion added; this one is unchanged
     */
    BroadcastOperator except(Collection<String> rooms);

    /**
     * Targets the sockets of this server only, when several servers share rooms.
     * @return a new operator limited to this server; this one is unchanged
     */
    BroadcastOperator local();

    /**
     * The reference's {@code volatile} flag ({@code volatile} is a Java keyword, so it is spelled
     * {@code asVolatile()} here, on {@link Socket#asVolatile()} and on the emitter): an event may be
     * lost, for each recipient whose connection cannot take it right now (a polling client with
     * no request pending, a WebSocket still writing, an upgrade under way) is skipped rather than
     * queued. For events that lose their worth when late, such as positions.
     * @return the reference's {@code volatile} flag ({@code volatile} is a Java keyword, so it is spelled
     *     {@code asVolatile()} here, on {@link Socket#asVolatile()} and on the emitter): an event may be lost,
     *     for each recipient whose connection cannot take it right now (a polling client with no request pending,
     *     a WebSocket still writing, an upgrade under way) is skipped rather than queued
     */
    BroadcastOperator asVolatile();

    /**
     * The reference's {@code compress} flag. On a single server it changes nothing: polling
     * responses are compressed by {@code socketio.httpCompression} and WebSocket messages by the
     * container's permessage-deflate when {@code socketio.perMessageDeflate} negotiated it, whatever
     * the flag (the Jakarta WebSocket API has no per-message switch); it travels to the other
     * servers of a cluster.
     * @param compress whether to compress
     * @return the reference's {@code compress} flag
     */
    BroadcastOperator compress(boolean compress);

    /**
     * How long {@link #emitWithAck} waits for the recipients' answers; see there. Replaces an
     * earlier timeout of this operator.
     *
     * @param timeout the time to wait
     * @return how long {@link #emitWithAck} waits for the recipients' answers; see there
     * @throws IllegalArgumentException when {@code timeout} is negative
     */
    BroadcastOperator timeout(Duration timeout);

    /**
     * Sends the event to every targeted socket. The packet is encoded once, whatever the number of
     * recipients; arguments follow the rules of {@link Socket#emit(String, Object...)}.
     *
     * @param event the event name
     * @param args the arguments, each a JSON value, {@code byte[]} or a record
     * @throws IllegalArgumentException when {@code event} is a reserved name
     */
    void emit(String event, Object... args);

    /**
     * Sends the event to every targeted socket and collects each recipient's acknowledgement.
     *
     * <p>The stage completes with the answers, in the order they arrived, once every recipient
     * answered (at once, with an empty list, when there is none). A recipient that disconnects
     * before answering is no longer waited for. With a {@link #timeout}, the stage fails with an
     * {@link AckTimeoutException} holding the answers received so far when some are still missing
     * at the deadline, as the reference's {@code "operation has timed out"} error does; without
     * one it waits as long as it takes. Stages complete on a SocketEE worker thread.
     *
     * @param event the event name
     * @param args the arguments, each a JSON value, {@code byte[]} or a record
     * @return a stage completed with the answers in arrival order
     * @throws IllegalArgumentException when {@code event} is a reserved name
     */
    CompletionStage<List<Args>> emitWithAck(String event, Object... args);

    /**
     * Snapshots of the targeted sockets, as handles that act on them by id (the reference's
     * {@code fetchSockets()}). On a single server the stage is already complete.
     * @return a stage completed with the targeted sockets
     */
    CompletionStage<List<RemoteSocket>> fetchSockets();

    /**
     * Makes every targeted socket join {@code room}.
     * @param room the room
     */
    void socketsJoin(String room);

    /**
     * Makes every targeted socket join each of {@code rooms}.
     * @param rooms the rooms
     */
    void socketsJoin(Collection<String> rooms);

    /**
     * Makes every targeted socket leave {@code room}.
     * @param room the room
     */
    void socketsLeave(String room);

    /**
     * Makes every targeted socket leave each of {@code rooms}.
     * @param rooms the rooms
     */
    void socketsLeave(Collection<String> rooms);

    /**
     * Disconnects every targeted socket, as {@link Socket#disconnect(boolean)} would.
     *
     * @param close also close their whole connections
     */
    void disconnectSockets(boolean close);
}
