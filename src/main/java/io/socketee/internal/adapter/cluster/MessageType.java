package io.socketee.internal.adapter.cluster;

import java.util.Optional;

/**
 * The kinds of message of socket.io-adapter's {@code ClusterAdapter}, with their codes on the wire.
 * The heartbeat kinds belong to {@code ClusterAdapterWithHeartbeat}; the Redis Streams adapter
 * neither sends nor needs them (it counts servers with {@code PUBSUB NUMSUB}).
 */
public enum MessageType {
    INITIAL_HEARTBEAT(1),
    HEARTBEAT(2),
    BROADCAST(3),
    SOCKETS_JOIN(4),
    SOCKETS_LEAVE(5),
    DISCONNECT_SOCKETS(6),
    FETCH_SOCKETS(7),
    FETCH_SOCKETS_RESPONSE(8),
    SERVER_SIDE_EMIT(9),
    SERVER_SIDE_EMIT_RESPONSE(10),
    BROADCAST_CLIENT_COUNT(11),
    BROADCAST_ACK(12),
    ADAPTER_CLOSE(13);

    private final int code;

    MessageType(int code) {
        this.code = code;
    }

    /** The code on the wire. */
    public int code() {
        return code;
    }

    /** The kind with {@code code}; empty for a code this version does not know (ignored, as Node does). */
    public static Optional<MessageType> of(int code) {
        for (MessageType t : values()) {
            if (t.code == code) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    /** Whether the payload may carry binary (the kinds the streams adapter checks before choosing JSON). */
    public boolean mayCarryBinary() {
        return this == BROADCAST || this == FETCH_SOCKETS_RESPONSE || this == SERVER_SIDE_EMIT
                || this == SERVER_SIDE_EMIT_RESPONSE || this == BROADCAST_ACK;
    }

    /** Whether this is an answer to a request (it goes to the requester only). */
    public boolean isResponse() {
        return this == FETCH_SOCKETS_RESPONSE || this == SERVER_SIDE_EMIT_RESPONSE || this == BROADCAST_CLIENT_COUNT
                || this == BROADCAST_ACK;
    }
}
