package io.socketee.internal.adapter.redis.sharded;

import static io.socketee.internal.protocol.ProtocolException.Kind.CLUSTER;

import io.socketee.internal.adapter.cluster.ClusterMessage;
import io.socketee.internal.protocol.ProtocolException;
import io.socketee.internal.protocol.json.Json;
import io.socketee.internal.protocol.json.JsonParser;
import io.socketee.internal.protocol.json.JsonWriter;
import io.socketee.internal.protocol.msgpack.Msgpack;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The wire format of the sharded adapter of {@code @socket.io/redis-adapter} 8.3, pure: a message
 * {@code {type, data, uid, nsp}} is sent as its JSON text, unless its kind may carry binary and
 * it does, then as its MessagePack; a reader takes a payload starting with <code>{</code> as JSON
 * and anything else as MessagePack. Stateless: thread-safe.
 */
public final class ShardedCodec {
    private static final int MAX_DEPTH = 256;

    private ShardedCodec() {
    }

    /** The payload that carries {@code message}. */
    public static byte[] encode(ClusterMessage message) {
        Json.Obj json = message.toJson();
        boolean binary = message.type().mayCarryBinary() && message.data().map(JsonWriter::hasBinary).orElse(false);
        return binary ? Msgpack.encode(json) : JsonWriter.write(json).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The message a payload carries; empty for a kind this version does not know.
     *
     * @throws ProtocolException when the payload is malformed
     */
    public static Optional<ClusterMessage> decode(byte[] payload) {
        if (payload.length == 0) {
            throw new ProtocolException(CLUSTER, "sharded message: empty");
        }
        Json json = payload[0] == '{' ? JsonParser.parse(new String(payload, StandardCharsets.UTF_8), MAX_DEPTH)
                : Msgpack.decode(payload);
        return ClusterMessage.of(json);
    }
}
