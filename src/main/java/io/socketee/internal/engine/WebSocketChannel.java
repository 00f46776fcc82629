package io.socketee.internal.engine;

/**
 * The sending side of one WebSocket connection; the transport host implements it.
 *
 * <p>Implementations must be thread-safe, must never block the caller, and must keep frames in
 * the order of the calls (some containers lose frames written concurrently, so the host
 * serialises writes itself).
 */
public interface WebSocketChannel {

    /** Queues a text frame. */
    void sendText(String text);

    /** Queues a binary frame. The array must not be changed afterwards. */
    void sendBinary(byte[] data);

    /** Closes the connection after the queued frames, with a close code and reason. */
    void close(int code, String reason);
}
