package io.socketee.it.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import io.socketee.it.protocol.support.Payloads;
import io.socketee.it.protocol.support.RawWebSocket;
import io.socketee.it.protocol.support.Wire;

/**
 * The WebSocket transport (engine.io-protocol v4 "WebSocket": one packet per frame, binary
 * payloads as is; v3: binary frames start with the packet type byte).
 */
public abstract class WebSocketRules extends ProtocolRules {

    /** Each packet is its own frame: two events in, two frames out, in order. */
    @Test
    public void eachPacketIsItsOwnTextFrame() {
        RawWebSocket ws = webSocketV4Connected();

        ws.send("42[\"echo\",\"a\"]");
        ws.send("42[\"echo\",\"\u00fc\u20ac\"]");

        assertEquals("42[\"echo\",\"a\"]", ws.nextTextAnsweringPings());
        assertEquals("42[\"echo\",\"\u00fc\u20ac\"]", ws.nextTextAnsweringPings());
    }

    /** v4: binary data goes as a raw binary frame (no type byte), after its placeholder packet. */
    @Test
    public void v4BinaryFramesCarryRawBytes() {
        RawWebSocket ws = webSocketV4Connected();

        ws.send("451-[\"echo\",{\"_placeholder\":true,\"num\":0}]");
        ws.send(Payloads.bytes(1, 2, 3));

        assertEquals("451-[\"echo\",{\"_placeholder\":true,\"num\":0}]", ws.nextTextAnsweringPings());
        ws.expectBinary(Payloads.bytes(1, 2, 3));
    }

    /** v3: binary frames start with the message packet type as a byte (0x04). */
    @Test
    public void v3BinaryFramesStartWithMessageTypeByte() {
        RawWebSocket ws = webSocketV3();

        ws.send("451-[\"echo\",{\"_placeholder\":true,\"num\":0}]");
        ws.send(Payloads.bytes(4, 1, 2, 3));

        ws.expectText("451-[\"echo\",{\"_placeholder\":true,\"num\":0}]");
        ws.expectBinary(Payloads.bytes(4, 1, 2, 3));
    }

    /** A frame over maxHttpBufferSize (1e6 bytes) closes the connection with 1009 (Message Too Big). */
    @Test
    public void frameOverMaxPayloadClosesWith1009() {
        RawWebSocket ws = webSocketV4Connected();

        ws.send("42[\"echo\",\"" + "z".repeat(Wire.MAX_PAYLOAD) + "\"]");

        RawWebSocket.Frame end = ws.awaitEnd(true);
        assertEquals(new RawWebSocket.Closed(Wire.TOO_BIG, ""), end);
    }

    /** A frame of exactly maxHttpBufferSize bytes is accepted and its event echoed whole. */
    @Test
    public void frameOfExactlyMaxPayloadIsAccepted() {
        RawWebSocket ws = webSocketV4Connected();
        String prefix = "42[\"echo\",\"";
        String suffix = "\"]";
        String packet = prefix + "w".repeat(Wire.MAX_PAYLOAD - prefix.length() - suffix.length()) + suffix;
        assertEquals(Wire.MAX_PAYLOAD, packet.getBytes(StandardCharsets.UTF_8).length);

        ws.send(packet);

        assertEquals(packet, ws.nextTextAnsweringPings());
    }

    /** An undecodable Engine.IO packet (unknown type 9) closes the connection. */
    @Test
    public void invalidEnginePacketClosesConnection() {
        RawWebSocket ws = webSocketV4Connected();

        ws.send("9");

        assertEquals(serverCloseCode(), ws.awaitCloseCode());
    }

    /**
     * A close packet {@code 1} over WebSocket: engine.io's WebSocket transport does not act on
     * it (clients end a WebSocket by closing it, never by sending {@code 1}), so the connection
     * stays usable. Reference wins.
     */
    @Test
    public void closePacketOverWebSocketIsIgnored() {
        RawWebSocket ws = webSocketV4Connected();

        ws.send("1");
        ws.send("42[\"echo\",\"still here\"]");

        assertEquals("42[\"echo\",\"still here\"]", ws.nextTextAnsweringPings());
    }

    /** A noop {@code 6} from the client is harmless. */
    @Test
    public void noopFromClientIsIgnored() {
        RawWebSocket ws = webSocketV4Connected();

        ws.send("6");
        ws.send("42[\"echo\",\"after noop\"]");

        assertEquals("42[\"echo\",\"after noop\"]", ws.nextTextAnsweringPings());
    }
}
