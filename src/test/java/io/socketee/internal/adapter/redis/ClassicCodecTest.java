package io.socketee.internal.adapter.redis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketee.internal.adapter.redis.ClassicMessage.*;
import io.socketee.internal.protocol.ProtocolException;
import io.socketee.internal.protocol.json.Json;
import io.socketee.internal.protocol.json.JsonParser;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The classic Redis protocol against the test vectors recorded from real Node traffic
 * (two socket.io 4.8 servers with @socket.io/redis-adapter 8.3 and the emitter 5.1, see the
 * team's wire notes, section 7): what we write must be those bytes, and what they wrote must
 * decode.
 */
class ClassicCodecTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final Json.Obj NO_FLAGS = new Json.Obj(Map.of());

    private static Json.Arr data(String json) {
        return (Json.Arr) JsonParser.parse(json, 64);
    }

    private static Broadcast broadcast(String json, List<String> rooms, List<String> except, Json.Obj flags) {
        return new Broadcast("hL6zdF", "/", data(json), new Target(rooms, except), flags);
    }

    @Test
    void broadcastToAllIsVectorA1() {
        Broadcast b = broadcast("[\"hello\",\"world\",1]", List.of(), List.of(), NO_FLAGS);
        String hex = "93a6684c367a644683a47479706502a46461746193a568656c6c6fa5776f726c6401a36e7370a12f"
                + "83a5726f6f6d7390a665786365707490a5666c61677380";
        assertEquals(hex, HEX.formatHex(ClassicCodec.encode(b)));
        assertEquals(b, ClassicCodec.decodeBroadcast(HEX.parseHex(hex)));
    }

    @Test
    void broadcastToOneRoomIsVectorA2AndGoesToTheRoomChannel() {
        Broadcast b = broadcast("[\"r1msg\",{\"a\":1}]", List.of("room1"), List.of(), NO_FLAGS);
        assertEquals("93a6684c367a644683a47479706502a46461746192a572316d736781a16101a36e7370a12f83a5726f6f6d7391"
                + "a5726f6f6d31a665786365707490a5666c61677380", HEX.formatHex(ClassicCodec.encode(b)));
        ClassicChannels ch = new ClassicChannels("socket.io", "/");
        assertEquals("socket.io#/#room1#", ch.broadcastFor(b.target().rooms()));
        assertEquals("socket.io#/#", ch.broadcastFor(List.of("room1", "room2")), "A3: two rooms use the base channel");
        assertEquals("socket.io#/#", ch.broadcastFor(List.of()));
        assertEquals("room1", ch.roomOf("socket.io#/#room1#"));
        assertEquals("", ch.roomOf("socket.io#/#"));
        assertEquals(null, ch.roomOf("socket.io#/admin#x#"));
    }

    @Test
    void exceptIsVectorA4() {
        Broadcast b = broadcast("[\"notroom1\"]", List.of(), List.of("room1"), NO_FLAGS);
        assertEquals("93a6684c367a644683a47479706502a46461746191a86e6f74726f6f6d31a36e7370a12f83a5726f6f6d7390"
                + "a665786365707491a5726f6f6d31a5666c61677380", HEX.formatHex(ClassicCodec.encode(b)));
    }

    @Test
    void binaryStaysInlineAsBin8WithTypeTwoLikeVectorA6() {
        Json.Arr args = Json.arr(Json.of("bin"), new Json.Bin(new byte[] {1, 2, 3}));
        Broadcast b = new Broadcast("hL6zdF", "/", args, Target.ALL, NO_FLAGS);
        String hex = "93a6684c367a644683a47479706502a46461746192a362696ec403010203a36e7370a12f83a5726f6f6d7390"
                + "a665786365707490a5666c61677380";
        assertEquals(hex, HEX.formatHex(ClassicCodec.encode(b)));
        assertArrayEquals(new byte[] {1, 2, 3},
                ((Json.Bin) ClassicCodec.decodeBroadcast(HEX.parseHex(hex)).data().items().get(1)).bytes());
    }

    @Test
    void flagsAreWrittenLikeVectorA7() {
        Json.Obj flags = (Json.Obj) JsonParser.parse("{\"volatile\":true,\"compress\":false}", 8);
        String hex = HEX.formatHex(ClassicCodec.encode(broadcast("[\"vol\"]", List.of(), List.of(), flags)));
        assertTrue(hex.endsWith("a5666c61677382a8766f6c6174696c65c3a8636f6d7072657373c2"), hex);
    }

    @Test
    void theEmittersBroadcastDecodesThoughItsKeysComeInAnotherOrder() {
        Broadcast b = ClassicCodec.decodeBroadcast(HEX.parseHex("93a7656d697474657283a47479706502a46461746192ac66726f6d2d"
                + "656d69747465722aa36e7370a12f83a5726f6f6d7390a5666c61677380a665786365707490"));
        assertEquals(new Broadcast("emitter", "/", data("[\"from-emitter\",42]"), Target.ALL, NO_FLAGS), b);
    }

    @Test
    void broadcastWithAckIsVectorA10AndItsAcksDecode() {
        Json.Obj flags = (Json.Obj) JsonParser.parse("{\"timeout\":1000}", 8);
        BroadcastWithAck r = new BroadcastWithAck(Optional.of("hL6zdF"), "YTVYPH", "/", data("[\"ask\",7]"), Target.ALL, flags);
        String hex = "85a3756964a6684c367a6446a9726571756573744964a6595456595048a47479706507a67061636b657483a4747970"
                + "6502a46461746192a361736b07a36e7370a12fa46f70747383a5726f6f6d7390a665786365707490a5666c61677381a774"
                + "696d656f7574cd03e8";
        assertEquals(hex, HEX.formatHex(ClassicCodec.encode(r)));
        assertEquals(r, ClassicCodec.decodeRequest(HEX.parseHex(hex)));
        assertEquals(new BroadcastClientCount("YTVYPH", 2),
                ClassicCodec.decodeResponse(utf8("{\"type\":8,\"requestId\":\"YTVYPH\",\"clientCount\":2}")));
        String ack = "83a47479706509a9726571756573744964a6595456595048a67061636b6574a6616e732d6332";
        assertEquals(new BroadcastAck("YTVYPH", Json.of("ans-c2")), ClassicCodec.decodeResponse(HEX.parseHex(ack)));
        assertEquals(ack, HEX.formatHex(ClassicCodec.encode(new BroadcastAck("YTVYPH", Json.of("ans-c2")))));
        assertEquals("{\"type\":8,\"requestId\":\"YTVYPH\",\"clientCount\":0}",
                text(ClassicCodec.encode(new BroadcastClientCount("YTVYPH", 0))), "a node with no client still answers");
    }

    @Test
    void jsonRequestsAreVectorsA11ToA15() {
        Optional<String> uid = Optional.of("hL6zdF");
        assertRequest("{\"uid\":\"hL6zdF\",\"type\":2,\"opts\":{\"rooms\":[\"room1\"],\"except\":[]},\"rooms\":[\"room3\"]}",
                new SocketsJoin(uid, new Target(List.of("room1"), List.of()), List.of("room3")));
        assertRequest("{\"uid\":\"hL6zdF\",\"type\":3,\"opts\":{\"rooms\":[],\"except\":[]},\"rooms\":[\"room3\"]}",
                new SocketsLeave(uid, Target.ALL, List.of("room3")));
        assertRequest("{\"uid\":\"hL6zdF\",\"requestId\":\"QM3QQs\",\"type\":5,\"opts\":{\"rooms\":[\"room1\"],\"except\":[]}}",
                new FetchSockets(uid, "QM3QQs", new Target(List.of("room1"), List.of())));
        assertRequest("{\"uid\":\"hL6zdF\",\"requestId\":\"YZ__P1\",\"type\":1}", new AllRooms(uid, "YZ__P1"));
        assertRequest("{\"uid\":\"hL6zdF\",\"type\":6,\"data\":[\"ping-srv\",\"a\",2]}",
                new ServerSideEmit(uid, Optional.empty(), data("[\"ping-srv\",\"a\",2]")));
        assertRequest("{\"uid\":\"hL6zdF\",\"requestId\":\"l9kVE-\",\"type\":6,\"data\":[\"ping-srv\",\"b\"]}",
                new ServerSideEmit(uid, Optional.of("l9kVE-"), data("[\"ping-srv\",\"b\"]")));
        assertRequest("{\"uid\":\"hL6zdF\",\"type\":4,\"opts\":{\"rooms\":[\"room2\"],\"except\":[]},\"close\":true}",
                new DisconnectSockets(uid, new Target(List.of("room2"), List.of()), true));
    }

    @Test
    void theEmittersRequestsHaveNoUidAndDecode() {
        assertRequest("{\"type\":2,\"opts\":{\"rooms\":[\"room2\"],\"except\":[]},\"rooms\":[\"room4\"]}",
                new SocketsJoin(Optional.empty(), new Target(List.of("room2"), List.of()), List.of("room4")));
        assertRequest("{\"type\":4,\"opts\":{\"rooms\":[\"room1\"],\"except\":[]},\"close\":false}",
                new DisconnectSockets(Optional.empty(), new Target(List.of("room1"), List.of()), false));
        assertRequest("{\"uid\":\"emitter\",\"type\":6,\"data\":[\"ping-srv\",\"from-emitter\"]}",
                new ServerSideEmit(Optional.of("emitter"), Optional.empty(), data("[\"ping-srv\",\"from-emitter\"]")));
    }

    @Test
    void responsesAreWrittenAsNodeWritesThem() {
        assertResponse("{\"requestId\":\"YZ__P1\",\"rooms\":[\"XQxUL5PFOTNfk-w2AAAB\",\"room1\"]}",
                new RoomsResponse("YZ__P1", List.of("XQxUL5PFOTNfk-w2AAAB", "room1")));
        assertResponse("{\"type\":6,\"requestId\":\"l9kVE-\",\"data\":\"pong-3712\"}",
                new ServerSideEmitResponse("l9kVE-", Json.of("pong-3712")));
        assertResponse("{\"requestId\":\"QM3QQs\",\"sockets\":[{\"id\":\"XQxUL5PFOTNfk-w2AAAB\"}]}",
                new SocketsResponse("QM3QQs", data("[{\"id\":\"XQxUL5PFOTNfk-w2AAAB\"}]")));
        assertResponse("{\"requestId\":\"abc\"}", new Done("abc"));
    }

    @Test
    void legacyOneSocketRequestsAndNumericRoomsAreUnderstood() {
        assertEquals(new LegacySocketRequest(2, Optional.of("u1"), "r1", "SID", Optional.of("room"), false),
                ClassicCodec.decodeRequest(utf8("{\"uid\":\"u1\",\"requestId\":\"r1\",\"type\":2,\"sid\":\"SID\",\"room\":\"room\"}")));
        assertEquals(new SocketsJoin(Optional.empty(), new Target(List.of("7"), List.of()), List.of("42")),
                ClassicCodec.decodeRequest(utf8("{\"type\":2,\"opts\":{\"rooms\":[7],\"except\":[]},\"rooms\":[42]}")));
    }

    @Test
    void malformedOrUnknownMessagesAreProtocolErrors() {
        for (String bad : new String[] {"{", "{\"type\":99}", "{\"type\":\"x\"}", "{\"type\":5}", "[1,2]"}) {
            ProtocolException e = assertThrows(ProtocolException.class, () -> ClassicCodec.decodeRequest(utf8(bad)), bad);
            assertEquals(ProtocolException.Kind.CLUSTER, e.kind(), "bad JSON too is a bad cluster message: " + bad);
        }
        assertThrows(ProtocolException.class, () -> ClassicCodec.decodeBroadcast(HEX.parseHex("93a1")));
        assertThrows(ProtocolException.class, () -> ClassicCodec.decodeBroadcast(HEX.parseHex("c0")));
        assertThrows(ProtocolException.class, () -> ClassicCodec.decodeResponse(utf8("{\"rooms\":[]}")));
    }

    private static void assertRequest(String json, Request r) {
        assertEquals(json, text(ClassicCodec.encode(r)));
        assertEquals(r, ClassicCodec.decodeRequest(utf8(json)));
    }

    private static void assertResponse(String json, Response r) {
        assertEquals(json, text(ClassicCodec.encode(r)));
        assertEquals(r, ClassicCodec.decodeResponse(utf8(json)));
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
