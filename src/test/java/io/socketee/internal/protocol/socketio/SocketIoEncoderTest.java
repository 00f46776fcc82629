package io.socketee.internal.protocol.socketio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.socketee.internal.protocol.json.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Golden texts printed by socket.io-parser 4.2.7's {@code Encoder.encode} for the same packets. */
class SocketIoEncoderTest {
    private static final long NO_ID = SocketIoPacket.NO_ID;

    static Json.Obj obj(Object... kv) {
        Map<String, Json> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], (Json) kv[i + 1]);
        }
        return new Json.Obj(m);
    }

    static Json.Bin bin(int... bytes) {
        byte[] b = new byte[bytes.length];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) bytes[i];
        }
        return new Json.Bin(b);
    }

    private static String text(SocketIoPacketType type, String nsp, long id, Json data) {
        SocketIoEncoder.Encoded e = SocketIoEncoder.encode(new SocketIoPacket(type, nsp, id, data));
        assertEquals(List.of(), e.attachments(), "a packet without binary data has no attachments");
        return e.text();
    }

    @Test
    void encodesPlainPacketsLikeSocketIoParser() {
        assertEquals("0", text(SocketIoPacketType.CONNECT, "/", NO_ID, null));
        assertEquals("0/admin,", text(SocketIoPacketType.CONNECT, "/admin", NO_ID, null));
        assertEquals("0{\"sid\":\"abc\"}", text(SocketIoPacketType.CONNECT, "/", NO_ID, obj("sid", Json.of("abc"))));
        assertEquals("0/admin,{\"sid\":\"x\",\"pid\":\"y\"}",
                text(SocketIoPacketType.CONNECT, "/admin", NO_ID, obj("sid", Json.of("x"), "pid", Json.of("y"))));
        assertEquals("1", text(SocketIoPacketType.DISCONNECT, "/", NO_ID, null));
        assertEquals("1/admin,", text(SocketIoPacketType.DISCONNECT, "/admin", NO_ID, null));
        assertEquals("2[\"hello\",1,{\"a\":\"b\"}]",
                text(SocketIoPacketType.EVENT, "/", NO_ID, Json.arr(Json.of("hello"), Json.of(1), obj("a", Json.of("b")))));
        assertEquals("2/chat,12[\"ev\"]", text(SocketIoPacketType.EVENT, "/chat", 12, Json.arr(Json.of("ev"))));
        assertEquals("30[]", text(SocketIoPacketType.ACK, "/", 0, Json.arr()));
        assertEquals("3/x,9007199254740991[null,true,1.5e-7,1e+21]", text(SocketIoPacketType.ACK, "/x", 9007199254740991L,
                Json.arr(Json.NULL, Json.TRUE, Json.of(1.5e-7), Json.of(1e21))));
        assertEquals("4{\"message\":\"Not authorized\",\"data\":{\"code\":1}}", text(SocketIoPacketType.CONNECT_ERROR, "/",
                NO_ID, obj("message", Json.of("Not authorized"), "data", obj("code", Json.of(1)))));
        assertEquals("4/admin,\"Invalid namespace\"",
                text(SocketIoPacketType.CONNECT_ERROR, "/admin", NO_ID, Json.of("Invalid namespace")));
        assertEquals("2[\"esc\",\"\\\"\\\\/\\b\\f\\n\\r\\t\\u0001\\u001f\u007f\u2028\\ud800x\\udc00 😀 é\"]",
                text(SocketIoPacketType.EVENT, "/", NO_ID,
                        Json.arr(Json.of("esc"), Json.of("\"\\/\b\f\n\r\t\u0001\u001f\u007f\u2028\ud800x\udc00 😀 é"))));
    }

    @Test
    void turnsEventsWithBinaryIntoBinaryEventsWithPlaceholders() {
        SocketIoEncoder.Encoded e = SocketIoEncoder.encode(new SocketIoPacket(SocketIoPacketType.EVENT, "/", NO_ID,
                Json.arr(Json.of("bin"), bin(1, 2, 3))));
        assertEquals("51-[\"bin\",{\"_placeholder\":true,\"num\":0}]", e.text());
        assertEquals(1, e.attachments().size());
        assertArrayEquals(new byte[] {1, 2, 3}, e.attachments().get(0));

        e = SocketIoEncoder.encode(new SocketIoPacket(SocketIoPacketType.EVENT, "/n", 5, Json.arr(Json.of("bin"),
                obj("a", bin(4), "b", Json.arr(bin(5, 6), Json.of("x"))), bin())));
        assertEquals("53-/n,5[\"bin\",{\"a\":{\"_placeholder\":true,\"num\":0},\"b\":[{\"_placeholder\":true,\"num\":1},\"x\"]},"
                + "{\"_placeholder\":true,\"num\":2}]", e.text());
        assertArrayEquals(new byte[] {5, 6}, e.attachments().get(1));
        assertArrayEquals(new byte[0], e.attachments().get(2));

        e = SocketIoEncoder.encode(new SocketIoPacket(SocketIoPacketType.ACK, "/", 7, Json.arr(bin(9))));
        assertEquals("61-7[{\"_placeholder\":true,\"num\":0}]", e.text());

        e = SocketIoEncoder.encode(new SocketIoPacket(SocketIoPacketType.EVENT, "/", NO_ID,
                Json.arr(Json.of("obj"), obj("b", bin(1), "1", bin(2)))));
        assertEquals("52-[\"obj\",{\"1\":{\"_placeholder\":true,\"num\":0},\"b\":{\"_placeholder\":true,\"num\":1}}]", e.text());
        assertArrayEquals(new byte[] {2}, e.attachments().get(0));
    }

    @Test
    void encodedPacketCannotChangeSoOneEncodingServesEveryClientOfABroadcast() {
        SocketIoEncoder.Encoded e = SocketIoEncoder.encode(new SocketIoPacket(SocketIoPacketType.EVENT, "/", NO_ID,
                Json.arr(Json.of("bin"), bin(1), bin(2))));
        assertThrows(UnsupportedOperationException.class, () -> e.attachments().add(new byte[0]));

        List<byte[]> attachments = new ArrayList<>(e.attachments());
        SocketIoEncoder.Encoded copy = new SocketIoEncoder.Encoded(e.text(), attachments);
        attachments.clear();
        assertEquals(2, copy.attachments().size(), "the record keeps its own copy of the list");
    }

    @Test
    void rejectsWireOnlyTypesAndBinaryOutsideEventsAndAcks() {
        assertThrows(IllegalArgumentException.class, () -> SocketIoEncoder.encode(
                new SocketIoPacket(SocketIoPacketType.BINARY_EVENT, "/", NO_ID, Json.arr(Json.of("a")))));
        assertThrows(IllegalArgumentException.class, () -> SocketIoEncoder.encode(
                new SocketIoPacket(SocketIoPacketType.CONNECT, "/", NO_ID, obj("b", bin(1)))));
    }
}
