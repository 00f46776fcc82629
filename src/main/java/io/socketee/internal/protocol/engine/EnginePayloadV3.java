package io.socketee.internal.protocol.engine;

import static io.socketee.internal.protocol.ProtocolException.Kind.ENGINE_IO;

import io.socketee.internal.protocol.ProtocolException;
import java.util.ArrayList;
import java.util.List;

/**
 * The two Engine.IO v3 polling payloads of engine.io-parser 2.x; see {@link EngineCodec}.
 * Stateless, thread-safe.
 */
final class EnginePayloadV3 {
    /** Length prefixes longer than this are rejected before any arithmetic (2^31 has 10 digits). */
    private static final int MAX_LENGTH_DIGITS = 10;

    private EnginePayloadV3() {
    }

    /** {@code <length>:<packet>} per packet, length in UTF-16 code units; {@code "0:"} when empty. */
    static String encodeString(List<? extends EnginePacket> packets) {
        if (packets.isEmpty()) {
            return "0:";
        }
        StringBuilder sb = new StringBuilder();
        for (EnginePacket p : packets) {
            String text = EngineCodec.encodeText(p, EngineVersion.V3);
            sb.append(text.length()).append(':').append(text);
        }
        return sb.toString();
    }

    /** Per packet: 0|1, length digits as bytes, 255, then UTF-8 text or 0x04 + bytes. */
    static byte[] encodeBinary(List<? extends EnginePacket> packets) {
        int total = 0;
        int[] lengths = new int[packets.size()];
        for (int i = 0; i < lengths.length; i++) {
            EnginePacket p = packets.get(i);
            lengths[i] = p instanceof EnginePacket.Binary b
                    ? b.data().length + 1
                    : 1 + Utf8.encodedLength(((EnginePacket.Text) p).data());
            total += 2 + digits(lengths[i]) + lengths[i];
        }
        byte[] out = new byte[total];
        int pos = 0;
        for (int i = 0; i < lengths.length; i++) {
            EnginePacket p = packets.get(i);
            out[pos++] = (byte) (p instanceof EnginePacket.Binary ? 1 : 0);
            String len = Integer.toString(lengths[i]);
            for (int d = 0; d < len.length(); d++) {
                out[pos++] = (byte) (len.charAt(d) - '0');
            }
            out[pos++] = (byte) 0xFF;
            if (p instanceof EnginePacket.Binary b) {
                out[pos++] = 4;
                byte[] data = b.data();
                System.arraycopy(data, 0, out, pos, data.length);
                pos += data.length;
            } else {
                EnginePacket.Text t = (EnginePacket.Text) p;
                out[pos++] = (byte) t.type().code();
                pos = Utf8.encode(t.data(), out, pos);
            }
        }
        return out;
    }

    private static int digits(int n) {
        return Integer.toString(n).length();
    }

    /** Decodes a string payload; {@code ""} is an error, {@code "0:"} holds no packet. */
    static List<EnginePacket> decodeString(String body, int maxPackets) {
        if (body.isEmpty()) {
            throw new ProtocolException(ENGINE_IO, "empty v3 payload");
        }
        List<EnginePacket> packets = new ArrayList<>();
        int pos = 0;
        int len = body.length();
        while (pos < len) {
            int colon = body.indexOf(':', pos);
            if (colon < 0) {
                throw new ProtocolException(ENGINE_IO, "v3 payload: length prefix without ':' at " + pos);
            }
            int n = parseLength(body, pos, colon);
            int start = colon + 1;
            if (n > len - start) {
                throw new ProtocolException(ENGINE_IO, "v3 payload: packet of length " + n + " truncated at " + start);
            }
            if (n > 0) {
                EngineCodec.checkCount(packets.size() + 1, maxPackets);
                packets.add(EngineCodec.decodeText(body.substring(start, start + n), EngineVersion.V3));
            }
            pos = start + n;
        }
        return packets;
    }

    private static int parseLength(String body, int from, int to) {
        if (to == from || to - from > MAX_LENGTH_DIGITS) {
            throw new ProtocolException(ENGINE_IO, "v3 payload: bad length prefix at " + from);
        }
        long n = 0;
        for (int i = from; i < to; i++) {
            char c = body.charAt(i);
            if (c < '0' || c > '9') {
                throw new ProtocolException(ENGINE_IO, "v3 payload: bad length prefix at " + i);
            }
            n = n * 10 + (c - '0');
        }
        return (int) Math.min(n, Integer.MAX_VALUE);
    }

    /** Decodes a binary (XHR2) payload; an empty body holds no packet. */
    static List<EnginePacket> decodeBinary(byte[] body, int maxPackets) {
        List<EnginePacket> packets = new ArrayList<>();
        int pos = 0;
        while (pos < body.length) {
            int kind = body[pos];
            if (kind != 0 && kind != 1) {
                throw new ProtocolException(ENGINE_IO,
                        "v3 binary payload: bad packet kind " + (kind & 0xFF) + " at " + pos);
            }
            pos++;
            long n = 0;
            int digits = 0;
            while (true) {
                if (pos >= body.length) {
                    throw new ProtocolException(ENGINE_IO, "v3 binary payload: unterminated length");
                }
                int b = body[pos++] & 0xFF;
                if (b == 0xFF) {
                    break;
                }
                if (b > 9 || ++digits > MAX_LENGTH_DIGITS) {
                    throw new ProtocolException(ENGINE_IO, "v3 binary payload: bad length byte at " + (pos - 1));
                }
                n = n * 10 + b;
            }
            if (digits == 0 || n == 0 || n > body.length - pos) {
                throw new ProtocolException(ENGINE_IO,
                        "v3 binary payload: bad or truncated length " + n + " at " + pos);
            }
            int end = pos + (int) n;
            EngineCodec.checkCount(packets.size() + 1, maxPackets);
            packets.add(kind == 0
                    ? EngineCodec.decodeText(Utf8.decode(body, pos, end), EngineVersion.V3)
                    : binaryPacket(body, pos, end));
            pos = end;
        }
        return packets;
    }

    private static EnginePacket binaryPacket(byte[] body, int from, int to) {
        if (body[from] != 4) {
            throw new ProtocolException(ENGINE_IO,
                    "v3 binary payload: binary packet type " + body[from] + " is not message (4)");
        }
        return new EnginePacket.Binary(java.util.Arrays.copyOfRange(body, from + 1, to));
    }
}
