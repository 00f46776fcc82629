package io.socketee.it.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.socketee.it.protocol.support.RawResponse;
import io.socketee.it.protocol.support.RawWebSocket;
import io.socketee.it.protocol.support.Wire;

/**
 * A server with allowEIO3 disabled (its own deployment/process): error code 5
 * "Unsupported protocol version" for every handshake that is not EIO=4.
 */
public abstract class Eio3DisabledRules extends ProtocolRules {

    /** EIO=3 polling handshake: 400 code 5. */
    @Test
    public void eio3HandshakeIsCode5() {
        assertEngineError(5, "Unsupported protocol version", http().get("EIO=3&transport=polling"));
    }

    /** A missing EIO counts as protocol 3: 400 code 5 (the spec's "missing mandatory parameter: 400"). */
    @Test
    public void missingEioIsCode5() {
        assertEngineError(5, "Unsupported protocol version", http().get("transport=polling"));
    }

    /** EIO=4 is still served. */
    @Test
    public void eio4HandshakeIsServed() {
        RawResponse r = http().get("EIO=4&transport=polling");

        assertEquals(200, r.status());
        Wire.assertMasked(Wire.OPEN_POLLING, r.text());
    }

    /**
     * EIO=3 over WebSocket opens no session. The reference completes the 101 and then writes a raw
     * HTTP 400 into the connection and drops it; refusing the handshake with 400 is accepted too.
     */
    @Test
    public void eio3WebSocketGetsNoSession() {
        RawWebSocket.Attempt attempt = RawWebSocket.attempt(baseUrl(), "EIO=3&transport=websocket");

        Optional<RawWebSocket> socket = attempt.socket();
        if (socket.isEmpty()) {
            assertEquals(400, attempt.status());
            return;
        }
        try (RawWebSocket ws = socket.get()) {
            RawWebSocket.Frame end = ws.next();
            assertFalse(end instanceof RawWebSocket.Text || end instanceof RawWebSocket.Binary,
                    () -> "expected no packet, got " + RawWebSocket.describe(end));
        }
    }
}
