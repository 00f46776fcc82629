package io.socketee.internal.engine;

import io.socketee.internal.protocol.engine.EngineCodec;
import io.socketee.internal.protocol.engine.EnginePacket;
import io.socketee.internal.protocol.engine.EngineVersion;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The engine's one door to the codec: turns packets into polling bodies and WebSocket frames and
 * back, per protocol generation. Stateless and thread-safe.
 */
final class Framing {
    /** The most packets one POST may carry: far above what a real client batches. */
    static final int MAX_PACKETS_PER_POST = 10_000;
    static final String TEXT = "text/plain; charset=UTF-8";
    static final String BINARY = "application/octet-stream";

    private Framing() {
    }

    /** A polling response body and its content type. */
    record Body(byte[] bytes, String contentType) {
    }

    /** Encodes a GET response, choosing v3's binary payload the way the reference does. */
    static Body encodePayload(List<EnginePacket> packets, EngineVersion version, boolean supportsBinary) {
        if (supportsBinary && EngineCodec.usesBinaryPayload(packets, version, true)) {
            return new Body(EngineCodec.encodeBinaryPayload(packets, version), BINARY);
        }
        return new Body(EngineCodec.encodeStringPayload(packets, version).getBytes(StandardCharsets.UTF_8), TEXT);
    }

    /** Decodes a POST body. */
    static List<EnginePacket> decodePayload(byte[] body, boolean binary, EngineVersion version) {
        return binary ? EngineCodec.decodeBinaryPayload(body, version, MAX_PACKETS_PER_POST)
                : EngineCodec.decodeStringPayload(new String(body, StandardCharsets.UTF_8), version,
                        MAX_PACKETS_PER_POST);
    }

    /** Writes one packet to a WebSocket. */
    static void write(WebSocketChannel channel, EnginePacket packet, EngineVersion version) {
        if (packet instanceof EnginePacket.Binary b) {
            channel.sendBinary(EngineCodec.encodeBinaryFrame(b, version));
        } else {
            channel.sendText(EngineCodec.encodeText(packet, version));
        }
    }

    /** Decodes a text frame. */
    static EnginePacket decodeTextFrame(String text, EngineVersion version) {
        return EngineCodec.decodeText(text, version);
    }

    /** Decodes a binary frame. */
    static EnginePacket decodeBinaryFrame(byte[] data, EngineVersion version) {
        return EngineCodec.decodeBinaryFrame(data, version);
    }
}
