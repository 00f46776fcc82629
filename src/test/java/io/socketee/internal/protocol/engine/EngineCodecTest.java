package io.socketee.internal.protocol.engine;

import static io.socketee.internal.protocol.engine.EngineVersion.V3;
import static io.socketee.internal.protocol.engine.EngineVersion.V4;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketee.internal.protocol.ProtocolException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Single packets and v4 polling payloads; golden texts come from the engine.io-protocol v4 spec and
 * from engine.io-parser 5.2.3 ({@code encodePayload}, {@code encodePacket}, {@code decodePayload}).
 */
class EngineCodecTest {
    private static final EnginePacket HELLO = EnginePacket.message("hello");
    private static final EnginePacket PROBE = new EnginePacket.Text(EnginePacketType.PING, "probe");
    private static final EnginePacket PONG = EnginePacket.of(EnginePacketType.PONG);
    private static final EnginePacket BIN = new EnginePacket.Binary(new byte[] {1, 2, 3});

    @Test
    void encodesTextPacketsAsTypeDigitAndData() {
        assertEquals("4hello", EngineCodec.encodeText(HELLO, V4));
        assertEquals("2probe", EngineCodec.encodeText(PROBE, V3));
        assertEquals("3", EngineCodec.encodeText(PONG, V4));
        assertEquals("0{\"sid\":\"x\"}", EngineCodec.encodeText(new EnginePacket.Text(EnginePacketType.OPEN, "{\"sid\":\"x\"}"), V4));
    }

    @Test
    void encodesBinaryAsBase64TextPerVersion() {
        assertEquals("bAQID", EngineCodec.encodeText(BIN, V4));
        assertEquals("b4AQID", EngineCodec.encodeText(BIN, V3));
    }

    @Test
    void encodesBinaryFramesPerVersion() {
        EnginePacket.Binary bin = (EnginePacket.Binary) BIN;
        assertSame(bin.data(), EngineCodec.encodeBinaryFrame(bin, V4));
        assertArrayEquals(new byte[] {4, 1, 2, 3}, EngineCodec.encodeBinaryFrame(bin, V3));
    }

    @Test
    void decodesTextFrames() {
        assertEquals(HELLO, EngineCodec.decodeText("4hello", V4));
        assertEquals(PROBE, EngineCodec.decodeText("2probe", V3));
        assertEquals(PONG, EngineCodec.decodeText("3", V4));
        assertEquals(EnginePacket.of(EnginePacketType.MESSAGE), EngineCodec.decodeText("4", V4));
        assertEquals(EnginePacket.of(EnginePacketType.NOOP), EngineCodec.decodeText("6", V3));
        assertEquals(BIN, EngineCodec.decodeText("bAQID", V4));
        assertEquals(BIN, EngineCodec.decodeText("b4AQID", V3));
        assertEquals(new EnginePacket.Binary(new byte[0]), EngineCodec.decodeText("b", V4));
        assertEquals(new EnginePacket.Binary(new byte[] {1}), EngineCodec.decodeText("bAQ", V4));
    }

    @Test
    void rejectsMalformedTextFrames() {
        for (String s : new String[] {"", "x", "7", "9", " 4", "bA", "b4AQID"}) {
            ProtocolException e = assertThrows(ProtocolException.class, () -> EngineCodec.decodeText(s, V4), s);
            assertEquals(ProtocolException.Kind.ENGINE_IO, e.kind(), s);
        }
        for (String s : new String[] {"", "x", "7", "b", "bAQID", "b2AQID", "b4A"}) {
            assertThrows(ProtocolException.class, () -> EngineCodec.decodeText(s, V3), s);
        }
    }

    @Test
    void decodesBinaryFramesPerVersion() {
        byte[] frame = {1, 2, 3};
        assertSame(frame, EngineCodec.decodeBinaryFrame(frame, V4).data());
        assertEquals(new EnginePacket.Binary(new byte[0]), EngineCodec.decodeBinaryFrame(new byte[0], V4));
        assertEquals(new EnginePacket.Binary(new byte[] {1, 2}), EngineCodec.decodeBinaryFrame(new byte[] {4, 1, 2}, V3));
        assertEquals(new EnginePacket.Binary(new byte[0]), EngineCodec.decodeBinaryFrame(new byte[] {4}, V3));
        assertThrows(ProtocolException.class, () -> EngineCodec.decodeBinaryFrame(new byte[0], V3));
        assertThrows(ProtocolException.class, () -> EngineCodec.decodeBinaryFrame(new byte[] {2, 1}, V3));
    }

    @Test
    void encodesV4PayloadJoinedByRecordSeparator() {
        List<EnginePacket> packets = List.of(HELLO, PROBE, PONG, BIN, EnginePacket.message("é€😀"),
                EnginePacket.of(EnginePacketType.NOOP), EnginePacket.message("\ud800"));
        assertEquals("4hello\u001e2probe\u001e3\u001ebAQID\u001e4é€😀\u001e6\u001e4\ud800",
                EngineCodec.encodeStringPayload(packets, V4));
        assertEquals("", EngineCodec.encodeStringPayload(List.of(), V4));
        assertFalse(EngineCodec.usesBinaryPayload(packets, V4, true));
    }

    @Test
    void decodesV4Payload() {
        assertEquals(List.of(HELLO, PROBE, BIN, PONG),
                EngineCodec.decodeStringPayload("4hello\u001e2probe\u001ebAQID\u001e3", V4, 16));
        assertEquals(List.of(EnginePacket.message("0"), EnginePacket.of(EnginePacketType.MESSAGE)),
                EngineCodec.decodeStringPayload("40\u001e4", V4, 16));
    }

    @Test
    void rejectsMalformedV4Payloads() {
        for (String s : new String[] {"", "\u001e", "4a\u001e", "\u001e4a", "x", "7", "4a\u001e\u001e4b", "bA"}) {
            assertThrows(ProtocolException.class, () -> EngineCodec.decodeStringPayload(s, V4, 16), s);
        }
        assertThrows(ProtocolException.class, () -> EngineCodec.decodeBinaryPayload(new byte[] {0, 1, -1, 51}, V4, 16));
    }

    @Test
    void boundsPacketCount() {
        assertEquals(3, EngineCodec.decodeStringPayload("3\u001e3\u001e3", V4, 3).size());
        assertThrows(ProtocolException.class, () -> EngineCodec.decodeStringPayload("3\u001e3\u001e3\u001e3", V4, 3));
        assertThrows(ProtocolException.class, () -> EngineCodec.decodeStringPayload("1:31:31:3", V3, 2));
        assertThrows(ProtocolException.class,
                () -> EngineCodec.decodeBinaryPayload(new byte[] {0, 1, -1, 51, 0, 1, -1, 51}, V3, 1));
    }

    @Test
    void choosesV3BinaryPayloadOnlyForBinaryCapableClientsWithBinaryPackets() {
        assertTrue(EngineCodec.usesBinaryPayload(List.of(HELLO, BIN), V3, true));
        assertFalse(EngineCodec.usesBinaryPayload(List.of(HELLO, BIN), V3, false));
        assertFalse(EngineCodec.usesBinaryPayload(List.of(HELLO, PONG), V3, true));
        assertThrows(IllegalArgumentException.class, () -> EngineCodec.encodeBinaryPayload(List.of(BIN), V4));
    }

    @Test
    void base64IsDecodedAsLenientlyAsNodeForTheJavaClientsLineFeeds() {
        assertArrayEquals(new byte[] {1, 2}, ((EnginePacket.Binary) EngineCodec.decodeText("bAQI=\n", EngineVersion.V4)).data());
        assertArrayEquals(new byte[] {1, 2}, ((EnginePacket.Binary) EngineCodec.decodeText("b4AQI\n", EngineVersion.V3)).data());
        assertArrayEquals(new byte[] {(byte) 0xfb, (byte) 0xff}, ((EnginePacket.Binary) EngineCodec.decodeText("b-_8", EngineVersion.V4)).data());
        assertArrayEquals(new byte[0], ((EnginePacket.Binary) EngineCodec.decodeText("b!!!", EngineVersion.V4)).data());
    }
}
