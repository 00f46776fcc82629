package io.socketee.internal.adapter.redis.streams;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketee.internal.adapter.cluster.ClusterMessage;
import io.socketee.internal.adapter.cluster.MessageType;
import io.socketee.internal.protocol.ProtocolException;
import io.socketee.internal.protocol.json.Json;
import io.socketee.internal.protocol.json.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The Streams wire format against what the real {@code @socket.io/redis-streams-adapter} 0.3.1
 * wrote ({@code node-vectors.json}, made by {@code src-it/node/streams-vectors.js}): every stream
 * entry, pub/sub payload and stored session decodes, and encodes back to the very same text and bytes.
 */
class StreamsCodecTest {
    private final List<Json.Obj> commands = vectors();

    private static List<Json.Obj> vectors() {
        try (InputStream in = StreamsCodecTest.class.getResourceAsStream("node-vectors.json")) {
            Json json = JsonParser.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), 64);
            List<Json.Obj> out = new ArrayList<>();
            for (Json item : ((Json.Arr) json).items()) {
                if (((Json.Obj) item).fields().containsKey("command")) {
                    out.add((Json.Obj) item);
                }
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<Json.Obj> of(String command) {
        return commands.stream().filter(c -> text(c, "command").equals(command)).toList();
    }

    private static String text(Json.Obj o, String name) {
        return ((Json.Str) o.fields().get(name)).value();
    }

    private static Map<String, String> fields(Json.Obj xadd) {
        Map<String, String> fields = new LinkedHashMap<>();
        ((Json.Obj) xadd.fields().get("fields")).fields().forEach((k, v) -> fields.put(k, ((Json.Str) v).value()));
        return fields;
    }

    @Test
    void everyStreamEntryNodeWroteDecodesAndEncodesBackToTheSameFields() {
        List<Json.Obj> xadds = of("XADD");
        assertEquals(6, xadds.size());
        for (Json.Obj xadd : xadds) {
            assertEquals("socket.io", text(xadd, "stream"));
            Map<String, String> node = fields(xadd);
            ClusterMessage m = StreamsCodec.fromEntry(node).orElseThrow();
            assertEquals(List.copyOf(node.entrySet()), List.copyOf(StreamsCodec.entry(m).entrySet()), node.toString());
        }
    }

    @Test
    void theKindsAndPayloadsNodeWroteAreReadAsTheyWereMeant() {
        List<Json.Obj> xadds = of("XADD");
        List<MessageType> types = xadds.stream().map(x -> StreamsCodec.fromEntry(fields(x)).orElseThrow().type()).toList();
        assertEquals(List.of(MessageType.BROADCAST, MessageType.BROADCAST, MessageType.BROADCAST,
                MessageType.SOCKETS_JOIN, MessageType.SOCKETS_LEAVE, MessageType.DISCONNECT_SOCKETS), types);
        ClusterMessage binary = StreamsCodec.fromEntry(fields(xadds.get(1))).orElseThrow();
        Json.Arr data = (Json.Arr) ((Json.Obj) binary.data().orElseThrow().fields().get("packet")).fields().get("data");
        assertEquals(new Json.Str("e2"), data.items().get(0));
        assertArrayEquals(new byte[] {9, 8}, ((Json.Bin) data.items().get(1)).bytes());
        assertFalse(fields(xadds.get(1)).get("data").startsWith("{"), "binary goes as base64 MessagePack");
    }

    @Test
    void everyPubSubPayloadNodeWroteDecodesAndEncodesBackToTheSameBytes() {
        List<Json.Obj> publishes = of("PUBLISH");
        assertEquals(7, publishes.size());
        List<MessageType> types = new ArrayList<>();
        for (Json.Obj p : publishes) {
            byte[] node = Base64.getDecoder().decode(text(p, "payload"));
            ClusterMessage m = StreamsCodec.fromPubsub(node).orElseThrow();
            types.add(m.type());
            assertArrayEquals(node, StreamsCodec.pubsub(m), m.toString());
            String channel = text(p, "channel");
            assertEquals(m.type().isResponse() ? "socket.io#/#0123456789abcdef#" : "socket.io#/#", channel);
        }
        assertEquals(List.of(MessageType.SERVER_SIDE_EMIT, MessageType.SERVER_SIDE_EMIT, MessageType.FETCH_SOCKETS,
                MessageType.BROADCAST, MessageType.FETCH_SOCKETS_RESPONSE, MessageType.SERVER_SIDE_EMIT_RESPONSE,
                MessageType.BROADCAST_CLIENT_COUNT), types);
    }

    @Test
    void aStoredSessionNodeWroteDecodesAndEncodesBackToTheSameText() {
        Json.Obj set = of("SET").get(0);
        assertEquals("sio:session:PPtDJscSKnUVKyyXAAAB", text(set, "key"));
        assertEquals("PX", text(set, "px"));
        Json.Obj session = StreamsCodec.fromSession(text(set, "value"));
        assertEquals(new Json.Str("_GNs_uTwJ6oVTFXXAAAA"), session.fields().get("sid"));
        assertEquals(new Json.Str("PPtDJscSKnUVKyyXAAAB"), session.fields().get("pid"));
        assertEquals(List.of("sid", "pid", "rooms", "data"), List.copyOf(session.fields().keySet()));
        assertEquals(text(set, "value"), StreamsCodec.session(session));
    }

    @Test
    void anEntryWithoutNamespaceIsSkippedAndAnUnknownKindIgnored() {
        assertTrue(StreamsCodec.fromEntry(Map.of("uid", "u", "type", "3")).isEmpty());
        assertTrue(StreamsCodec.fromEntry(Map.of("uid", "u", "nsp", "/", "type", "42")).isEmpty());
    }

    @Test
    void aMalformedEntryIsAProtocolError() {
        assertInstanceOf(ProtocolException.class, assertThrows(RuntimeException.class,
                () -> StreamsCodec.fromEntry(Map.of("uid", "u", "nsp", "/", "type", "three"))));
        assertInstanceOf(ProtocolException.class, assertThrows(RuntimeException.class,
                () -> StreamsCodec.fromEntry(Map.of("uid", "u", "nsp", "/", "type", "3", "data", "{nope"))));
        assertInstanceOf(ProtocolException.class, assertThrows(RuntimeException.class,
                () -> StreamsCodec.fromEntry(Map.of("uid", "u", "nsp", "/", "type", "3", "data", "%%%"))));
    }
}
