package io.socketee.internal.sio;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.socketee.RejectedException;
import io.socketee.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The packet gate (packet middleware): pass, change, drop, reject with or without an ack. */
class PacketGateTest {
    private final SioFixture fx = new SioFixture();
    private final List<String> handled = new ArrayList<>();
    private final FakeEngineSocket conn;

    PacketGateTest() {
        fx.server.onConnection(s -> s.on("e", (sock, args, ack) -> {
            handled.add(args.toString());
            ack.ifPresent(a -> a.send("ok"));
        }));
        fx.server.packetGate("/", (socket, event, args, ack, delivery) -> {
            String first = String.valueOf(args.isEmpty() ? "" : args.get(0));
            switch (first) {
                case "drop" -> { }
                case "change" -> delivery.deliver(event, List.of("changed", Map.of("k", 1)));
                case "reject" -> throw new RejectedException("not here", Map.of("code", 7));
                case "crash" -> throw new IllegalStateException("bug");
                default -> delivery.deliver(event, args);
            }
        });
        conn = fx.connectV5("/");
    }

    @Test
    void passingAndChangingPacketsReachTheListeners() {
        conn.receive("2[\"e\",\"plain\",1]");
        conn.receive("21[\"e\",\"change\"]");
        assertEquals(List.of("[plain, 1]", "[changed, {k=1}]"), handled);
        assertEquals(List.of("31[\"ok\"]"), conn.texts());
    }

    @Test
    void droppedPacketsReachNobody() {
        conn.receive("21[\"e\",\"drop\"]");
        assertEquals(List.of(), handled);
        assertEquals(List.of(), conn.texts());
    }

    @Test
    void aRejectionTellsTheClientInTheAckOrInAnErrorEvent() {
        conn.receive("22[\"e\",\"reject\"]");
        conn.receive("2[\"e\",\"reject\"]");
        conn.receive("23[\"e\",\"crash\"]");
        assertEquals(List.of(), handled);
        assertEquals(List.of("32[{\"error\":\"not here\",\"data\":{\"code\":7}}]",
                "2[\"error\",{\"event\":\"e\",\"message\":\"not here\",\"data\":{\"code\":7}}]",
                "33[{\"error\":\"Internal server error\"}]"), conn.texts());
        Socket s = fx.server.sockets().values().iterator().next();
        assertEquals(true, s.connected(), "the socket stays");
    }
}
