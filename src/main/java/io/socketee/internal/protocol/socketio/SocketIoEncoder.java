package io.socketee.internal.protocol.socketio;

import io.socketee.internal.protocol.json.JsonWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Encodes Socket.IO packets exactly as socket.io-parser 4.x does (the same text as 3.x):
 * {@code <type>[<attachments>-][<nsp>,][<id>][<json>]}, where the namespace and its comma are left
 * out for {@code "/"}, the id is written when present, and the JSON (as {@code JSON.stringify})
 * when the data is not null. An EVENT or ACK whose data holds {@link io.socketee.internal.protocol.json.Json.Bin}
 * leaves goes out as BINARY_EVENT / BINARY_ACK: each leaf becomes
 * {@code {"_placeholder":true,"num":N}}, numbered depth first in writing order, and its bytes
 * follow as attachments.
 *
 * <p>The wire text is the same for protocol v4 and v5; what differs (for example the CONNECT
 * payload) is chosen by the caller when it builds the packet. Binary leaves in other packet types
 * have no wire form: IllegalArgumentException. Stateless and thread-safe.
 */
public final class SocketIoEncoder {
    private SocketIoEncoder() {
    }

    /**
     * One encoded packet, immutable and reusable: encode once and send the same instance to many
     * clients (broadcasts). The attachment arrays are shared, never copied: nobody may change them.
     *
     * @param text the packet text, sent as one Engine.IO message
     * @param attachments the binary attachments, each sent as one binary Engine.IO message after
     *     the text, in order; empty for a plain packet
     */
    public record Encoded(String text, List<byte[]> attachments) {
        public Encoded {
            Objects.requireNonNull(text, "text");
            attachments = List.copyOf(attachments);
        }
    }

    /**
     * Encodes a packet.
     *
     * @throws IllegalArgumentException when the type is BINARY_* (the encoder chooses those), or
     *     binary data sits in a packet that is not EVENT or ACK
     */
    public static Encoded encode(SocketIoPacket packet) {
        SocketIoPacketType type = packet.type();
        if (type == SocketIoPacketType.BINARY_EVENT || type == SocketIoPacketType.BINARY_ACK) {
            throw new IllegalArgumentException("use EVENT or ACK with binary data, not " + type);
        }
        boolean binary = packet.data() != null
                && (type == SocketIoPacketType.EVENT || type == SocketIoPacketType.ACK)
                && JsonWriter.hasBinary(packet.data());
        if (!binary) {
            StringBuilder sb = new StringBuilder(64);
            sb.append(type.code());
            appendNspAndId(packet, sb);
            if (packet.data() != null) {
                JsonWriter.write(packet.data(), sb);
            }
            return new Encoded(sb.toString(), List.of());
        }
        List<byte[]> attachments = new ArrayList<>();
        StringBuilder json = new StringBuilder(64);
        JsonWriter.writeExtractingBinary(packet.data(), json, attachments);
        SocketIoPacketType wireType = type == SocketIoPacketType.EVENT
                ? SocketIoPacketType.BINARY_EVENT
                : SocketIoPacketType.BINARY_ACK;
        StringBuilder sb = new StringBuilder(json.length() + 32);
        sb.append(wireType.code()).append(attachments.size()).append('-');
        appendNspAndId(packet, sb);
        sb.append(json);
        return new Encoded(sb.toString(), attachments);
    }

    private static void appendNspAndId(SocketIoPacket packet, StringBuilder sb) {
        String nsp = packet.nsp();
        if (!nsp.isEmpty() && !"/".equals(nsp)) {
            sb.append(nsp).append(',');
        }
        if (packet.hasId()) {
            sb.append(packet.id());
        }
    }
}
