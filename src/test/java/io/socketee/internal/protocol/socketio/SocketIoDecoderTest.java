package io.socketee.internal.protocol.socketio;

import static io.socketee.internal.protocol.socketio.SocketIoEncoderTest.bin;
import static io.socketee.internal.protocol.socketio.SocketIoEncoderTest.obj;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketee.internal.protocol.ProtocolException;
import io.socketee.internal.protocol.json.Json;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Decoding and validation; accepted and rejected texts are checked against socket.io-parser 4.2.7's
 * {@code Decoder.add} (which the reference server uses for protocol v4 and v5 alike).
 */
class SocketIoDecoderTest {
    private static final long NO_ID = SocketIoPacket.NO_ID;
    private static final SocketIoPacketType CONNECT = SocketIoPacketType.CONNECT;
    private static final SocketIoPacketType DISCONNECT = SocketIoPacketType.DISCONNECT;
    private static final SocketIoPacketType EVENT = SocketIoPacketType.EVENT;
    private static final SocketIoPacketType ACK = SocketIoPacketType.ACK;
    private static final SocketIoPacketType CONNECT_ERROR = SocketIoPacketType.CONNECT_ERROR;

    private final SocketIoDecoder decoder = new SocketIoDecoder(SocketIoVersion.V5, 10, 1_000_000, 32);

    private SocketIoPacket decode(String text) {
        return decoder.addText(text).orElseThrow();
    }

    private static SocketIoPacket p(SocketIoPacketType type, String nsp, long id, Json data) {
        return new SocketIoPacket(type, nsp, id, data);
    }

    @Test
    void decodesValidPacketsLikeSocketIoParser() {
        assertEquals(p(CONNECT, "/", NO_ID, null), decode("0"));
        assertEquals(p(CONNECT, "/admin", NO_ID, null), decode("0/admin,"));
        assertEquals(p(CONNECT, "/", NO_ID, obj("token", Json.of("x"))), decode("0{\"token\":\"x\"}"));
        assertEquals(p(DISCONNECT, "/", NO_ID, null), decode("1"));
        assertEquals(p(DISCONNECT, "/a", NO_ID, null), decode("1/a,"));
        assertEquals(p(EVENT, "/", NO_ID, Json.arr(Json.of("a"))), decode("2[\"a\"]"));
        assertEquals(p(EVENT, "/", NO_ID, null), decode("2"));
        assertEquals(p(EVENT, "/chat", NO_ID, null), decode("2/chat"));
        assertEquals(p(EVENT, "/chat", NO_ID, null), decode("2/chat,"));
        assertEquals(p(EVENT, "/chat", 3, Json.arr(Json.of("a"), Json.of(1))), decode("2/chat,3[\"a\",1]"));
        assertEquals(p(EVENT, "/", 12, Json.arr(Json.of("a"))), decode("212[\"a\"]"));
        assertEquals(p(EVENT, "/", 1, Json.arr(Json.of("a"))), decode("201[\"a\"]"));
        assertEquals(p(EVENT, "/", NO_ID, Json.arr(Json.of(1))), decode("2[1]"));
        assertEquals(p(EVENT, "/", NO_ID, Json.arr(Json.of("__proto__"))), decode("2[\"__proto__\"]"));
        assertEquals(p(EVENT, "/", NO_ID, Json.arr(Json.of("a"))), decode("2[\"a\"] "));
        assertEquals(p(ACK, "/", NO_ID, Json.arr()), decode("3[]"));
        assertEquals(p(ACK, "/", NO_ID, null), decode("3"));
        assertEquals(p(ACK, "/chat", 0, Json.arr(Json.of("a"))), decode("3/chat,00[\"a\"]"));
        assertEquals(p(ACK, "/", 9007199254740991L, Json.arr()), decode("39007199254740991[]"));
        assertEquals(p(CONNECT_ERROR, "/", NO_ID, Json.of("err")), decode("4\"err\""));
        assertEquals(p(CONNECT_ERROR, "/", NO_ID, obj("message", Json.of("m"))), decode("4{\"message\":\"m\"}"));
        assertEquals(p(CONNECT_ERROR, "/", NO_ID, null), decode("4"));
    }

    @Test
    void keepsAQueryInTheNamespaceVerbatim() {
        SocketIoDecoder v4 = new SocketIoDecoder(SocketIoVersion.V4, 10, 1_000_000, 32);
        assertEquals(SocketIoVersion.V4, v4.version());
        assertEquals(Optional.of(p(CONNECT, "/chat?token=abc", NO_ID, null)), v4.addText("0/chat?token=abc,"));
        assertEquals(Optional.of(p(EVENT, "/chat?x=1", NO_ID, Json.arr(Json.of("e")))), v4.addText("2/chat?x=1,[\"e\"]"));
    }

    @Test
    void rejectsWhatSocketIoParserRejects() {
        String[] bad = {
            "0[]", "0\"s\"", "0null", "1{}", "1[]", "2[]", "2[null]", "2[true]", "2[[]]", "2{\"a\":1}", "2\"a\"",
            "2[\"connect\"]", "2[\"connect_error\"]", "2[\"disconnect\"]", "2[\"disconnecting\"]", "2[\"newListener\"]",
            "2[\"removeListener\"]", "31{}", "3\"a\"", "4[]", "4null", "7", "9[]", "x", " [\"a\"]",
            "2[\"a\"", "2[\"a\"]x", "2,[\"a\"]", "2/a,b[\"a\"]", "2\u00a0[\"a\"]",
            "5", "5-[\"a\"]", "50-[\"a\"]", "511-[\"a\"]", "5x-[\"a\"]", "51[\"a\"]", "599999999999-[\"a\"]",
            "5-", "51-[\"connect\"]", "61-{}",
        };
        for (String s : bad) {
            ProtocolException e = assertThrows(ProtocolException.class, () -> decoder.addText(s), s);
            assertEquals(ProtocolException.Kind.SOCKET_IO, e.kind(), "a bad JSON payload too is a bad packet: " + s);
            assertFalse(decoder.isReconstructing(), s);
        }
    }

    @Test
    void rejectsLooseFormsTheReferenceOnlyAcceptsThroughNumberCoercion() {
        // socket.io-parser reads "" and " " as CONNECT, whitespace as ack id 0 or as part of a count,
        // and ids beyond 2^53 - 1 as imprecise doubles; no client sends these
        for (String s : new String[] {"", " ", "2 [\"a\"]", "21 [\"a\"]", "2\n[\"a\"]", "5 1-[\"a\"]",
            "29007199254740992[\"a\"]", "299999999999999999999[\"a\"]"}) {
            assertThrows(ProtocolException.class, () -> decoder.addText(s), s);
        }
    }

    @Test
    void boundsPayloadDepth() {
        SocketIoDecoder shallow = new SocketIoDecoder(SocketIoVersion.V5, 10, 1_000_000, 2);
        assertTrue(shallow.addText("2[\"a\",[1]]").isPresent());
        assertThrows(ProtocolException.class, () -> shallow.addText("2[\"a\",[[1]]]"));
    }

    @Test
    void reassemblesBinaryEvents() {
        assertEquals(Optional.empty(), decoder.addText("51-[\"a\",{\"_placeholder\":true,\"num\":0}]"));
        assertTrue(decoder.isReconstructing());
        assertEquals(Optional.of(p(EVENT, "/", NO_ID, Json.arr(Json.of("a"), bin(1, 2)))), decoder.addBinary(new byte[] {1, 2}));
        assertFalse(decoder.isReconstructing());

        assertEquals(Optional.empty(),
                decoder.addText("52-/n,4[\"a\",{\"_placeholder\":true,\"num\":1},{\"x\":{\"_placeholder\":true,\"num\":0}}]"));
        assertEquals(Optional.empty(), decoder.addBinary(new byte[] {1}));
        assertEquals(Optional.of(p(EVENT, "/n", 4, Json.arr(Json.of("a"), bin(2), obj("x", bin(1))))),
                decoder.addBinary(new byte[] {2}));
    }

    @Test
    void reassemblesBinaryAcksAndLeavesUnreferencedAttachmentsOut() {
        decoder.addText("61-3[{\"_placeholder\":true,\"num\":0}]");
        assertEquals(Optional.of(p(ACK, "/", 3, Json.arr(bin(7)))), decoder.addBinary(new byte[] {7}));
        decoder.addText("51-[\"a\"]");
        assertEquals(Optional.of(p(EVENT, "/", NO_ID, Json.arr(Json.of("a")))), decoder.addBinary(new byte[] {1}));
        decoder.addText("51-");
        assertEquals(Optional.of(p(EVENT, "/", NO_ID, null)), decoder.addBinary(new byte[] {1}));
        decoder.addText("51-[\"a\",{\"_placeholder\":\"true\",\"num\":5}]");
        assertEquals(Optional.of(p(EVENT, "/", NO_ID, Json.arr(Json.of("a"), obj("_placeholder", Json.of("true"), "num", Json.of(5))))),
                decoder.addBinary(new byte[] {1}));
    }

    @Test
    void placeholdersInPlainEventsStayObjects() {
        Json placeholder = obj("_placeholder", Json.TRUE, "num", Json.of(0));
        assertEquals(p(EVENT, "/", NO_ID, Json.arr(Json.of("a"), placeholder)),
                decode("2[\"a\",{\"_placeholder\":true,\"num\":0}]"));
    }

    @Test
    void rejectsBadPlaceholders() {
        for (String num : new String[] {"1", "-1", "\"0\"", "0.5", "null"}) {
            decoder.addText("51-[\"a\",{\"_placeholder\":true,\"num\":" + num + "}]");
            assertThrows(ProtocolException.class, () -> decoder.addBinary(new byte[] {1}), num);
            assertFalse(decoder.isReconstructing());
        }
        decoder.addText("51-[\"a\",{\"_placeholder\":true}]");
        assertThrows(ProtocolException.class, () -> decoder.addBinary(new byte[] {1}));
    }

    @Test
    void rejectsInterleavingOfTextAndBinary() {
        ProtocolException e = assertThrows(ProtocolException.class, () -> decoder.addBinary(new byte[] {1}));
        assertEquals("got binary data when not reconstructing a packet", e.getMessage());
        decoder.addText("52-[\"a\",{\"_placeholder\":true,\"num\":0}]");
        decoder.addBinary(new byte[] {1});
        e = assertThrows(ProtocolException.class, () -> decoder.addText("2[\"b\"]"));
        assertEquals("got plaintext data when reconstructing a packet", e.getMessage());
        assertFalse(decoder.isReconstructing());
        assertEquals(p(EVENT, "/", NO_ID, Json.arr(Json.of("b"))), decode("2[\"b\"]"));
    }

    @Test
    void boundsAttachmentCountAndCanReset() {
        SocketIoDecoder two = new SocketIoDecoder(SocketIoVersion.V5, 2, 1_000_000, 8);
        assertEquals(Optional.empty(), two.addText("52-[\"a\"]"));
        two.reset();
        assertFalse(two.isReconstructing());
        ProtocolException e = assertThrows(ProtocolException.class, () -> two.addText("53-[\"a\"]"));
        assertTrue(e.getMessage().startsWith("too many attachments"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new SocketIoDecoder(SocketIoVersion.V5, -1, 1_000_000, 8));
    }

    @Test
    void attachmentsMayHoldUpToTheByteBoundInAll() {
        SocketIoDecoder bounded = new SocketIoDecoder(SocketIoVersion.V5, 10, 10, 8);
        bounded.addText("53-[\"a\",{\"_placeholder\":true,\"num\":2}]");
        bounded.addBinary(new byte[4]);
        bounded.addBinary(new byte[4]);
        assertEquals(Optional.of(p(EVENT, "/", NO_ID, Json.arr(Json.of("a"), bin(9, 9)))),
                bounded.addBinary(new byte[] {9, 9}));
    }

    @Test
    void attachmentThatPassesTheByteBoundDropsThePacket() {
        SocketIoDecoder bounded = new SocketIoDecoder(SocketIoVersion.V5, 10, 10, 8);
        bounded.addText("53-[\"a\"]");
        bounded.addBinary(new byte[6]);
        ProtocolException e = assertThrows(ProtocolException.class, () -> bounded.addBinary(new byte[5]));
        assertEquals("attachments too large: 6 + 5 bytes > 10", e.getMessage());
        assertFalse(bounded.isReconstructing());
        // the next packet starts from nothing held
        bounded.addText("51-[\"b\"]");
        assertEquals(Optional.of(p(EVENT, "/", NO_ID, Json.arr(Json.of("b")))), bounded.addBinary(new byte[10]));
    }

    @Test
    void byteBoundCountsOnlyThePacketBeingReassembled() {
        SocketIoDecoder bounded = new SocketIoDecoder(SocketIoVersion.V5, 10, 10, 8);
        for (int i = 0; i < 3; i++) {
            bounded.addText("52-[\"a\"]");
            bounded.addBinary(new byte[5]);
            assertTrue(bounded.addBinary(new byte[5]).isPresent(), "packet " + i);
        }
    }

    @Test
    void resetForgetsTheBytesHeld() {
        SocketIoDecoder bounded = new SocketIoDecoder(SocketIoVersion.V5, 10, 10, 8);
        bounded.addText("52-[\"a\"]");
        bounded.addBinary(new byte[8]);
        bounded.reset();
        bounded.addText("52-[\"a\"]");
        bounded.addBinary(new byte[8]);
        assertTrue(bounded.addBinary(new byte[2]).isPresent());
    }

    @Test
    void roundTripsWhatTheEncoderWrites() {
        SocketIoPacket[] packets = {
            p(CONNECT, "/admin", NO_ID, obj("sid", Json.of("x"))),
            p(EVENT, "/n", 5, Json.arr(Json.of("bin"), obj("a", bin(4), "b", Json.arr(bin(5, 6), Json.of("x"))), bin())),
            p(ACK, "/", 0, Json.arr(Json.of(1.5e-7), Json.of("\ud800\n"))),
            p(CONNECT_ERROR, "/x", NO_ID, obj("message", Json.of("m"), "data", Json.NULL)),
            p(DISCONNECT, "/", NO_ID, null),
        };
        for (SocketIoPacket packet : packets) {
            SocketIoEncoder.Encoded e = SocketIoEncoder.encode(packet);
            Optional<SocketIoPacket> out = decoder.addText(e.text());
            for (byte[] a : e.attachments()) {
                out = decoder.addBinary(a);
            }
            assertEquals(Optional.of(packet), out);
        }
    }
}
