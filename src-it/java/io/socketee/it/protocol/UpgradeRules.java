package io.socketee.it.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import io.socketee.it.protocol.support.Payloads;
import io.socketee.it.protocol.support.PollingSession;
import io.socketee.it.protocol.support.RawPolling;
import io.socketee.it.protocol.support.RawResponse;
import io.socketee.it.protocol.support.RawWebSocket;
import io.socketee.it.protocol.support.Wire;

/**
 * Upgrade from polling to WebSocket (engine.io-protocol v4 "Upgrade", v3 "Transport upgrading"):
 * {@code 2probe} / {@code 3probe}, the pending GET released by a noop {@code 6}, then {@code 5}.
 */
public abstract class UpgradeRules extends ProtocolRules {

    /** A polling session connected to "/". */
    private PollingSession connectedV4() {
        PollingSession session = pollingV4();
        Wire.assertMasked("40{\"sid\":\"<sid>\"}", session.connectMain());
        return session;
    }

    private RawWebSocket upgradeSocket(PollingSession session, String eio) {
        return webSocket("EIO=" + eio + "&transport=websocket&sid=" + session.sid());
    }

    /** The probe ping {@code 2probe} on the new WebSocket is answered {@code 3probe}; no open packet precedes it. */
    @Test
    public void probeIsAnsweredWithPongProbe() {
        PollingSession session = connectedV4();
        RawWebSocket ws = upgradeSocket(session, "4");

        ws.send("2probe");

        ws.expectText("3probe");
    }

    /** The GET pending during the upgrade is released with a noop {@code 6}. */
    @Test
    public void pendingGetIsReleasedWithNoopDuringUpgrade() {
        PollingSession session = connectedV4();
        CompletableFuture<RawResponse> pending = session.getAsync();
        pause(SETTLE);
        RawWebSocket ws = upgradeSocket(session, "4");

        ws.send("2probe");
        ws.expectText("3probe");

        RawResponse released = RawPolling.await(pending);
        assertEquals(200, released.status());
        assertEquals("6", released.text());
    }

    /** After {@code 5} the session lives on the WebSocket; polling requests get 400 code 3. */
    @Test
    public void afterUpgradePollingIsRefusedWithBadRequest() {
        PollingSession session = connectedV4();
        RawWebSocket ws = upgradeSocket(session, "4");
        ws.send("2probe");
        ws.expectText("3probe");

        ws.send("5");
        ws.send("42[\"echo\",\"upgraded\"]");
        assertEquals("42[\"echo\",\"upgraded\"]", ws.nextTextAnsweringPings());

        assertEngineError(3, "Bad request", session.get());
        assertEngineError(3, "Bad request", session.post("42[\"echo\",\"late\"]"));
    }

    /**
     * No packet is lost or reordered across the upgrade: packets the server emits before, during
     * (polling paused, upgrade not yet confirmed) and after the upgrade reach the client once
     * each, in order, whichever transport carries them.
     */
    @Test
    public void noPacketLostOrReorderedAcrossUpgrade() {
        PollingSession client = connectedV4();
        RawWebSocket other = webSocketV4Connected();
        List<String> received = new ArrayList<>();

        broadcast(other, 1, 1);
        received.addAll(client.collect(1));

        CompletableFuture<RawResponse> pending = client.getAsync();
        pause(SETTLE);
        RawWebSocket ws = upgradeSocket(client, "4");
        ws.send("2probe");
        ws.expectText("3probe");
        broadcast(other, 2, 2);
        keepPackets(RawPolling.await(pending).text(), received); // the last GET: polling is now paused
        broadcast(other, 3, 3);
        ws.send("5");
        broadcast(other, 4, 4);

        while (!received.contains("42[\"news\",4]")) {
            received.add(ws.nextTextAnsweringPings());
        }
        assertEquals(List.of("42[\"news\",1]", "42[\"news\",2]", "42[\"news\",3]", "42[\"news\",4]"), received);
    }

    /** A second WebSocket for an already upgraded session is accepted and closed at once. */
    @Test
    public void secondWebSocketForUpgradedSessionIsClosed() {
        PollingSession session = connectedV4();
        RawWebSocket ws = upgradeSocket(session, "4");
        ws.send("2probe");
        ws.expectText("3probe");
        ws.send("5");
        ws.send("42[\"echo\",1]");
        assertEquals("42[\"echo\",1]", ws.nextTextAnsweringPings());

        RawWebSocket second = upgradeSocket(session, "4");

        assertEquals(refusedAfterUpgradeCode(), second.awaitCloseCode());
        ws.send("42[\"echo\",2]");
        assertEquals("42[\"echo\",2]", ws.nextTextAnsweringPings());
    }

    /** v3: the pending GET is released with a length-prefixed noop {@code 1:6}; heartbeat then runs over the WebSocket. */
    @Test
    public void v3UpgradeReleasesPendingGetAndMovesHeartbeat() {
        PollingSession session = pollingV3();
        assertEquals("2:40", session.getText());
        CompletableFuture<RawResponse> pending = session.getAsync();
        pause(SETTLE);
        RawWebSocket ws = upgradeSocket(session, "3");

        ws.send("2probe");
        ws.expectText("3probe");
        assertEquals("1:6", RawPolling.await(pending).text());
        ws.send("5");

        ws.send("2");
        ws.expectText("3");
    }

    /**
     * Makes another client broadcast {@code news(n)} to "/" and waits for its ack, so the
     * broadcast has been handled before the test goes on.
     */
    private static void broadcast(RawWebSocket other, int n, int ackId) {
        other.send("42[\"broadcast\",null,\"news\"," + n + "]");
        other.send("42" + ackId + "[\"echo\"]");
        String expectedAck = "43" + ackId + "[]";
        while (true) {
            String frame = other.nextTextAnsweringPings();
            if (frame.equals(expectedAck)) {
                return;
            }
            assertEquals("42[\"news\"," + n + "]", frame); // the broadcaster receives its own news too
        }
    }

    private static void keepPackets(String pollingBody, List<String> received) {
        for (String packet : Payloads.splitV4(pollingBody)) {
            if (!packet.equals("6") && !packet.equals("2")) {
                received.add(packet);
            }
        }
    }
}
