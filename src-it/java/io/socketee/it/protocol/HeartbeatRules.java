package io.socketee.it.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import io.socketee.it.protocol.support.PollingSession;
import io.socketee.it.protocol.support.RawWebSocket;
import io.socketee.it.protocol.support.Wire;

/**
 * Heartbeat: v4 (engine.io-protocol v4 "Heartbeat": server pings, client pongs) and v3
 * (engine.io-protocol v3 "Timeouts": client pings, server pongs). The contract servers use
 * pingInterval 1500 and pingTimeout 3000; every wait here is bounded by the generous frame and
 * request timeouts, never asserted against the clock.
 */
public abstract class HeartbeatRules extends ProtocolRules {

    /** v4 polling: a GET returns the server's ping {@code 2}; a pong keeps the session, so a second ping follows. */
    @Test
    public void v4ServerPingsOverPollingAndPongKeepsSessionAlive() {
        PollingSession session = pollingV4();
        session.send("40"); // avoid the connect timeout
        Wire.assertMasked("40{\"sid\":\"<sid>\"}", session.getText());

        assertEquals("2", session.getText());
        session.send("3");
        assertEquals("2", session.getText());
        session.send("3");
    }

    /** v4 polling: without a pong within pingTimeout the server closes; the pending GET gets {@code 1}. */
    @Test
    public void v4WithoutPongPollingSessionIsClosed() {
        PollingSession session = pollingV4();
        session.send("40");
        Wire.assertMasked("40{\"sid\":\"<sid>\"}", session.getText());
        assertEquals("2", session.getText());

        assertEquals("1", session.getText());
        assertSessionGone(session);
    }

    /** v4 WebSocket: ping {@code 2} arrives as a frame; the pong keeps the connection, so a second ping follows. */
    @Test
    public void v4ServerPingsOverWebSocketAndPongKeepsItOpen() {
        RawWebSocket ws = webSocketV4Connected();

        ws.expectText("2");
        ws.send("3");
        ws.expectText("2");
        ws.send("3");
    }

    /** v4 WebSocket: without a pong the server closes the connection (close frame without status: 1005). */
    @Test
    public void v4WithoutPongWebSocketIsClosed() {
        RawWebSocket ws = webSocketV4Connected();
        ws.expectText("2");

        assertEquals(serverCloseCode(), ws.awaitCloseCode());
    }

    /** v4: a ping from the client is a protocol violation ("invalid heartbeat direction"): the session ends at once. */
    @Test
    public void v4PingFromClientClosesSession() {
        PollingSession session = pollingV4();

        session.send("2");
        assertSessionGone(session);
    }

    /** v4 WebSocket: a ping from the client closes the connection. */
    @Test
    public void v4PingFromClientOverWebSocketClosesConnection() {
        RawWebSocket ws = webSocketV4();

        ws.send("2");
        assertEquals(serverCloseCode(), ws.awaitCloseCode());
    }

    /** v3 polling: the client pings, the server answers {@code 3}. */
    @Test
    public void v3ClientPingIsAnsweredWithPongOverPolling() {
        PollingSession session = pollingV3();
        assertEquals("2:40", session.getText());

        session.send("2");
        assertEquals("1:3", session.getText());
    }

    /** v3 WebSocket: the client pings, the server answers {@code 3}. */
    @Test
    public void v3ClientPingIsAnsweredWithPongOverWebSocket() {
        RawWebSocket ws = webSocketV3();

        ws.send("2");
        ws.expectText("3");
    }

    /**
     * v3: the spec says the pong carries the ping's data; outside an upgrade the reference
     * answers a {@code 2probe} with a bare {@code 3}: reference wins.
     */
    @Test
    public void v3PingWithDataOutsideUpgradeIsAnsweredWithBarePong() {
        RawWebSocket ws = webSocketV3();

        ws.send("2probe");
        ws.expectText("3");
    }

    /** v3: a client that stops pinging is dropped after pingInterval + pingTimeout. */
    @Test
    public void v3WithoutClientPingSessionIsClosed() {
        RawWebSocket ws = webSocketV3();

        assertEquals(serverCloseCode(), ws.awaitCloseCode());
    }

    /** v3: a pong from the client is a protocol violation ("invalid heartbeat direction"). */
    @Test
    public void v3PongFromClientClosesSession() {
        RawWebSocket ws = webSocketV3();

        ws.send("3");
        assertEquals(serverCloseCode(), ws.awaitCloseCode());
    }
}
