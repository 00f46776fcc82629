package io.socketee.internal.protocol.msgpack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.socketee.internal.protocol.ProtocolException;
import io.socketee.internal.protocol.json.Json;
import java.util.HexFormat;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MsgpackTest {
    private static final HexFormat HEX = HexFormat.of();

    private static String hex(Json v) {
        return HEX.formatHex(Msgpack.encode(v));
    }

    @Test
    void integersTakeTheSmallestFormLikeNotepack() {
        assertEquals("00", hex(Json.of(0)));
        assertEquals("7f", hex(Json.of(127)));
        assertEquals("cc80", hex(Json.of(128)));
        assertEquals("cd0100", hex(Json.of(256)));
        assertEquals("cd03e8", hex(Json.of(1000)));
        assertEquals("ce00010000", hex(Json.of(65536)));
        assertEquals("cf0000000100000000", hex(Json.of(4294967296.0)));
        assertEquals("ff", hex(Json.of(-1)));
        assertEquals("e0", hex(Json.of(-32)));
        assertEquals("d0df", hex(Json.of(-33)));
        assertEquals("d1ff7f", hex(Json.of(-129)));
        assertEquals("d2ffff7fff", hex(Json.of(-32769)));
        assertEquals("cb3ff8000000000000", hex(Json.of(1.5)));
    }

    @Test
    void stringsBinariesArraysAndMapsRoundTripThroughEveryWidth() {
        for (int n : new int[] {0, 31, 32, 255, 256, 65535, 65536}) {
            Json s = Json.of("x".repeat(n));
            assertEquals(s, Msgpack.decode(Msgpack.encode(s)), "str of " + n);
            Json b = new Json.Bin(new byte[n]);
            assertEquals(b, Msgpack.decode(Msgpack.encode(b)), "bin of " + n);
        }
        Json.Arr big = new Json.Arr(java.util.Collections.nCopies(70_000, Json.NULL));
        assertEquals(big, Msgpack.decode(Msgpack.encode(big)));
        java.util.Map<String, Json> fields = new java.util.LinkedHashMap<>();
        for (int i = 0; i < 20; i++) {
            fields.put("k" + i, Json.of(i));
        }
        Json.Obj obj = new Json.Obj(fields);
        assertEquals(obj, Msgpack.decode(Msgpack.encode(obj)));
        assertEquals(new Json.Obj(Map.of("a", Json.arr(Json.TRUE, Json.FALSE, Json.NULL))),
                Msgpack.decode(HEX.parseHex("81a16193c3c2c0")));
    }

    @Test
    void otherWritersFormsDecode() {
        assertEquals(Json.of(1.5), Msgpack.decode(HEX.parseHex("ca3fc00000")), "float32");
        assertEquals(Json.of(200), Msgpack.decode(HEX.parseHex("d100c8")), "int16 holding a small value");
        assertEquals(Json.of("hi"), Msgpack.decode(HEX.parseHex("d9026869")), "str8 as msgpack-core writes it");
        assertEquals(Json.of(1_000_000_000_000.0), Msgpack.decode(HEX.parseHex("d6ff3b9aca00")), "timestamp32 as epoch ms");
        assertEquals(Json.NULL, Msgpack.decode(HEX.parseHex("d40501")), "an unknown extension is null");
    }

    @Test
    void truncatedOversizedOrTrailingInputIsAProtocolError() {
        for (String bad : new String[] {"", "a5616263", "dc0005", "dbffffffff61", "c1", "0000", "c4"}) {
            ProtocolException e = assertThrows(ProtocolException.class, () -> Msgpack.decode(HEX.parseHex(bad)), bad);
            assertEquals(ProtocolException.Kind.CLUSTER, e.kind(), bad);
        }
        byte[] deep = new byte[Msgpack.MAX_DEPTH + 2];
        java.util.Arrays.fill(deep, (byte) 0x91);
        assertThrows(ProtocolException.class, () -> Msgpack.decode(deep));
    }

    @Test
    void randomBytesEitherDecodeOrAreAProtocolError() {
        Random random = new Random(42);
        int decoded = 0;
        for (int i = 0; i < 100_000; i++) {
            byte[] input = new byte[random.nextInt(24)];
            random.nextBytes(input);
            try {
                Msgpack.decode(input);
                decoded++;
            } catch (ProtocolException expected) {
                // the one allowed failure
            }
        }
        // reaching this line means no exception other than ProtocolException escaped
        assertEquals(true, decoded > 1_000, "many random inputs are valid msgpack: " + decoded);
    }
}
