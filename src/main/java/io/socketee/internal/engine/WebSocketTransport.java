package io.socketee.internal.engine;

import io.socketee.internal.protocol.engine.EnginePacket;
import java.util.List;

/**
 * A WebSocket carrying one packet per frame. The channel serialises and queues writes itself, so
 * this transport is always writable while open; the session bounds what may wait in the channel.
 *
 * <p>Guarded by the owning session's lock.
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
        }
        onClosed.run();
    }

    @Override
    void abort() {
        if (!closed) {
            closed = true;
            channel.abort(1008, "output not read");
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
