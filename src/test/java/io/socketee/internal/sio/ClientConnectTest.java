package io.socketee.internal.sio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketee.Socket;
import io.socketee.internal.protocol.engine.EngineVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Joining namespaces: the CONNECT answers of protocol v4 and v5, ids, auth and wrong states. */
class ClientConnectTest {
    private final SioFixture fx = new SioFixture();
    private final List<Socket> connected = new ArrayList<>();

    ClientConnectTest() {
        fx.server.onConnection(connected::add);
        fx.server.of("/custom").onConnection(connected::add);
    }

    @Test
    void v5ConnectToMainNamespaceAnswersWithARandomSid() {
        FakeEngineSocket conn = fx.open(EngineVersion.V4);
        conn.receive("0");
        assertEquals(1, connected.size());
        String sid = connected.get(0).id();
        assertTrue(sid.matches("[A-Za-z0-9_-]{20}"), sid);
        assertTrue(!sid.equals(conn.id()), "the socket id must not reveal the session id");
        assertEquals(List.of("0{\"sid\":\"" + sid + "\"}"), conn.texts());
    }

    @Test
    void v5ConnectToOtherNamespaceNamesItAndPassesTheAuthPayload() {
        FakeEngineSocket conn = fx.open(EngineVersion.V4);
        conn.receive("0/custom,{\"token\":\"abc\",\"n\":1}");
        Socket socket = connected.get(0);
        assertEquals(List.of("0/custom,{\"sid\":\"" + socket.id() + "\"}"), conn.texts());
        assertEquals(Map.of("token", "abc", "n", 1L), socket.handshake().auth());
        assertEquals("/custom", socket.namespace().name());
    }

    @Test
    void v4ClientIsConnectedToMainNamespaceAtOnceWithTheSessionIdAsSocketId() {
        FakeEngineSocket conn = fx.open(EngineVersion.V3);
        assertEquals(List.of("0"), conn.texts());
        assertEquals(conn.id(), connected.get(0).id());
        assertEquals(Map.of(), connected.get(0).handshake().auth());
    }

    @Test
    void v4NamespaceQueryBecomesTheAuthAndTheSocketIdIsPrefixed() {
        FakeEngineSocket conn = fx.open(EngineVersion.V3);
        conn.receive("0/custom?token=secret&x=1&x=2&sp=a+b%21,");
        assertEquals(List.of("0", "0/custom,"), conn.texts());
        Socket socket = connected.get(1);
        assertEquals("/custom#" + conn.id(), socket.id());
        assertEquals(Map.of("token", "secret", "x", List.of("1", "2"), "sp", "a b!"), socket.handshake().auth());
    }

    @Test
    void unknownNamespaceIsRefusedAndTheConnectionStays() {
        FakeEngineSocket conn = fx.open(EngineVersion.V4);
        conn.receive("0/nope,");
        assertEquals(List.of("4/nope,{\"message\":\"Invalid namespace\"}"), conn.texts());
        assertNull(conn.closedWith());
        conn.receive("0");
        assertEquals(1, connected.size());
    }

    @Test
    void unknownNamespaceIsRefusedTheSameWayInV4() {
        FakeEngineSocket conn = fx.open(EngineVersion.V3);
        conn.receive("0/nope?a=b,");
        assertEquals(List.of("0", "4/nope,{\"message\":\"Invalid namespace\"}"), conn.texts());
    }

    @Test
    void connectingTwiceToTheSameNamespaceClosesTheConnection() {
        FakeEngineSocket conn = fx.connectV5("/");
        List<String> reasons = new ArrayList<>();
        connected.get(0).onDisconnect((s, r) -> reasons.add(r.wireName()));
        conn.receive("0");
        assertEquals("forced close", conn.closedWith());
        assertEquals(List.of("forced server close"), reasons);
    }

    @Test
    void eventForANamespaceNotJoinedClosesTheConnection() {
        FakeEngineSocket conn = fx.connectV5("/");
        conn.receive("2/custom,[\"x\"]");
        assertEquals("forced close", conn.closedWith());
    }

    @Test
    void handshakeCarriesTheRequestDetails() {
        FakeEngineSocket conn = fx.open(EngineVersion.V4, Map.of("token", "t"));
        conn.receive("0");
        var handshake = connected.get(0).handshake();
        assertEquals("t", handshake.query().get("token"));
        assertEquals("127.0.0.1", handshake.address());
        assertTrue(handshake.xdomain());
        assertTrue(handshake.time().contains(" GMT"), handshake.time());
        assertEquals("/socket.io/?EIO=4", handshake.url());
    }

    @Test
    void socketIsInItsOwnRoomOnceConnected() {
        fx.connectV5("/");
        Socket socket = connected.get(0);
        assertEquals(List.of(socket.id()), List.copyOf(socket.rooms()));
        assertTrue(socket.connected());
        assertEquals(Map.of(socket.id(), socket), fx.server.of("/").sockets());
    }
}
