package io.socketee.internal.sio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketee.Namespace;
import io.socketee.RejectedException;
import io.socketee.Socket;
import io.socketee.internal.protocol.engine.EngineVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Connection middleware: order, admission and the CONNECT_ERROR shapes of v4 and v5. */
class MiddlewareTest {
    private final SioFixture fx = new SioFixture();
    private final Namespace custom = fx.server.of("/custom");
    private final List<Socket> connected = new ArrayList<>();

    MiddlewareTest() {
        custom.onConnection(connected::add);
        custom.use(socket -> {
            Object token = socket.handshake().auth().get("token");
            if (!"secret".equals(token)) {
                throw new RejectedException("unauthorized", Map.of("code", 401));
            }
        });
    }

    @Test
    void v5RefusalCarriesMessageAndData() {
        FakeEngineSocket conn = fx.open(EngineVersion.V4);
        conn.receive("0/custom,{\"token\":\"nope\"}");
        assertEquals(List.of("4/custom,{\"message\":\"unauthorized\",\"data\":{\"code\":401}}"), conn.texts());
        assertTrue(connected.isEmpty());
        assertTrue(custom.sockets().isEmpty());
        assertNull(conn.closedWith());
    }

    @Test
    void v4RefusalCarriesOnlyTheData() {
        FakeEngineSocket conn = fx.open(EngineVersion.V3);
        conn.receive("0/custom,");
        assertEquals(List.of("0", "4/custom,{\"code\":401}"), conn.texts());
    }

    @Test
    void v4RefusalWithoutDataCarriesTheMessage() {
        fx.server.of("/plain").use(s -> {
            throw new RejectedException("go away");
        });
        FakeEngineSocket conn = fx.open(EngineVersion.V3);
        conn.receive("0/plain,");
        assertEquals(List.of("0", "4/plain,\"go away\""), conn.texts());
    }

    @Test
    void v5RefusalWithoutDataHasNoDataField() {
        fx.server.of("/plain").use(s -> {
            throw new RejectedException("go away");
        });
        FakeEngineSocket conn = fx.open(EngineVersion.V4);
        conn.receive("0/plain,");
        assertEquals(List.of("4/plain,{\"message\":\"go away\"}"), conn.texts());
    }

    @Test
    void admittedSocketConnectsAfterEveryMiddlewareRanInOrder() {
        List<String> order = new ArrayList<>();
        custom.use(s -> order.add("second sees connected=" + s.connected()));
        FakeEngineSocket conn = fx.open(EngineVersion.V4);
        conn.receive("0/custom,{\"token\":\"secret\"}");
        assertEquals(List.of("second sees connected=false"), order);
        assertEquals(1, connected.size());
        assertEquals(List.of("0/custom,{\"sid\":\"" + connected.get(0).id() + "\"}"), conn.texts());
    }

    @Test
    void unexpectedMiddlewareFailureRefusesWithAGenericMessage() {
        fx.server.of("/broken").use(s -> {
            throw new IllegalStateException("secret internals");
        });
        FakeEngineSocket conn = fx.open(EngineVersion.V4);
        conn.receive("0/broken,");
        assertEquals(List.of("4/broken,{\"message\":\"Internal server error\"}"), conn.texts());
    }

    @Test
    void roomsJoinedByARefusedSocketAreLeft() {
        List<Socket> seen = new ArrayList<>();
        fx.server.of("/joiner").use(s -> {
            s.join("r");
            seen.add(s);
            throw new RejectedException("no");
        });
        FakeEngineSocket conn = fx.open(EngineVersion.V4);
        conn.receive("0/joiner,");
        assertEquals(List.of(), List.copyOf(seen.get(0).rooms()));
        assertFalse(seen.get(0).connected());
        assertEquals(1, conn.texts().size());
    }
}
