package io.socketee.internal.protocol.socketio;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * How Socket.IO packets travel in Engine.IO messages: the reference's two parsers
 * ({@code socketio.parser}). Immutable and thread-safe.
 */
public enum SocketIoParser {
    /** socket.io-parser: a text message per packet, then a binary message per attachment. */
    DEFAULT,
    /** socket.io-msgpack-parser 3.x: one binary message per packet, binary inside it. */
    MSGPACK;

    /** The parser a configuration value names ({@code default} or {@code msgpack}), if any. */
    public static Optional<SocketIoParser> named(String name) {
        for (SocketIoParser p : values()) {
            if (p.configName().equals(name)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** The configuration value naming this parser. */
    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The Engine.IO messages that carry {@code packet}, in order: each a {@link String} (text) or
     * a {@code byte[]} (binary). Immutable; its arrays are shared and must not be changed, so that
     * one encoding can go to many clients.
     */
    public List<Object> encode(SocketIoPacket packet) {
        if (this == MSGPACK) {
            return List.of(MsgpackPacketEncoder.encode(packet));
        }
        SocketIoEncoder.Encoded encoded = SocketIoEncoder.encode(packet);
        List<Object> messages = new ArrayList<>(1 + encoded.attachments().size());
        messages.add(encoded.text());
        messages.addAll(encoded.attachments());
        return List.copyOf(messages);
    }

    /**
     * A decoder for one connection.
     *
     * @param version the client's protocol revision
     * @param maxAttachments the most attachments a binary packet may announce (default parser)
     * @param maxAttachmentBytes the most bytes a binary packet's attachments may hold (default parser)
     * @param maxDepth the deepest nesting accepted in a payload
     */
    public PacketDecoder newDecoder(SocketIoVersion version, int maxAttachments, long maxAttachmentBytes,
            int maxDepth) {
        return this == MSGPACK
                ? new MsgpackPacketDecoder(maxDepth)
                : new SocketIoDecoder(version, maxAttachments, maxAttachmentBytes, maxDepth);
    }
}
