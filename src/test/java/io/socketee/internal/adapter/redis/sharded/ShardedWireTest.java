package io.socketee.internal.adapter.redis.sharded;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The sharded wire format and channel names against what the real {@code createShardedAdapter}
 * of {@code @socket.io/redis-adapter} 8.3.0 did in each subscription mode ({@code node-vectors.json},
 * made by {@code src-it/node/sharded-vectors.js}): every payload decodes and encodes back to the
 * very same bytes (JSON text, or MessagePack when it carries binary), and is published on the
 * very channel Node chose.
 */
class ShardedWireTest {
    /** The requester of the answers in the vectors. */
    private static final String REQUESTER = "0123456789abcdef";

    private static List<Json.Obj> runs() {
        try (InputStream in = ShardedWireTest.class.getResourceAsStream("node-vectors.json")) {
            Json json = JsonParser.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), 64);
            return ((Json.Arr) json).items().stream().map(Json.Obj.class::cast).toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(Json.Obj o, String name) {
        return ((Json.Str) o.fields().get(name)).value();
    }

    private static List<Json.Obj> commands(Json.Obj run, String command) {
        List<Json.Obj> out = new ArrayList<>();
        for (Json c : ((Json.Arr) run.fields().get("commands")).items()) {
            if (text((Json.Obj) c, "command").equals(command)) {
                out.add((Json.Obj) c);
            }
        }
        return out;
    }

    private static ShardedOptions options(Json.Obj run) {
        return new ShardedOptions("socket.io", SubscriptionMode.of(text(run, "mode")).orElseThrow(), Duration.ofSeconds(5));
    }

    @Test
    void everyPayloadNodePublishedDecodesAndEncodesBackToTheSameBytes() {
        int checked = 0;
        for (Json.Obj run : runs()) {
            for (Json.Obj publish : commands(run, "SPUBLISH")) {
                byte[] node = Base64.getDecoder().decode(text(publish, "payload"));
                ClusterMessage m = ShardedCodec.decode(node).orElseThrow();
                assertArrayEquals(node, ShardedCodec.encode(m), m.toString());
                checked++;
            }
        }
        assertEquals(3 * 15, checked, "15 payloads in each of the three modes");
    }

    @Test
    void binaryGoesAsMessagePackAndTheRestAsJsonText() {
        int binaries = 0;
        for (Json.Obj publish : commands(runs().get(0), "SPUBLISH")) {
            byte[] node = Base64.getDecoder().decode(text(publish, "payload"));
            ClusterMessage m = ShardedCodec.decode(node).orElseThrow();
            boolean binary = io.socketee.internal.protocol.json.JsonWriter.hasBinary(m.data().orElseThrow());
            assertEquals(binary, node[0] != '{', m.toString());
            binaries += binary ? 1 : 0;
        }
        assertEquals(3, binaries, "a broadcast, a serverSideEmit and an answer carry binary");
    }

    @Test
    void everyMessageGoesOnTheChannelNodeChoseInEachMode() {
        List<String> dynamicRoomChannels = new ArrayList<>();
        for (Json.Obj run : runs()) {
            ShardedOptions options = options(run);
            for (Json.Obj publish : commands(run, "SPUBLISH")) {
                ClusterMessage m = ShardedCodec.decode(Base64.getDecoder().decode(text(publish, "payload"))).orElseThrow();
                String expected = m.type().isResponse() ? options.responseChannel(m.nsp(), REQUESTER) : options.channelOf(m);
                assertEquals(text(publish, "channel"), expected, options.subscriptionMode() + " " + m);
                if (!expected.equals(options.channel(m.nsp())) && !m.type().isResponse()) {
                    dynamicRoomChannels.add(options.subscriptionMode().value() + " " + expected);
                }
            }
        }
        assertEquals(List.of("dynamic socket.io#/#room1#", "dynamic socket.io#/chat#room1#",
                "dynamic-private socket.io#/#room1#", "dynamic-private socket.io#/#socket-id-of-20-char#",
                "dynamic-private socket.io#/chat#room1#"), dynamicRoomChannels,
                "only broadcasts without acks to one room, in the dynamic modes (dynamic: not a socket id)");
    }

    @Test
    void aServerSubscribesToItsNamespaceChannelAndItsResponseChannelFirst() {
        for (Json.Obj run : runs()) {
            List<Json.Obj> subscribes = commands(run, "SSUBSCRIBE");
            ShardedOptions options = options(run);
            assertEquals(options.channel("/"), text(subscribes.get(0), "channel"));
            assertEquals(options.responseChannel("/", text(run, "uid")), text(subscribes.get(1), "channel"));
        }
    }

    @Test
    void theDynamicModesSubscribeToTheRoomsTheirSocketsAreIn() {
        for (Json.Obj run : runs()) {
            ShardedOptions options = options(run);
            List<String> rooms = commands(run, "SSUBSCRIBE").stream().map(c -> text(c, "channel"))
                    .filter(c -> c.startsWith("socket.io#/#") && !c.equals(options.channel("/"))
                            && !c.equals(options.responseChannel("/", text(run, "uid"))))
                    .toList();
            List<String> expected = new ArrayList<>();
            if (options.subscribesToRoom(true)) {
                expected.add(options.roomChannel("/", "socket-id-of-20-char"));
            }
            if (options.subscribesToRoom(false)) {
                expected.add(options.roomChannel("/", "room1"));
            }
            assertEquals(expected, rooms, options.subscriptionMode().value());
        }
    }

    @Test
    void aPayloadThatIsNeitherJsonNorMessagePackIsRefused() {
        assertThrows(ProtocolException.class, () -> ShardedCodec.decode(new byte[0]));
        assertThrows(ProtocolException.class, () -> ShardedCodec.decode("{not json".getBytes(StandardCharsets.UTF_8)));
        assertThrows(ProtocolException.class, () -> ShardedCodec.decode(new byte[] {(byte) 0xc1}));
    }

    @Test
    void theNamesFollowThePrefix() {
        ShardedOptions options = new ShardedOptions("app", SubscriptionMode.STATIC, Duration.ofSeconds(1));
        assertEquals("app#/chat#", options.channel("/chat"));
        assertEquals("app#/chat#abc#", options.responseChannel("/chat", "abc"));
        assertEquals(MessageType.BROADCAST, MessageType.of(3).orElseThrow());
        assertTrue(SubscriptionMode.of("dynamic-private").isPresent());
    }
}
