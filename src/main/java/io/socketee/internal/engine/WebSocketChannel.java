package io.socketee.internal.engine;

/**
 * The sending side of one WebSocket connection; the transport host implements it.
 *
 * <p>Implementations must be thread-safe, must keep frames in the order of the calls (some
 * containers lose frames written concurrently, so the host serialises writes itself), and none of
 * their methods may block the caller: sending only queues, and a close that may wait on the
 * network runs on a thread of the host's own. The engine decides when a peer is too slow, from
 * {@link #pendingBytes} and {@link #progress}; the host only reports them.
 */
public interface WebSocketChannel {

    /** Queues a text frame. */
    void sendText(String text);

    /** Queues a binary frame. The array must not be changed afterwards. */
    void sendBinary(byte[] data);

    /**
     * Queues a text frame ahead of every frame not yet being written (a heartbeat, which must
     * not wait behind a backlog of messages); urgent frames keep their own order.
     */
    void sendUrgentText(String text);

    /** Closes the connection after the queued frames, with a close code and reason. */
    void close(int code, String reason);

    /**
     * Drops every queued frame at once and closes the connection without sending them, with a
     * close code and reason (which a peer that does not read may never see).
     */
    void abort(int code, String reason);

    /** Bytes queued or being written: a text frame counts its characters, a binary one its bytes. */
    long pendingBytes();

    /** A count that grows each time a write completes; it says nothing else. */
    long progress();
}
