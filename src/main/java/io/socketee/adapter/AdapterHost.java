package io.socketee.adapter;

import io.socketee.Args;
import io.socketee.Socket;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What an {@link Adapter} may ask of its namespace: its local sockets, delivery to one of them,
 * and packets and arguments made from another server's data. Implemented by the server.
 *
 * <p>Implementations are thread-safe.
 */
public interface AdapterHost {

    /**
     * The namespace name, starting with {@code /}.
     * @return the namespace name, starting with {@code /}
     */
    String name();

    /**
     * The connected local socket {@code sid}, if there is one.
     * @param sid the socket id
     * @return the connected local socket {@code sid}, if there is one
     */
    Optional<Socket> socket(String sid);

    /**
     * Hands {@code packet} to the connected local socket {@code sid}: tells its outgoing
     * listeners, skips it when {@code options} are volatile and its transport cannot write now,
     * and, when {@code ack} is not null, awaits its acknowledgement of {@code packet}'s ack id.
     *
     * @param sid the socket id
     * @param packet the packet
     * @param options the broadcast options
     * @param ack the acknowledgement callback
     * @return false when no such socket is connected here, or it was skipped
     */
    boolean deliver(String sid, Packet packet, BroadcastOptions options, BroadcastAck ack);

    /**
     * An event packet of this namespace carrying {@code data} (the event name then its arguments,
     * as {@link Packet#data()} describes them), without an ack id: for a broadcast that another
     * server sent.
     * @param data the data
     * @return an event packet of this namespace carrying {@code data} (the event name then its arguments, as
     *     {@link Packet#data()} describes them), without an ack id: for a broadcast that another server sent
     */
    Packet event(List<Object> data);

    /**
     * As {@link #event}, with a new ack id of this namespace: for a broadcast with acks that
     * another server asked for ({@link Adapter#broadcastWithAck}).
     * @param data the data
     * @return the packet, with its new ack id
     */
    Packet eventWithAck(List<Object> data);

    /**
     * Application values from another server (an answer to a broadcast with acks) as event arguments.
     * @param values the values
     * @return the values as event arguments
     */
    Args args(List<Object> values);

    /**
     * Runs the listeners of an event another server sent with
     * {@link io.socketee.Namespace#serverSideEmit}: {@code data} is the event name then its
     * arguments; {@code reply}, when not null, takes the first argument of the listener's answer.
     * @param data the data
     * @param reply takes the answer to send back, or null when none is awaited
     */
    void receiveServerSideEmit(List<Object> data, Consumer<Object> reply);
}
