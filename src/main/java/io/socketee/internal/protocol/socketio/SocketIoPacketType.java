package io.socketee.internal.protocol.socketio;

/** Socket.IO packet types with their wire codes. BINARY_* appear on the wire only. */
public enum SocketIoPacketType {
    CONNECT, DISCONNECT, EVENT, ACK, CONNECT_ERROR, BINARY_EVENT, BINARY_ACK;

    /** The wire code, '0' to '6'. */
    public char code() {
        return (char) ('0' + ordinal());
    }
}
