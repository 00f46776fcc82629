package io.socketee.internal.protocol.engine;

import static io.socketee.internal.protocol.engine.EngineVersion.V3;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.socketee.internal.protocol.ProtocolException;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Engine.IO v3 polling payloads; golden texts and bytes come from engine.io-parser 2.2.1
 * ({@code encodePayload(packets, supportsBinary)} and {@code decodePayload}).
 */
class EnginePayloadV3Test {
    private static final HexFormat HEX = HexFormat.of();
    private static final List<EnginePacket> PACKETS = List.of(EnginePacket.message("hello"),
            new EnginePacket.Text(EnginePacketType.PING, "probe"), EnginePacket.of(EnginePacketType.PONG),
            new EnginePacket.Binary(new byte[] {1, 2, 3}), EnginePacket.message("é€😀"),
            EnginePacket.of(EnginePacketType.NOOP), EnginePacket.message("\ud800"));

    private static List<EnginePacket> decode(String body) {
        return EngineCodec.decodeStringPayload(body, V3, 100);
    }

    private static List<EnginePacket> decode(byte[] body) {
        return EngineCodec.decodeBinaryPayload(body, V3, 100);
    }

    @Test
    void encodesStringPayloadWithUtf16LengthsAndBase64Binary() {
        assertEquals("6:4hello6:2probe1:36:b4AQID5:4é€😀1:62:4\ud800", EngineCodec.encodeStringPayload(PACKETS, V3));
        assertEquals("0:", EngineCodec.encodeStringPayload(List.of(), V3));
    }

    @Test
    void encodesBinaryPayloadWithUtf8ByteLengths() {
        assertEquals("0006ff3468656c6c6f0006ff3270726f62650001ff330104ff04010203000100ff34c3a9e282acf09f9880"
                + "0001ff360004ff34efbfbd", HEX.formatHex(EngineCodec.encodeBinaryPayload(PACKETS, V3)));
        assertArrayEquals(new byte[0], EngineCodec.encodeBinaryPayload(List.of(), V3));
    }

    @Test
    void decodesStringPayloads() {
        assertEquals(List.of(EnginePacket.message("hello"), new EnginePacket.Text(EnginePacketType.PONG, "x")),
                decode("6:4hello2:3x"));
        assertEquals(List.of(), decode("0:"));
        assertEquals(List.of(EnginePacket.of(EnginePacketType.PONG)), decode("0:0:1:3"));
        assertEquals(List.of(EnginePacket.of(EnginePacketType.PONG)), decode("01:3"));
        assertEquals(List.of(new EnginePacket.Binary(new byte[] {1, 2, 3})), decode("6:b4AQID"));
        assertEquals(List.of(EnginePacket.message("é")), decode("2:4é"));
        assertEquals(PACKETS, decode(EngineCodec.encodeStringPayload(PACKETS, V3)));
    }

    @Test
    void rejectsMalformedStringPayloads() {
        for (String s : new String[] {"", "5:4hello", "6:4hello3", "1:x", "a:4", ":4", "1:7", "7:4hello", "-1:4",
            " 1:4", "1e0:4", "99999999999:4", "3:b4A"}) {
            assertThrows(ProtocolException.class, () -> decode(s), s);
        }
    }

    @Test
    void decodesBinaryPayloads() {
        assertEquals(List.of(EnginePacket.message("hello"), new EnginePacket.Binary(new byte[] {1, 2, 3})),
                decode(HEX.parseHex("0006ff3468656c6c6f0104ff04010203")));
        assertEquals(List.of(), decode(new byte[0]));
        assertEquals(List.of(EnginePacket.message("\ufffd")), decode(HEX.parseHex("0004ff34eda080")));
        assertEquals(List.of(new EnginePacket.Binary(new byte[] {1, 2})), decode(HEX.parseHex("0005ff6234415149")));
        List<EnginePacket> expected = List.copyOf(PACKETS.subList(0, 6));
        assertEquals(expected, decode(EngineCodec.encodeBinaryPayload(expected, V3)));
    }

    @Test
    void rejectsMalformedBinaryPayloads() {
        String[] bad = {
            "0003ffc3a9", // "é" is no packet type
            "0002ff34c0", // truncated UTF-8
            "0003ff34c0af", // overlong UTF-8
            "0005ff34f4908080", // beyond U+10FFFF (also truncated)
            "0009ff34", // length beyond the body
            "00ff34", // no length digits
            "0000ff", // zero length
            "000a", // digit byte 10
            "0001", // no 255 terminator
            "02", "0201ff34", // bad kind byte
            "0101ff02", // binary packet that is not a message
            "0101ff", // truncated binary packet
            "0001ff30", "0001ff37", // open is fine, 7 is no type
            "000102030405060708090001ff34", // 11 length digits
        };
        for (String h : bad) {
            if (h.equals("0001ff30")) {
                assertEquals(List.of(EnginePacket.of(EnginePacketType.OPEN)), decode(HEX.parseHex(h)));
                continue;
            }
            assertThrows(ProtocolException.class, () -> decode(HEX.parseHex(h)), h);
        }
    }

    @Test
    void utf8MatchesUtf8JsNonStrictMode() {
        String s = "a\u00e9\u20ac\ud83d\ude00\udc00";
        byte[] out = new byte[Utf8.encodedLength(s)];
        assertEquals(out.length, Utf8.encode(s, out, 0));
        assertEquals("61c3a9e282acf09f9880efbfbd", HEX.formatHex(out));
        assertEquals("a\u00e9\u20ac\ud83d\ude00\ufffd", Utf8.decode(out, 0, out.length));
    }
}
