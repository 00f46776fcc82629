package io.socketee.internal.sio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.socketee.Socket;
import io.socketee.internal.protocol.engine.EngineVersion;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Leaving namespaces and closing connections: packets sent, reasons, and the two phases. */
class DisconnectTest {
    private final SioFixture fx = new SioFixture();
    private final List<Socket> sockets = new ArrayList<>();
    private final List<String> log = new ArrayList<>();

    DisconnectTest() {
        fx.server.onConnection(this::track);
        fx.server.of("/custom").onConnection(this::track);
    }

    private void track(Socket socket) {
        sockets.add(socket);
        socket.join("room");
        socket.onDisconnecting((s, r) -> log.add("disconnecting " + s.namespace().name() + " " + r.wireName()
                + " rooms=" + s.rooms().size() + " connected=" + s.connected()));
        socket.onDisconnect((s, r) -> log.add("disconnect " + s.namespace().name() + " " + r.wireName()
                + " rooms=" + s.rooms().size() + " connected=" + s.connected()));
    }

    @Test
    void clientLeavingANamespaceKeepsTheConnection() {
        FakeEngineSocket conn = fx.connectV5("/");
        conn.receive("0/custom,");
        conn.receive("1/custom,");
        assertEquals(List.of(
                "disconnecting /custom client namespace disconnect rooms=2 connected=true",
                "disconnect /custom client namespace disconnect rooms=0 connected=false"), log);
        assertNull(conn.closedWith());
        assertEquals(1, fx.server.of("/").sockets().size());
        assertEquals(0, fx.server.of("/custom").sockets().size());
    }

    @Test
    void leavingTheOnlyNamespaceStillKeepsTheConnection() {
        FakeEngineSocket conn = fx.connectV5("/");
        conn.receive("1");
        fx.scheduler.advance(SioFixture.CONNECT_TIMEOUT.multipliedBy(2));
        assertNull(conn.closedWith());
        conn.receive("0");
        assertEquals(2, sockets.size());
    }

    @Test
    void serverNamespaceDisconnectTellsTheClient() {
        FakeEngineSocket conn = fx.connectV5("/");
        conn.receive("0/custom,");
        conn.clear();
        sockets.get(1).disconnect(false);
        assertEquals(List.of("1/custom,"), conn.texts());
        assertEquals("disconnect /custom server namespace disconnect rooms=0 connected=false", log.get(1));
        assertNull(conn.closedWith());
    }

    @Test
    void disconnectWithCloseLeavesEveryNamespaceThenClosesTheConnection() {
        FakeEngineSocket conn = fx.connectV5("/");
        conn.receive("0/custom,");
        conn.clear();
        sockets.get(0).disconnect(true);
        assertEquals(List.of("1", "1/custom,"), conn.texts());
        assertEquals("forced close", conn.closedWith());
        assertEquals(List.of(
                "disconnecting / server namespace disconnect rooms=2 connected=true",
                "disconnect / server namespace disconnect rooms=0 connected=false",
                "disconnecting /custom server namespace disconnect rooms=2 connected=true",
                "disconnect /custom server namespace disconnect rooms=0 connected=false"), log);
    }

    @Test
    void v4MainNamespaceDisconnectIsPlain() {
        FakeEngineSocket conn = fx.open(EngineVersion.V3);
        conn.clear();
        sockets.get(0).disconnect(false);
        assertEquals(List.of("1"), conn.texts());
    }

    @Test
    void transportCloseReachesEverySocketWithTheEngineReason() {
        FakeEngineSocket conn = fx.connectV5("/");
        conn.receive("0/custom,");
        conn.drop("ping timeout");
        assertEquals(4, log.size());
        assertEquals("disconnect / ping timeout rooms=0 connected=false", log.get(1));
        assertEquals("disconnect /custom ping timeout rooms=0 connected=false", log.get(3));
        assertFalse(sockets.get(0).connected());
    }

    @Test
    void serverShutdownDisconnectsEverySocketAndClosesTheConnections() {
        FakeEngineSocket one = fx.connectV5("/");
        FakeEngineSocket two = fx.connectV5("/custom");
        fx.server.close();
        // two connections: no order between them, only within each
        int main = log.indexOf("disconnecting / server shutting down rooms=2 connected=true");
        int custom = log.indexOf("disconnecting /custom server shutting down rooms=2 connected=true");
        assertEquals("disconnect / server shutting down rooms=0 connected=false", log.get(main + 1));
        assertEquals("disconnect /custom server shutting down rooms=0 connected=false", log.get(custom + 1));
        assertEquals(4, log.size());
        assertEquals("forced close", one.closedWith());
        assertEquals("forced close", two.closedWith());
        FakeEngineSocket late = fx.open(EngineVersion.V4);
        assertEquals("forced close", late.closedWith());
    }

    @Test
    void disconnectFromOutsideTheClientsExecutorIsQueuedThere() {
        java.util.Queue<Runnable> tasks = new java.util.ArrayDeque<>();
        SioFixture queued = new SioFixture(tasks::add);
        List<Socket> mine = new ArrayList<>();
        queued.server.onConnection(mine::add);
        FakeEngineSocket conn = queued.open(EngineVersion.V4);
        conn.receive("0");
        drain(tasks);
        conn.clear();
        mine.get(0).disconnect(false);
        assertEquals(List.of(), conn.texts(), "nothing happens on the calling thread");
        drain(tasks);
        assertEquals(List.of("1"), conn.texts());
        assertFalse(mine.get(0).connected());
    }

    private static void drain(java.util.Queue<Runnable> tasks) {
        for (Runnable task = tasks.poll(); task != null; task = tasks.poll()) {
            task.run();
        }
    }

    @Test
    void packetsAfterTheCloseAreIgnored() {
        FakeEngineSocket conn = fx.connectV5("/");
        List<Object> seen = new ArrayList<>();
        sockets.get(0).on("ev", (s, a, k) -> seen.add(a));
        conn.drop("transport close");
        conn.receive("2[\"ev\"]");
        assertEquals(List.of(), seen);
    }
}
