package io.socketee.internal.engine;

import io.socketee.internal.protocol.ProtocolException;
import io.socketee.internal.protocol.engine.EnginePacket;

/**
 * Routes one WebSocket's frames to its session, or to the session's upgrade probe while the
 * WebSocket is only a candidate. The container calls one connection's methods one at a time.
 */
final class WebSocketHost implements WebSocketReceiver {
    private final EngineSession session;
    private final WebSocketTransport ws;

    WebSocketHost(EngineSession session, WebSocketTransport ws) {
        this.session = session;
        this.ws = ws;
    }

    @Override
    public void onText(String text) {
        EnginePacket packet;
        try {
            packet = Framing.decodeTextFrame(text, session.version());
        } catch (ProtocolException e) {
            failed(e);
            return;
        }
        route(packet);
    }

    @Override
    public void onBinary(byte[] data) {
        EnginePacket packet;
        try {
            packet = Framing.decodeBinaryFrame(data, session.version());
        } catch (ProtocolException e) {
            failed(e);
            return;
        }
        route(packet);
    }

    private void route(EnginePacket packet) {
        if (session.transport() == ws) {
            // the session's own WebSocket is never an upgrade's candidate, and only a packet on this
            // connection (delivered by this thread) could have made it the transport: no lock needed
            session.onPacket(ws, packet);
            return;
        }
        boolean[] probing = new boolean[1];
        session.locked(() -> {
            Upgrade u = session.currentUpgrade();
            if (session.transport() != ws && u != null && u.candidate() == ws) {
                probing[0] = true;
                u.onPacket(packet);
            }
        });
        if (!probing[0]) {
            session.onPacket(ws, packet);
        }
    }

    private void failed(ProtocolException e) {
        boolean[] main = new boolean[1];
        session.locked(() -> {
            main[0] = session.transport() == ws;
            Upgrade u = session.currentUpgrade();
            if (!main[0] && u != null && u.candidate() == ws) {
                u.abort();
            }
        });
        if (main[0]) {
            session.onParseError(e);
        }
    }

    @Override
    public void onClose() {
        session.locked(() -> {
            ws.markClosed();
            session.onTransportClose(ws);
        });
    }
}
