package io.socketee.internal.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class UpgradeTest {

    @Test
    void probeThenUpgradeMovesTheSessionWithoutLosingOrReorderingPackets() throws Exception {
        try (EngineFixture f = new EngineFixture(EngineOptions.DEFAULTS)) {
            String sid = f.handshake("4");
            EngineSocket socket = f.connections.take();
            EngineFixture.Exchange poll = f.get("EIO=4&transport=polling&sid=" + sid);
            EngineFixture.Channel ws = new EngineFixture.Channel();
            WebSocketReceiver in = f.server.acceptWebSocket(
                    EngineFixture.wsRequest("EIO=4&transport=websocket&sid=" + sid), ws);
            in.onText("2probe");
            assertEquals("3probe", ws.next());
            assertEquals("6", poll.await().text(), "the pending GET is released with a noop");
            socket.sendText("m1");
            socket.sendText("m2");
            List<String> received = new ArrayList<>();
            EngineFixture.Response r = f.get("EIO=4&transport=polling&sid=" + sid).await();
            for (String p : r.text().split("\u001e")) {
                received.add(p);
            }
            in.onText("5");
            socket.sendText("m3");
            socket.sendBinary(new byte[] {7});
            received.add((String) ws.next());
            assertEquals(List.of("4m1", "4m2", "4m3"), received);
            assertArrayEquals(new byte[] {7}, (byte[]) ws.next());
            assertEquals("websocket", socket.transportName());
            in.onText("4over ws");
            assertEquals("upgrade:websocket", f.nextEvent(sid), "the handler hears of the switch before what follows it");
            assertEquals("text:over ws", f.nextEvent(sid));
            EngineHandshakeTest.assertError(f.get("EIO=4&transport=polling&sid=" + sid), 400,
                    "{\"code\":3,\"message\":\"Bad request\"}");
        }
    }

    @Test
    void aSecondUpgradeAttemptIsRefused() throws Exception {
        try (EngineFixture f = new EngineFixture(EngineOptions.DEFAULTS)) {
            String sid = f.handshake("4");
            EngineFixture.Channel first = new EngineFixture.Channel();
            f.server.acceptWebSocket(EngineFixture.wsRequest("EIO=4&transport=websocket&sid=" + sid), first);
            EngineFixture.Channel second = new EngineFixture.Channel();
            f.server.acceptWebSocket(EngineFixture.wsRequest("EIO=4&transport=websocket&sid=" + sid), second);
            assertTrue(second.next().toString().startsWith("<close 1008>"));
            assertEquals(1, f.server.clientsCount(), "the session itself lives on");
        }
    }

    @Test
    void anUpgradeThatTimesOutLeavesTheSessionOnPolling() throws Exception {
        try (EngineFixture f = new EngineFixture(EngineOptions.DEFAULTS.withUpgradeTimeout(Duration.ofMillis(100)))) {
            String sid = f.handshake("4");
            EngineSocket socket = f.connections.take();
            EngineFixture.Channel ws = new EngineFixture.Channel();
            f.server.acceptWebSocket(EngineFixture.wsRequest("EIO=4&transport=websocket&sid=" + sid), ws);
            assertEquals("<close 1000>", ws.next());
            socket.sendText("still polling");
            assertEquals("4still polling", f.get("EIO=4&transport=polling&sid=" + sid).await().text());
        }
    }

    @Test
    void anUnexpectedPacketDuringTheProbeDropsTheCandidate() throws Exception {
        try (EngineFixture f = new EngineFixture(EngineOptions.DEFAULTS)) {
            String sid = f.handshake("4");
            EngineFixture.Channel ws = new EngineFixture.Channel();
            WebSocketReceiver in = f.server.acceptWebSocket(
                    EngineFixture.wsRequest("EIO=4&transport=websocket&sid=" + sid), ws);
            in.onText("4too early");
            assertEquals("<close 1000>", ws.next());
            assertEquals("polling", f.connections.take().transportName());
        }
    }

    @Test
    void aDirectWebSocketSessionOpensWithoutPolling() throws Exception {
        try (EngineFixture f = new EngineFixture(EngineOptions.DEFAULTS)) {
            EngineFixture.Channel ws = new EngineFixture.Channel();
            WebSocketReceiver in = f.server.acceptWebSocket(EngineFixture.wsRequest("EIO=4&transport=websocket"), ws);
            String open = (String) ws.next();
            assertTrue(open.matches("0\\{\"sid\":\"[A-Za-z0-9_-]{20}\",\"upgrades\":\\[\\],\"pingInterval\":25000,"
                    + "\"pingTimeout\":20000,\"maxPayload\":1000000}"), open);
            in.onBinary(new byte[] {1, 2});
            assertEquals("binary:[1, 2]", f.nextEvent(open.substring(9, 29)));
            in.onClose();
            assertEquals("close:transport close", f.nextEvent(open.substring(9, 29)));
        }
    }

    @Test
    void aBadFrameOnTheWebSocketClosesWithParseError() throws Exception {
        try (EngineFixture f = new EngineFixture(EngineOptions.DEFAULTS)) {
            EngineFixture.Channel ws = new EngineFixture.Channel();
            WebSocketReceiver in = f.server.acceptWebSocket(EngineFixture.wsRequest("EIO=4&transport=websocket"), ws);
            String sid = ((String) ws.next()).substring(9, 29);
            in.onText("");
            assertEquals("close:parse error", f.nextEvent(sid));
            assertEquals("<close 1000>", ws.next());
        }
    }
}
