package io.socketee.engine;

/**
 * Receives what happens on the connections of an {@link EngineIoEndpoint}. Every method has a
 * default that does nothing.
 *
 * <p>Calls for one connection come one at a time and in the order the client sent its packets,
 * on a worker thread (not a container I/O thread), so a method may block; calls for different
 * connections may run at the same time, so implementations must be thread-safe.
 */
public interface EngineIoHandler {

    /**
     * A client completed the Engine.IO handshake.
     * @param connection the Engine.IO connection
     */
    default void onOpen(EngineIoConnection connection) {
    }

    /**
     * A text message arrived.
     * @param connection the Engine.IO connection
     * @param message the message
     */
    default void onMessage(EngineIoConnection connection, String message) {
    }

    /**
     * A binary message arrived.
     * @param connection the Engine.IO connection
     * @param message the message
     */
    default void onBinary(EngineIoConnection connection, byte[] message) {
    }

    /**
     * The connection closed; called once, last.
     *
     * @param reason why, as the reference Engine.IO server says it ({@link CloseReason#wireName()})
     * @param connection the Engine.IO connection
     */
    default void onClose(EngineIoConnection connection, CloseReason reason) {
    }
}
