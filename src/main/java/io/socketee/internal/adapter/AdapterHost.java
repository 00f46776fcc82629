package io.socketee.internal.adapter;

import io.socketee.Args;
import io.socketee.Socket;
import io.socketee.internal.protocol.json.Json;
import io.socketee.internal.protocol.socketio.SocketIoPacket;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** What an {@link Adapter} needs of its namespace. Implementations are thread-safe. */
public interface AdapterHost {

    /** The namespace name. */
    String name();

    /**
     * Encodes a packet into the messages that carry it: a {@code String} then any {@code byte[]}
     * attachments. The result is shared by every recipient and must not be changed.
     */
    List<Object> encode(SocketIoPacket packet);

    /** The connected local socket {@code sid}, if there is one. */
    Optional<Socket> socket(String sid);

    /**
     * Hands the encoded {@code packet} to the connected local socket {@code sid}: tells its
     * outgoing listeners, skips it when the options are volatile and its transport cannot write
     * now, and, when {@code ack} is not null, awaits its acknowledgement of {@code packet.id()}.
     *
     * @return false when no such socket is connected here, or it was skipped
     */
    boolean deliver(String sid, SocketIoPacket packet, List<Object> messages, BroadcastOptions options,
            BroadcastAck ack);

    /** A new acknowledgement id of this namespace, for a broadcast with acks another server asked for. */
    long nextAckId();

    /** Application values (as given to {@code emit}) as JSON, binary as {@link Json.Bin}. */
    Json.Arr toJson(List<Object> values);

    /** JSON from another server as application values (maps, lists, strings, numbers, booleans, null, byte[]). */
    Object toJava(Json value);

    /** JSON from another server as event arguments. */
    Args args(List<Json> values);

    /**
     * An event another server sent with {@code serverSideEmit}: {@code data} is the event name then
     * its arguments; {@code reply}, when not null, takes the first argument of the listener's answer.
     */
    void receiveServerSideEmit(Json.Arr data, Consumer<Json> reply);
}
