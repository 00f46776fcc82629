package io.socketee.internal.engine;

import io.socketee.internal.protocol.engine.EnginePacket;
import java.util.List;

/**
 * One way of carrying a session's packets: long-polling or WebSocket. Each transport only moves
 * packets; the {@link EngineSession} owns the protocol.
 *
 * <p>Not thread-safe on its own: every method is called with the owning session's lock held,
 * except where a method says otherwise. Work that touches the network and may take time is
 * handed back as {@link Runnable}s through the session's effect queue, to run after the lock is
 * released.
 */
abstract sealed class Transport permits PollingTransport, WebSocketTransport {

    /** The transport's name on the wire: "polling" or "websocket". */
    abstract String name();

    /** Whether {@link #send} may be called now. */
    abstract boolean writable();

    /** Sends a batch of packets; only when {@link #writable()}. */
    abstract void send(List<EnginePacket> packets);

    /**
     * Whether {@link #sendUrgent} can put a packet ahead of what the transport already holds
     * (a WebSocket's queue); if not, the session puts it ahead in its own write buffer.
     */
    boolean sendsUrgent() {
        return false;
    }

    /** Sends a heartbeat packet ahead of queued messages; only when {@link #sendsUrgent()}. */
    void sendUrgent(EnginePacket packet) {
        throw new UnsupportedOperationException();
    }

    /**
     * Closes the transport the graceful way (polling: a close packet on the next GET), then runs
     * {@code onClosed}.
     */
    abstract void close(Runnable onClosed);

    /** Marks the transport as replaced by an upgrade: closing it sends nothing more. */
    abstract void discard();

    /**
     * Closes the transport at once, dropping whatever it still holds for the peer: for a peer
     * that does not read or does not answer. A WebSocket ends its connection with this close code
     * and reason (which such a peer may never see); polling answers a pending GET with a close
     * packet. Never blocks.
     */
    abstract void abort(int closeCode, String closeReason);

    /** Bytes the transport holds for the peer (sent but not yet written). Any thread. */
    long pendingBytes() {
        return 0;
    }

    /** A count that grows as the transport writes; see {@link WebSocketChannel#progress}. Any thread. */
    long progress() {
        return 0;
    }
}
