package io.socketee.it.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import io.socketee.it.protocol.support.PollingSession;
import io.socketee.it.protocol.support.RawPolling;
import io.socketee.it.protocol.support.RawResponse;
import io.socketee.it.protocol.support.RawWebSocket;
import io.socketee.it.protocol.support.Wire;

/**
 * Protocol violations and timeouts at the Socket.IO level (socket.io-protocol v5: "If the
 * server does not receive a CONNECT packet first, then it MUST close the connection", "The
 * payload ... MUST be a non-empty array. If that's not the case, then the receiver MUST close
 * the connection"), plus the reference's handling of packets that fit no state. Every one of
 * them ends the Engine.IO connection.
 */
public abstract class SocketIoViolationRules extends ProtocolRules {

    private static final String CONNECTED_MAIN = "40{\"sid\":\"<sid>\"}";

    /** A packet for a namespace the client has not joined closes the connection. */
    @Test
    public void packetForUnjoinedNamespaceClosesConnection() {
        RawWebSocket ws = webSocketV4Connected();

        ws.send("42/custom,[\"echo\",\"x\"]");

        assertEquals(serverCloseCode(), ws.awaitCloseCode());
    }

    /** A second CONNECT to a namespace already joined closes the connection. */
    @Test
    public void secondConnectToJoinedNamespaceClosesConnection() {
        RawWebSocket ws = webSocketV4Connected();

        ws.send("40");

        assertEquals(serverCloseCode(), ws.awaitCloseCode());
    }

    /** socket.io-protocol v5: an EVENT payload must be a non-empty array, else the receiver closes. */
    @Test
    public void eventWithEmptyPayloadClosesConnection() {
        RawWebSocket ws = webSocketV4Connected();

        ws.send("42[]");

        assertEquals(serverCloseCode(), ws.awaitCloseCode());
    }

    /** socket.io-protocol v5: a CONNECT payload must be an object; anything else closes the connection. */
    @Test
    public void connectWithNonObjectPayloadClosesConnection() {
        RawWebSocket ws = webSocketV4();

        ws.send("40[\"token\"]");

        assertEquals(serverCloseCode(), ws.awaitCloseCode());
    }

    /**
     * A binary packet may announce as many attachments as socket.io-parser's {@code maxAttachments}
     * (10 on both servers): such a packet is reassembled and echoed.
     */
    @Test
    public void binaryPacketWithTheMostAttachmentsIsAccepted() {
        RawWebSocket ws = webSocketV4Connected();

        ws.send("4510-" + binaryEcho(10));
        for (int i = 0; i < 10; i++) {
            ws.send(new byte[] {(byte) i});
        }

        assertEquals("4510-" + binaryEcho(10), ws.nextTextAnsweringPings());
        for (int i = 0; i < 10; i++) {
            ws.expectBinary(new byte[] {(byte) i});
        }
    }

    /** A binary packet announcing more attachments than the limit (10) closes the connection at its header. */
    @Test
    public void binaryPacketAnnouncingTooManyAttachmentsClosesTheConnection() {
        RawWebSocket ws = webSocketV4Connected();

        ws.send("4511-" + binaryEcho(11));

        assertEquals(serverCloseCode(), ws.awaitCloseCode());
    }

    /** {@code ["echo", placeholder 0, ..., placeholder count-1]}. */
    protected static String binaryEcho(int count) {
        StringBuilder json = new StringBuilder("[\"echo\"");
        for (int i = 0; i < count; i++) {
            json.append(",{\"_placeholder\":true,\"num\":").append(i).append('}');
        }
        return json.append(']').toString();
    }

    /** An undecodable Socket.IO packet closes the connection (WebSocket). */
    @Test
    public void invalidSocketIoPacketClosesWebSocket() {
        RawWebSocket ws = webSocketV4Connected();

        ws.send("4zzz");

        assertEquals(serverCloseCode(), ws.awaitCloseCode());
    }

    /** An undecodable Socket.IO packet closes the connection (polling: the pending GET gets {@code 1}). */
    @Test
    public void invalidSocketIoPacketClosesPollingSession() {
        PollingSession session = pollingV4();
        Wire.assertMasked(CONNECTED_MAIN, session.connectMain());
        CompletableFuture<RawResponse> pending = session.getAsync();
        pause(SETTLE);

        session.send("4zzz");

        assertEquals("1", RawPolling.await(pending).text());
        assertSessionGone(session);
    }

    /** An undecodable Engine.IO packet closes the polling session (the pending GET gets {@code 1}). */
    @Test
    public void invalidEnginePacketClosesPollingSession() {
        PollingSession session = pollingV4();
        Wire.assertMasked(CONNECTED_MAIN, session.connectMain());
        CompletableFuture<RawResponse> pending = session.getAsync();
        pause(SETTLE);

        session.send("9");

        assertEquals("1", RawPolling.await(pending).text());
        assertSessionGone(session);
    }

    /**
     * No CONNECT within connectTimeout (3000 ms on the contract servers) closes the Engine.IO
     * connection even though the heartbeat is answered.
     */
    @Test
    public void connectTimeoutClosesWebSocket() {
        RawWebSocket ws = webSocketV4();

        assertEquals(new RawWebSocket.Closed(serverCloseCode(), ""), ws.awaitEnd(true));
    }

    /**
     * The connect timeout over polling ends the session with a close packet: {@code 1} on a
     * pending GET, or {@code 6\x1e1} when it fires between two GETs (the reference's second ping
     * is due at about the same moment, so either can happen).
     */
    @Test
    public void connectTimeoutClosesPollingSession() {
        PollingSession session = pollingV4();

        List<String> packets = session.nextPackets();
        while (!packets.contains("1")) {
            packets.forEach(p -> assertEquals("2", p, () -> "before the close: " + p));
            session.send("3");
            packets = session.nextPackets();
        }

        assertEquals("1", packets.get(packets.size() - 1));
        packets.subList(0, packets.size() - 1).forEach(p -> assertEquals("6", p));
        assertSessionGone(session);
    }
}
