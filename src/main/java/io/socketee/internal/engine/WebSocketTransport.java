package io.socketee.internal.engine;

import io.socketee.internal.protocol.engine.EnginePacket;
import java.util.List;

/**
 * A WebSocket carrying one packet per frame. The channel serialises and queues writes itself, so
 * this transport is always writable while open; the session bounds what may wait in the channel.
 * Every way the transport ends ends the connection: a close whose frame cannot go out because the
 * peer reads nothing is turned into an abort after the write timeout.
 *
 * <p>Guarded by the owning session's lock, except the close watch (see {@link #watchClose}).
 */
final class WebSocketTransport extends Transport {
    private final EngineSession session;
    private final WebSocketChannel channel;
    private boolean closed;

    WebSocketTransport(EngineSession session, WebSocketChannel channel) {
        this.session = session;
        this.channel = channel;
    }

    @Override
    String name() {
        return "websocket";
    }

    @Override
    boolean writable() {
        return !closed;
    }

    @Override
    void send(List<EnginePacket> packets) {
        for (EnginePacket p : packets) {
            Framing.write(channel, p, session.version());
        }
    }

    @Override
    boolean sendsUrgent() {
        return !closed;
    }

    @Override
    void sendUrgent(EnginePacket packet) {
        channel.sendUrgentText(io.socketee.internal.protocol.engine.EngineCodec.encodeText(packet, session.version()));
    }

    @Override
    void close(Runnable onClosed) {
        if (!closed) {
            closed = true;
            channel.close(1000, "");
            if (channel.pendingBytes() > 0) {
                watchClose(channel.progress());
            }
        }
        onClosed.run();
    }

    /**
     * The close frame waits behind the output already queued; a peer that reads none of it would
     * never get it, and the connection would stay. Each write timeout without progress while
     * output waits aborts the connection. Runs on the timer's worker, without the session's lock
     * (the channel is thread-safe).
     */
    private void watchClose(long progressSeen) {
        session.schedule(() -> {
            if (channel.pendingBytes() == 0) {
                return;
            }
            long progress = channel.progress();
            if (progress == progressSeen) {
                channel.abort(1000, "");
            } else {
                watchClose(progress);
            }
        }, session.options().writeTimeout().toMillis());
    }

    @Override
    void abort(int closeCode, String closeReason) {
        if (!closed) {
            closed = true;
            channel.abort(closeCode, closeReason);
        }
    }

    @Override
    long pendingBytes() {
        return channel.pendingBytes();
    }

    @Override
    long progress() {
        return channel.progress();
    }

    @Override
    void discard() {
        // nothing is held back on a WebSocket
    }

    /** Marks the transport closed because the peer closed it. */
    void markClosed() {
        closed = true;
    }

    boolean isClosed() {
        return closed;
    }
}
