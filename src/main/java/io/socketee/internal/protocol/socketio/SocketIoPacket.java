package io.socketee.internal.protocol.socketio;

import io.socketee.internal.protocol.json.Json;
import java.util.Objects;

/**
 * A decoded Socket.IO packet. Binary events and acks are normalised: {@code type} is EVENT or ACK
 * and the binary attachments sit in {@code data} as {@link Json.Bin} leaves; the encoder picks
 * BINARY_EVENT / BINARY_ACK itself when the data holds binary. Immutable and thread-safe.
 *
 * @param type CONNECT, DISCONNECT, EVENT, ACK or CONNECT_ERROR
 * @param nsp the namespace, always starting with '/'
 * @param id the ack id, or {@link #NO_ID}
 * @param data the payload, or {@code null} when the packet has none
 */
public record SocketIoPacket(SocketIoPacketType type, String nsp, long id, Json data) {
    /** The id of a packet that asks for no acknowledgement. */
    public static final long NO_ID = -1;

    public SocketIoPacket {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(nsp, "nsp");
    }

    /** Whether the packet carries an ack id. */
    public boolean hasId() {
        return id != NO_ID;
    }
}
