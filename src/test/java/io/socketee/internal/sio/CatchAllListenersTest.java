package io.socketee.internal.sio;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.socketee.Socket;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** onAny and onAnyOutgoing: every incoming event, every outgoing one, in order. */
class CatchAllListenersTest {
    private final SioFixture fx = new SioFixture();
    private final List<Socket> sockets = new ArrayList<>();
    private final List<String> seen = new ArrayList<>();

    CatchAllListenersTest() {
        fx.server.onConnection(sockets::add);
    }

    @Test
    void anyListenersRunBeforeTheEventsOwnAndShareItsAck() {
        FakeEngineSocket conn = fx.connectV5("/");
        Socket s = sockets.get(0);
        s.onAny((sock, event, args, ack) -> {
            seen.add("any " + event + " " + args);
            ack.ifPresent(a -> a.send("from any"));
        });
        s.on("e", (sock, args, ack) -> {
            seen.add("e " + args);
            ack.ifPresent(a -> a.send("from e"));
        });
        conn.receive("25[\"e\",1]");
        conn.receive("2[\"other\"]");
        assertEquals(List.of("any e [1]", "e [1]", "any other []"), seen);
        assertEquals(List.of("35[\"from any\"]"), conn.texts(), "only the first answer goes out");
    }

    @Test
    void offAnyStopsTheListenerAndAFailingOneDoesNotStopTheEvent() {
        FakeEngineSocket conn = fx.connectV5("/");
        Socket s = sockets.get(0);
        Socket.AnyListener failing = (sock, event, args, ack) -> {
            throw new IllegalStateException("boom");
        };
        Socket.AnyListener counting = (sock, event, args, ack) -> seen.add(event);
        s.onAny(failing).onAny(counting);
        s.on("e", (sock, args, ack) -> seen.add("handled"));
        conn.receive("2[\"e\"]");
        s.offAny(counting);
        conn.receive("2[\"e\"]");
        assertEquals(List.of("e", "handled", "handled"), seen);
    }

    @Test
    void outgoingListenersSeeDirectEmitsAndBroadcasts() {
        fx.connectV5("/");
        fx.connectV5("/");
        Socket s = sockets.get(0);
        Socket.OutgoingListener listener = (sock, event, args) -> seen.add(sock.id().equals(s.id()) + " " + event + " " + args);
        s.onAnyOutgoing(listener);
        s.emit("direct", "a");
        fx.server.emit("all", 2);
        sockets.get(1).broadcast().emit("others");
        s.emitWithAck("asked");
        s.offAnyOutgoing(listener);
        s.emit("unseen");
        assertEquals(List.of("true direct [a]", "true all [2]", "true others []", "true asked []"), seen);
    }

    @Test
    void outgoingListenersSeeAVolatileBroadcastEvenWhenItIsDropped() {
        FakeEngineSocket conn = fx.connectV5("/");
        Socket s = sockets.get(0);
        s.onAnyOutgoing((sock, event, args) -> seen.add(event));
        conn.setWritable(false);
        fx.server.asVolatile().emit("pos", 1);
        assertEquals(List.of("pos"), seen, "as the reference's adapter: listeners first, then the drop");
        assertEquals(List.of(), conn.texts(), "dropped, not queued");
    }
}
