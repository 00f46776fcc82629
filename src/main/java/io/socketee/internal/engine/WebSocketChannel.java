package io.socketee.internal.engine;

/**
 * The sending side of one WebSocket connection; the transport host implements it.
 *
 * <p>Implementations must be thread-safe, must keep frames in the order of the calls (some
 * containers lose frames written concurrently, so the host serialises writes itself), and their
 * send and close methods must never block the caller. A host may leave the writing to
 * {@link #flush}, which the engine calls after each send or close, once it holds no lock.
 */
public interface WebSocketChannel {

    /** Queues a text frame. */
    void sendText(String text);

    /** Queues a binary frame. The array must not be changed afterwards. */
    void sendBinary(byte[] data);

    /** Closes the connection after the queued frames, with a close code and reason. */
    void close(int code, String reason);

    /**
     * Writes what the calls before left queued, if the host writes on the caller's thread (it
     * may then block while the peer does not read); else does nothing. Called without locks.
     */
    default void flush() {
    }
}
