package io.socketee.internal.adapter;

import io.socketee.Args;
import io.socketee.adapter.AdapterHost;
import io.socketee.adapter.Packet;
import io.socketee.internal.protocol.json.Json;
import io.socketee.internal.protocol.socketio.SocketIoPacket;
import java.util.List;
import java.util.function.Consumer;

/**
 * The host the server gives every adapter, with what the built-in adapters need beyond the public
 * {@link AdapterHost}: packets and values as the codec's JSON, so that a broadcast crosses Redis
 * without becoming application values on the way.
 *
 * <p>Implementations are thread-safe.
 */
public interface NamespaceHost extends AdapterHost {

    /** The packet the server made from {@code packet}, to broadcast. */
    WirePacket packet(SocketIoPacket packet);

    /** {@code packet} as the codec's packet: unwrapped when the server made it, else converted. */
    default SocketIoPacket wire(Packet packet) {
        if (packet instanceof WirePacket w) {
            return w.wire();
        }
        return new SocketIoPacket(io.socketee.internal.protocol.socketio.SocketIoPacketType.EVENT, name(),
                packet.ackId().orElse(SocketIoPacket.NO_ID), toJson(packet.data()));
    }

    /**
     * Encodes a packet into the messages that carry it: a {@code String} then any {@code byte[]}
     * attachments. The result is shared by every recipient and must not be changed.
     */
    List<Object> encode(SocketIoPacket packet);

    /** A new acknowledgement id of this namespace. */
    long nextAckId();

    /** Application values (as given to {@code emit}) as JSON, binary as {@link Json.Bin}. */
    Json.Arr toJson(List<Object> values);

    /** JSON as an application value (maps, lists, strings, numbers, booleans, null, byte[]). */
    Object toJava(Json value);

    /** JSON from another server as event arguments. */
    Args jsonArgs(List<Json> values);

    /** As {@link #receiveServerSideEmit}, with the data and the answer as JSON. */
    void receiveServerSideJson(Json.Arr data, Consumer<Json> reply);

    /** Socket {@code sid} entered {@code room}, which it was not in; called with no adapter lock held. */
    default void roomJoined(String room, String sid) {
    }

    /** Socket {@code sid} left {@code room}, which it was in; called with no adapter lock held. */
    default void roomLeft(String room, String sid) {
    }

    /** The host of an adapter the server created: always a {@code NamespaceHost}. */
    static NamespaceHost of(AdapterHost host) {
        if (host instanceof NamespaceHost h) {
            return h;
        }
        throw new IllegalArgumentException("not a host the server made: " + host);
    }
}
