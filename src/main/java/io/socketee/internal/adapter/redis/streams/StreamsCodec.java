package io.socketee.internal.adapter.redis.streams;

import static io.socketee.internal.protocol.ProtocolException.Kind.CLUSTER;

import io.socketee.internal.adapter.cluster.ClusterMessage;
import io.socketee.internal.protocol.msgpack.Msgpack;
import io.socketee.internal.protocol.ProtocolException;
import io.socketee.internal.protocol.json.Json;
import io.socketee.internal.protocol.json.JsonParser;
import io.socketee.internal.protocol.json.JsonWriter;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The wire format of {@code @socket.io/redis-streams-adapter} 0.3.x, pure (no Redis, threads or
 * clock):
 * <ul>
 * <li>a stream entry has the fields {@code uid}, {@code nsp}, {@code type} (the code as decimal
 * text) and {@code data}: the JSON text of the message's data, or, when its kind may carry binary
 * and it does, the base64 of its MessagePack; a reader takes data starting with <code>{</code> as
 * JSON and anything else as base64 MessagePack;</li>
 * <li>on the pub/sub channels a message is the MessagePack of {@code {type, data, uid, nsp}};</li>
 * <li>a recovery session is stored as the base64 of the MessagePack of {@code {sid, pid, rooms, data}}.</li>
 * </ul>
 * Stateless: thread-safe.
 */
public final class StreamsCodec {
    private static final int MAX_DEPTH = 256;

    private StreamsCodec() {
    }

    /** The fields of the stream entry that carries {@code message}, in Node's order. */
    public static Map<String, String> entry(ClusterMessage message) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("uid", message.uid());
        fields.put("nsp", message.nsp());
        fields.put("type", Integer.toString(message.type().code()));
        message.data().ifPresent(data -> fields.put("data",
                message.type().mayCarryBinary() && JsonWriter.hasBinary(data)
                        ? Base64.getEncoder().encodeToString(Msgpack.encode(data))
                        : JsonWriter.write(data)));
        return fields;
    }

    /**
     * The message a stream entry carries; empty for an entry without {@code nsp} (Node skips
     * those) or of a kind this version does not know.
     *
     * @throws ProtocolException when the entry is malformed
     */
    public static Optional<ClusterMessage> fromEntry(Map<String, String> fields) {
        String nsp = fields.get("nsp");
        if (nsp == null || nsp.isEmpty()) {
            return Optional.empty();
        }
        String type = fields.get("type");
        int code;
        try {
            code = Integer.parseInt(type == null ? "" : type.trim());
        } catch (NumberFormatException e) {
            throw new ProtocolException(CLUSTER, "stream entry: type is not a number: " + type);
        }
        String data = fields.get("data");
        Json json = null;
        if (data != null && !data.isEmpty()) {
            json = data.startsWith("{") ? JsonParser.parse(data, MAX_DEPTH) : Msgpack.decode(base64(data));
        }
        String uid = fields.get("uid");
        return ClusterMessage.of(code, json, uid == null ? null : new Json.Str(uid), new Json.Str(nsp));
    }

    /** {@code message} as the pub/sub channels carry it. */
    public static byte[] pubsub(ClusterMessage message) {
        return Msgpack.encode(message.toJson());
    }

    /** The message of a pub/sub payload; empty for a kind this version does not know. */
    public static Optional<ClusterMessage> fromPubsub(byte[] payload) {
        return ClusterMessage.of(Msgpack.decode(payload));
    }

    /** A stored recovery session: base64 of the MessagePack of {@code session}. */
    public static String session(Json.Obj session) {
        return Base64.getEncoder().encodeToString(Msgpack.encode(session));
    }

    /** The session a stored value holds. */
    public static Json.Obj fromSession(String stored) {
        if (Msgpack.decode(base64(stored)) instanceof Json.Obj o) {
            return o;
        }
        throw new ProtocolException(CLUSTER, "session: not a map");
    }

    private static byte[] base64(String text) {
        try {
            return Base64.getMimeDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new ProtocolException(CLUSTER, "not base64: " + e.getMessage());
        }
    }
}
