package io.socketee.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class HeartbeatTest {
    private static final EngineOptions FAST = EngineOptions.DEFAULTS.withAllowEio3(true)
            .withPing(Duration.ofMillis(100), Duration.ofMillis(150));

    @Test
    void version4ServerPingsAndAPongKeepsTheSessionAlive() throws Exception {
        try (EngineFixture f = new EngineFixture(FAST)) {
            EngineFixture.Channel ws = new EngineFixture.Channel();
            WebSocketReceiver in = f.server.acceptWebSocket(EngineFixture.wsRequest("EIO=4&transport=websocket"), ws);
            String open = (String) ws.next();
            String sid = open.substring(9, 29);
            for (int i = 0; i < 3; i++) {
                assertEquals("2", ws.next(), "ping " + i);
                in.onText("3");
            }
            in.onText("4still here");
            assertEquals("text:still here", f.nextEvent(sid));
            assertEquals(1, f.server.clientsCount());
        }
    }

    @Test
    void version4SessionWithoutPongClosesWithPingTimeout() throws Exception {
        try (EngineFixture f = new EngineFixture(FAST)) {
            EngineFixture.Channel ws = new EngineFixture.Channel();
            f.server.acceptWebSocket(EngineFixture.wsRequest("EIO=4&transport=websocket"), ws);
            String sid = ((String) ws.next()).substring(9, 29);
            assertEquals("2", ws.next());
            assertEquals("close:ping timeout", f.nextEvent(sid));
            assertEquals(0, f.server.clientsCount());
        }
    }

    /** A peer that answers nothing may read nothing: its connection is aborted, not closed behind its output. */
    @Test
    void pingTimeoutAbortsTheWebSocketConnection() throws Exception {
        try (EngineFixture f = new EngineFixture(FAST)) {
            EngineFixture.Channel ws = new EngineFixture.Channel();
            f.server.acceptWebSocket(EngineFixture.wsRequest("EIO=4&transport=websocket"), ws);
            String sid = ((String) ws.next()).substring(9, 29);
            ws.stopReading();
            assertEquals("2", ws.next());
            assertEquals("close:ping timeout", f.nextEvent(sid));
            assertEquals("<abort 1000>", ws.next());
            assertEquals("1000 ", ws.abortedWith);
            assertEquals(null, ws.closedWith, "no close queued behind the unread ping");
            assertEquals(0, ws.pendingBytes(), "the unread ping is released");
        }
    }

    @Test
    void version3ClientPingsAreAnsweredAndSilenceTimesOut() throws Exception {
        try (EngineFixture f = new EngineFixture(FAST)) {
            EngineFixture.Channel ws = new EngineFixture.Channel();
            WebSocketReceiver in = f.server.acceptWebSocket(EngineFixture.wsRequest("EIO=3&transport=websocket"), ws);
            String sid = ((String) ws.next()).substring(9, 29);
            in.onText("2");
            assertEquals("3", ws.next());
            assertEquals("close:ping timeout", f.nextEvent(sid));
        }
    }

    @Test
    void aHeartbeatInTheWrongDirectionIsATransportError() throws Exception {
        try (EngineFixture f = new EngineFixture(EngineOptions.DEFAULTS)) {
            EngineFixture.Channel ws = new EngineFixture.Channel();
            WebSocketReceiver in = f.server.acceptWebSocket(EngineFixture.wsRequest("EIO=4&transport=websocket"), ws);
            String sid = ((String) ws.next()).substring(9, 29);
            in.onText("2");
            assertEquals("close:transport error", f.nextEvent(sid));
        }
    }

    @Test
    void aWebSocketPingGoesAheadOfQueuedMessages() throws Exception {
        try (EngineFixture f = new EngineFixture(FAST)) {
            EngineFixture.Channel ws = new EngineFixture.Channel();
            f.server.acceptWebSocket(EngineFixture.wsRequest("EIO=4&transport=websocket"), ws);
            ws.next();
            assertEquals("2", ws.next());
            assertEquals(java.util.List.of("2"), ws.urgent, "sent as an urgent frame");
        }
    }

    @Test
    void aPollingPingComesFirstInItsBatchAheadOfWaitingMessages() throws Exception {
        try (EngineFixture f = new EngineFixture(EngineOptions.DEFAULTS)) {
            String sid = f.handshake("4");
            EngineSession session = (EngineSession) f.connections.take();
            session.sendText("waiting");
            session.locked(() -> session.sendHeartbeat(io.socketee.internal.protocol.engine.EnginePacket.of(
                    io.socketee.internal.protocol.engine.EnginePacketType.PING)));
            assertEquals("2\u001e4waiting", f.get("EIO=4&transport=polling&sid=" + sid).await().text());
        }
    }
}
