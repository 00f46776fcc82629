package io.socketee.internal.protocol.socketio;

import io.socketee.internal.protocol.json.Json;
import io.socketee.internal.protocol.msgpack.ByteSink;
import io.socketee.internal.protocol.msgpack.Msgpack;
import java.util.Map;

/**
 * Encodes packets as the reference server does with socket.io-msgpack-parser 3.x: one binary
 * Engine.IO message per packet, the packet object written by notepack.io 2.2, binary leaves as
 * msgpack {@code bin}, no attachments and no BINARY_* types. The keys come in the order the
 * reference's objects have them: {@code {type, data, id, nsp}} for an EVENT, {@code {id, type,
 * data, nsp}} for an ACK, {@code {type, data, nsp}} for CONNECT and CONNECT_ERROR, {@code {type,
 * nsp}} for DISCONNECT; a CONNECT's {@code {sid}} carries {@code pid: undefined} when it has no
 * pid, as the reference's {@code {sid: this.id, pid: this.pid}} does.
 *
 * <p>Where the reference writes other bytes for the same packet (decoded alike by the client): it
 * puts {@code nsp} before {@code id} in a broadcast that waits for acknowledgements, {@code nsp}
 * before {@code data} in the CONNECT_ERROR "Invalid namespace", and {@code data: undefined} in a
 * refusal without data. Stateless and thread-safe.
 */
public final class MsgpackPacketEncoder {
    private MsgpackPacketEncoder() {
    }

    /**
     * Encodes a packet into the bytes of one binary Engine.IO message.
     *
     * @throws IllegalArgumentException when the type is BINARY_* (this parser has none)
     */
    public static byte[] encode(SocketIoPacket packet) {
        SocketIoPacketType type = packet.type();
        if (type == SocketIoPacketType.BINARY_EVENT || type == SocketIoPacketType.BINARY_ACK) {
            throw new IllegalArgumentException("use EVENT or ACK with binary data, not " + type);
        }
        Json data = packet.data();
        ByteSink out = new ByteSink(64);
        Msgpack.writeMapHeader(2 + (data == null ? 0 : 1) + (packet.hasId() ? 1 : 0), out);
        if (type == SocketIoPacketType.ACK && packet.hasId()) {
            entry("id", Json.of(packet.id()), out);
        }
        entry("type", Json.of(type.ordinal()), out);
        if (data != null) {
            Msgpack.write(Json.of("data"), out);
            writeData(type, data, out);
        }
        if (type != SocketIoPacketType.ACK && packet.hasId()) {
            entry("id", Json.of(packet.id()), out);
        }
        entry("nsp", Json.of(packet.nsp()), out);
        return out.toByteArray();
    }

    private static void writeData(SocketIoPacketType type, Json data, ByteSink out) {
        if (type == SocketIoPacketType.CONNECT && data instanceof Json.Obj obj
                && obj.fields().containsKey("sid") && !obj.fields().containsKey("pid")) {
            Map<String, Json> fields = obj.fields();
            Msgpack.writeMapHeader(fields.size() + 1, out);
            fields.forEach((k, v) -> entry(k, v, out));
            Msgpack.write(Json.of("pid"), out);
            Msgpack.writeUndefined(out);
        } else {
            Msgpack.write(data, out);
        }
    }

    private static void entry(String key, Json value, ByteSink out) {
        Msgpack.write(Json.of(key), out);
        Msgpack.write(value, out);
    }
}
