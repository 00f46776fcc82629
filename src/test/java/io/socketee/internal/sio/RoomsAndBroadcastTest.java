package io.socketee.internal.sio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.socketee.BroadcastOperator;
import io.socketee.Socket;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Rooms and broadcasts: who receives, and that a broadcast is encoded once. */
class RoomsAndBroadcastTest {
    private final SioFixture fx = new SioFixture();
    private final List<Socket> sockets = new ArrayList<>();
    private final FakeEngineSocket a;
    private final FakeEngineSocket b;
    private final FakeEngineSocket c;

    RoomsAndBroadcastTest() {
        fx.server.onConnection(sockets::add);
        fx.server.of("/other").onConnection(sockets::add);
        a = fx.connectV5("/");
        b = fx.connectV5("/");
        c = fx.connectV5("/");
    }

    @Test
    void roomsKeepJoinOrderAfterTheOwnId() {
        Socket s = sockets.get(0);
        s.join("r2");
        s.join(List.of("r1", "r2", "r3"));
        s.leave("r1");
        s.leave("never");
        assertEquals(List.of(s.id(), "r2", "r3"), List.copyOf(s.rooms()));
    }

    @Test
    void namespaceEmitReachesEverySocketWithTheSameEncodedMessage() {
        fx.server.emit("hi", 1);
        assertEquals(List.of("2[\"hi\",1]"), a.texts());
        assertEquals(List.of("2[\"hi\",1]"), b.texts());
        assertEquals(List.of("2[\"hi\",1]"), c.texts());
        assertSame(a.sent().get(0), b.sent().get(0), "encoded once, shared by every recipient");
        assertSame(a.sent().get(0), c.sent().get(0));
    }

    @Test
    void binaryBroadcastSharesTextAndAttachments() {
        fx.server.emit("bin", new byte[] {1});
        assertSame(a.batches().get(0), b.batches().get(0));
        assertEquals("51-[\"bin\",{\"_placeholder\":true,\"num\":0}]", a.sent().get(0));
    }

    @Test
    void roomBroadcastReachesOnlyItsMembersOnce() {
        sockets.get(0).join(List.of("r", "s"));
        sockets.get(2).join("s");
        fx.server.to("r").to("s").emit("x");
        assertEquals(List.of("2[\"x\"]"), a.texts());
        assertEquals(List.of(), b.texts());
        assertEquals(List.of("2[\"x\"]"), c.texts());
    }

    @Test
    void exceptLeavesOutARoom() {
        sockets.get(1).join("quiet");
        fx.server.except("quiet").emit("x");
        assertEquals(1, a.texts().size());
        assertEquals(0, b.texts().size());
        assertEquals(1, c.texts().size());
    }

    @Test
    void socketBroadcastAndToExcludeTheSender() {
        Socket sender = sockets.get(0);
        sender.broadcast().emit("all");
        sockets.get(1).join("r");
        sender.join("r");
        sender.to("r").emit("room");
        assertEquals(List.of(), a.texts());
        assertEquals(List.of("2[\"all\"]", "2[\"room\"]"), b.texts());
        assertEquals(List.of("2[\"all\"]"), c.texts());
    }

    @Test
    void operatorsAreImmutable() {
        BroadcastOperator base = fx.server.to("r");
        base.to("s");
        base.except("r");
        sockets.get(0).join("r");
        sockets.get(1).join("s");
        base.emit("x");
        assertEquals(1, a.texts().size());
        assertEquals(0, b.texts().size());
    }

    @Test
    void broadcastsStayInTheirNamespace() {
        FakeEngineSocket other = fx.connectV5("/other");
        fx.server.of("/other").emit("o");
        fx.server.emit("m");
        assertEquals(List.of("2/other,[\"o\"]"), other.texts());
        assertEquals(List.of("2[\"m\"]"), a.texts());
    }

    @Test
    void socketThatLeftReceivesNoBroadcastAndLeavesItsRooms() {
        Socket s = sockets.get(0);
        s.join("r");
        a.receive("1");
        a.clear();
        fx.server.emit("x");
        fx.server.to("r").emit("y");
        assertEquals(List.of(), a.texts());
        assertEquals(List.of(), List.copyOf(s.rooms()));
        s.join("late");
        assertEquals(List.of(), List.copyOf(s.rooms()), "joining after the disconnect does nothing");
    }
}
