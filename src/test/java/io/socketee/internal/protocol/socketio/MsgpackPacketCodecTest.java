package io.socketee.internal.protocol.socketio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.socketee.internal.protocol.ProtocolException;
import io.socketee.internal.protocol.json.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The msgpack parser against packets written by the real socket.io-msgpack-parser 3.0.2. */
class MsgpackPacketCodecTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final Map<String, byte[]> VECTORS = vectors();

    private static Map<String, byte[]> vectors() {
        Map<String, byte[]> v = new LinkedHashMap<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                MsgpackPacketCodecTest.class.getResourceAsStream("msgpack-parser-vectors.txt"), StandardCharsets.UTF_8))) {
            in.lines().filter(l -> !l.startsWith("#") && !l.isBlank()).forEach(l -> {
                String[] parts = l.split("\t");
                v.put(parts[0], HEX.parseHex(parts[1]));
            });
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return v;
    }

    private static Json obj(Object... kv) {
        Map<String, Json> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], (Json) kv[i + 1]);
        }
        return new Json.Obj(m);
    }

    private static Json bin(int... bytes) {
        byte[] b = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            b[i] = (byte) bytes[i];
        }
        return new Json.Bin(b);
    }

    private static SocketIoPacket decode(String vector) {
        return new MsgpackPacketDecoder(512).addBinary(VECTORS.get(vector)).orElseThrow();
    }

    private static void assertEncodesAs(String vector, SocketIoPacket packet) {
        assertEquals(HEX.formatHex(VECTORS.get(vector)), HEX.formatHex(MsgpackPacketEncoder.encode(packet)), vector);
        // and the server's own packets read back as they were
        assertEquals(packet, decode(vector), vector);
    }

    @Test
    void serverPacketsAreTheReferenceBytes() {
        assertEncodesAs("server-connect", new SocketIoPacket(SocketIoPacketType.CONNECT, "/", SocketIoPacket.NO_ID,
                obj("sid", Json.of("AbC123"))));
        assertEncodesAs("server-event", new SocketIoPacket(SocketIoPacketType.EVENT, "/chat", SocketIoPacket.NO_ID,
                new Json.Arr(List.of(Json.of("news"), Json.of("héllo ☃"), Json.of(1), Json.of(1.5), Json.of(-33),
                        Json.of(300), Json.of(70000), Json.of(4294967296.0), Json.TRUE, Json.NULL,
                        obj("a", Json.arr(Json.of(1), Json.of("x")), "b", obj("c", Json.FALSE)),
                        bin(0, 1, 2, 255)))));
        assertEncodesAs("server-event-ack", new SocketIoPacket(SocketIoPacketType.EVENT, "/", 7,
                Json.arr(Json.of("ask"), Json.of("x".repeat(40)))));
        byte[] sevens = new byte[300];
        Arrays.fill(sevens, (byte) 7);
        assertEncodesAs("server-ack", new SocketIoPacket(SocketIoPacketType.ACK, "/chat", 3,
                Json.arr(Json.of("ok"), new Json.Bin(sevens))));
        assertEncodesAs("server-disconnect", new SocketIoPacket(SocketIoPacketType.DISCONNECT, "/chat",
                SocketIoPacket.NO_ID, null));
        assertEncodesAs("server-connect-error", new SocketIoPacket(SocketIoPacketType.CONNECT_ERROR, "/",
                SocketIoPacket.NO_ID, obj("message", Json.of("not allowed"), "data", obj("code", Json.of(401)))));
    }

    @Test
    void clientPacketsDecodeToWhatTheDefaultParserGives() {
        assertEquals(new SocketIoPacket(SocketIoPacketType.CONNECT, "/", SocketIoPacket.NO_ID, null),
                decode("client-connect"), "data: undefined is no data");
        assertEquals(new SocketIoPacket(SocketIoPacketType.CONNECT, "/chat", SocketIoPacket.NO_ID,
                obj("token", Json.of("t"))), decode("client-connect-auth"));
        assertEquals(new SocketIoPacket(SocketIoPacketType.EVENT, "/chat", 0, Json.arr(Json.of("msg"),
                obj("n", Json.arr(Json.of(1), Json.of(2.5), Json.NULL)), bin('b', 'i', 'n'))),
                decode("client-event"), "options are ignored, the Buffer is binary");
        assertEquals(new SocketIoPacket(SocketIoPacketType.EVENT, "/", SocketIoPacket.NO_ID, Json.arr(Json.of("ext"),
                Json.of("2023-11-14T22:13:20.123Z"), Json.NULL, obj("k", Json.of(1)), bin(9, 8, 7))),
                decode("client-event-extensions"),
                "a Date is its ISO string, undefined null in an array and absent in a map, an ArrayBuffer binary");
        assertEquals(new SocketIoPacket(SocketIoPacketType.ACK, "/", 5, Json.arr(bin(1, 2), Json.of("done"))),
                decode("client-ack"));
        assertEquals(new SocketIoPacket(SocketIoPacketType.DISCONNECT, "/chat", SocketIoPacket.NO_ID, null),
                decode("client-disconnect"));
    }

    @Test
    void eachPacketIsOneBinaryMessageOfTheMsgpackParser() {
        SocketIoPacket packet = new SocketIoPacket(SocketIoPacketType.ACK, "/chat", 3,
                Json.arr(Json.of("ok"), bin(1)));
        List<Object> messages = SocketIoParser.MSGPACK.encode(packet);
        assertEquals(1, messages.size());
        assertArrayEquals(MsgpackPacketEncoder.encode(packet), (byte[]) messages.get(0));
        assertEquals(List.of("0"), SocketIoParser.DEFAULT.encode(
                new SocketIoPacket(SocketIoPacketType.CONNECT, "/", SocketIoPacket.NO_ID, null)));
    }

    @Test
    void aClientOfTheOtherParserIsAMismatchOnBothSides() {
        ProtocolException text = assertThrows(ProtocolException.class,
                () -> new MsgpackPacketDecoder(512).addText("0"));
        assertEquals(ProtocolException.Kind.PARSER_MISMATCH, text.kind());
        ProtocolException binary = assertThrows(ProtocolException.class,
                () -> new SocketIoDecoder(SocketIoVersion.V5, 10, 1000, 512).addBinary(VECTORS.get("client-connect")));
        assertEquals(ProtocolException.Kind.PARSER_MISMATCH, binary.kind());
        ProtocolException stray = assertThrows(ProtocolException.class,
                () -> new SocketIoDecoder(SocketIoVersion.V5, 10, 1000, 512).addBinary(new byte[] {1, 2}));
        assertEquals(ProtocolException.Kind.SOCKET_IO, stray.kind(), "a stray attachment is no msgpack packet");
    }

    @Test
    void packetsTheReferenceRefusesAreProtocolErrors() {
        String[] bad = {
            "",                                   // nothing
            "92",                                 // truncated array, not a map
            "a3616263",                           // a string, not a map
            "82a474797065 05 a36e7370a12f",       // type 5
            "82a474797065 cb3ff8000000000000 a36e7370a12f", // type 1.5
            "81a474797065 02",                    // no nsp
            "82a474797065 02 a36e7370 01",        // nsp not a string
            "82a474797065 02 a36e7370a12f",       // EVENT without data
            "83a474797065 02 a464617461 a0 a36e7370a12f", // EVENT data not an array
            "83a474797065 01 a464617461 90 a36e7370a12f", // DISCONNECT with data
            "83a474797065 00 a464617461 90 a36e7370a12f", // CONNECT data an array
            "84a474797065 03 a464617461 90 a26964 cb3ff8000000000000 a36e7370a12f", // id 1.5
            "84a474797065 03 a464617461 90 a26964 ff a36e7370a12f", // id -1
            "82a474797065 01 a36e7370a12f 00",    // a byte after the packet
        };
        for (String hex : bad) {
            byte[] input = HEX.parseHex(hex.replace(" ", ""));
            ProtocolException e = assertThrows(ProtocolException.class,
                    () -> new MsgpackPacketDecoder(512).addBinary(input), hex);
            assertEquals(ProtocolException.Kind.SOCKET_IO, e.kind(), hex);
        }
    }

    @Test
    void nestingIsBoundedByMaxDepth() {
        String packet = "83a47479706502a36e7370a12fa464617461";
        // data ["e", [["x"]]]: three levels, as JSON would count them
        assertEquals(SocketIoPacketType.EVENT, new MsgpackPacketDecoder(3)
                .addBinary(HEX.parseHex(packet + "92a165" + "9191a178")).orElseThrow().type());
        // data ["e", [[["x"]]]]: four
        ProtocolException e = assertThrows(ProtocolException.class, () -> new MsgpackPacketDecoder(3)
                .addBinary(HEX.parseHex(packet + "92a165" + "919191a178")));
        assertEquals(ProtocolException.Kind.SOCKET_IO, e.kind());
    }
}
