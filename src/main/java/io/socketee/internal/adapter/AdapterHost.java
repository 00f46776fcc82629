package io.socketee.internal.adapter;

import io.socketee.internal.protocol.socketio.SocketIoPacket;
import java.util.List;

/** What an {@link Adapter} needs of its namespace. Implementations are thread-safe. */
public interface AdapterHost {

    /** The namespace name. */
    String name();

    /**
     * Encodes a packet into the messages that carry it: a {@code String} then any {@code byte[]}
     * attachments. The result is shared by every recipient and must not be changed.
     */
    List<Object> encode(SocketIoPacket packet);

    /**
     * Hands encoded messages to the connected local socket {@code sid}.
     *
     * @return false when no such socket is connected here
     */
    boolean deliver(String sid, List<Object> messages);
}
