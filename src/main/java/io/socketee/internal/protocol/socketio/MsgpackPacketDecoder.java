package io.socketee.internal.protocol.socketio;

import static io.socketee.internal.protocol.ProtocolException.Kind.PARSER_MISMATCH;
import static io.socketee.internal.protocol.ProtocolException.Kind.SOCKET_IO;

import io.socketee.internal.protocol.ProtocolException;
import io.socketee.internal.protocol.json.Json;
import io.socketee.internal.protocol.msgpack.Msgpack;
import java.util.Map;
import java.util.Optional;

/**
 * Decodes packets as socket.io-msgpack-parser 3.x reads them: each binary Engine.IO message is one
 * msgpack map (notepack.io 2.2, see {@link Msgpack.Dialect#SOCKET_IO}) with the keys {@code type}
 * (an integer, 0 CONNECT to 4 CONNECT_ERROR), {@code nsp} (a string), {@code data} and {@code id},
 * the last two left out (or {@code undefined}) when absent; other keys (the client's
 * {@code options}) are ignored. Binary sits in {@code data} itself as {@link Json.Bin} leaves:
 * there are no attachments, and the packet is returned as EVENT or ACK whatever it holds.
 *
 * <p>As the reference's {@code checkPacket}: CONNECT's data is absent or a map, DISCONNECT has
 * none, CONNECT_ERROR's is a string or a map, EVENT's and ACK's an array. Stricter than the
 * reference, on input the official clients never send, to give the Socket.IO layer what the
 * default parser gives it: an EVENT's first element is a number or a string that is not a
 * reserved event name; an ack id is an integer from 0 to 2^53 - 1 (the reference takes any
 * integer); nesting is bounded by {@code maxDepth}. A text message is a
 * {@link ProtocolException.Kind#PARSER_MISMATCH}: it comes from a client of the default parser.
 *
 * <p>Stateless between messages, so {@link #isReconstructing} is always false; still one instance
 * per connection, as every {@link PacketDecoder}. Thread-safe, as it keeps no state.
 */
public final class MsgpackPacketDecoder implements PacketDecoder {
    private final int maxDepth;

    /** A decoder that accepts payloads nested at most {@code maxDepth} levels deep. */
    public MsgpackPacketDecoder(int maxDepth) {
        if (maxDepth < 1) {
            throw new IllegalArgumentException("maxDepth must be >= 1: " + maxDepth);
        }
        this.maxDepth = maxDepth;
    }

    @Override
    public Optional<SocketIoPacket> addText(String text) {
        throw new ProtocolException(PARSER_MISMATCH,
                "got a text message, but socket.io-msgpack-parser packets are binary (a default-parser client?)");
    }

    @Override
    public Optional<SocketIoPacket> addBinary(byte[] data) {
        // the packet map is one level above its data
        Json decoded = Msgpack.decode(data, Msgpack.Dialect.SOCKET_IO, maxDepth + 1);
        if (!(decoded instanceof Json.Obj obj)) {
            throw new ProtocolException(SOCKET_IO, "invalid packet type: not a msgpack map");
        }
        Map<String, Json> fields = obj.fields();
        SocketIoPacketType type = type(fields.get("type"));
        if (!(fields.get("nsp") instanceof Json.Str nsp)) {
            throw new ProtocolException(SOCKET_IO, "invalid namespace");
        }
        Json payload = fields.get("data");
        boolean valid = payload == null
                ? type == SocketIoPacketType.CONNECT || type == SocketIoPacketType.DISCONNECT
                : SocketIoDecoder.isPayloadValid(type, payload);
        if (!valid) {
            throw new ProtocolException(SOCKET_IO, "invalid payload for " + type);
        }
        return Optional.of(new SocketIoPacket(type, nsp.value(), id(fields.get("id")), payload));
    }

    private static SocketIoPacketType type(Json type) {
        if (type instanceof Json.Num n && n.value() >= 0 && n.value() <= 4 && n.value() == Math.rint(n.value())) {
            return SocketIoPacketType.values()[(int) n.value()];
        }
        throw new ProtocolException(SOCKET_IO, "invalid packet type " + type);
    }

    private static long id(Json id) {
        if (id == null) {
            return SocketIoPacket.NO_ID;
        }
        if (id instanceof Json.Num n && n.value() >= 0 && n.value() <= SocketIoDecoder.MAX_SAFE_INTEGER
                && n.value() == Math.rint(n.value())) {
            return (long) n.value();
        }
        throw new ProtocolException(SOCKET_IO, "invalid packet id " + id);
    }

    @Override
    public boolean isReconstructing() {
        return false;
    }

    @Override
    public void reset() {
        // nothing is ever held between messages
    }
}
