package io.socketee.internal.protocol.socketio;

import java.util.Optional;

/**
 * Turns the Engine.IO messages of one connection into Socket.IO packets, as one
 * {@link SocketIoParser} reads them. Implementations are not thread-safe: one instance per
 * connection, fed in arrival order. After a {@link io.socketee.internal.protocol.ProtocolException}
 * the connection should be closed (as the reference does); the decoder is then idle again.
 */
public interface PacketDecoder {
    /**
     * Takes the text of one Engine.IO message.
     *
     * @return the packet, or empty when more messages must come first
     * @throws io.socketee.internal.protocol.ProtocolException when the text is not a valid packet here
     */
    Optional<SocketIoPacket> addText(String text);

    /**
     * Takes one binary Engine.IO message; the caller may reuse the array afterwards.
     *
     * @return the packet, or empty when more messages must come first
     * @throws io.socketee.internal.protocol.ProtocolException when the bytes are not valid here
     */
    Optional<SocketIoPacket> addBinary(byte[] data);

    /** Whether a packet has begun and waits for more messages (the caller's deadline runs meanwhile). */
    boolean isReconstructing();

    /** Drops a partly received packet, as the reference's {@code destroy()} does. */
    void reset();
}
