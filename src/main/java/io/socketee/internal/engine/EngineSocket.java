package io.socketee.internal.engine;

import io.socketee.internal.protocol.engine.EngineVersion;
import java.util.Optional;

/**
 * One Engine.IO session as the layer above sees it, whatever transport carries it.
 *
 * <p>Thread-safe: {@code send*} and {@code close} may be called from any thread. Outgoing messages
 * keep the order of the calls. Callbacks to the {@link EngineSocketHandler} come one at a time,
 * in the order the client sent the packets.
 */
public interface EngineSocket {

    /** The 20-character session id. */
    String id();

    /** The protocol generation the client speaks. */
    EngineVersion version();

    /** The request that opened the session. */
    HandshakeRequest request();

    /**
     * The HTTP request that carries the message being delivered, when called by the handler while
     * it receives a message over polling (the reference's {@code transport.dataReq}); empty on
     * any other thread, over WebSocket, and outside delivery.
     */
    default Optional<HandshakeRequest> currentRequest() {
        return Optional.empty();
    }

    /** The current transport's name: "polling" or "websocket". */
    String transportName();

    /** Sets the receiver of this session's messages and close; call once, in onConnection. */
    void setHandler(EngineSocketHandler handler);

    /** Queues a text message. Ignored when the session is closing or closed. */
    void sendText(String message);

    /** Queues a binary message. Ignored when the session is closing or closed. */
    void sendBinary(byte[] message);

    /**
     * Queues several messages to go out together (a Socket.IO packet and its attachments), in
     * order: each element is a {@code String} or a {@code byte[]}.
     */
    void sendAll(java.util.List<Object> messages);

    /** Closes the session after flushing what is queued; the handler sees "forced close". */
    void close();

    /** Whether the session is open (not closing or closed). */
    boolean isOpen();

    /**
     * Whether a message sent now would go out at once: the session is open and its transport can
     * write (a polling request is pending, or a WebSocket is not busy). Volatile packets are
     * dropped when it cannot, as the reference's {@code transport.writable}.
     */
    default boolean writable() {
        return isOpen();
    }
}
