package io.socketee.internal.protocol.engine;

import static io.socketee.internal.protocol.ProtocolException.Kind.ENGINE_IO;

import io.socketee.internal.protocol.ProtocolException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

/**
 * Encodes and decodes Engine.IO packets: single WebSocket frames and HTTP long-polling payloads,
 * for protocol v3 (engine.io-parser 2.x) and v4 (engine.io-parser 5.x).
 *
 * <p><b>Packets.</b> A text packet is its type digit followed by its data ({@code "4hello"},
 * {@code "2probe"}, {@code "3"}). A binary message travels as raw bytes in a binary WebSocket frame
 * (v4: the bytes alone; v3: a {@code 0x04} type byte, then the bytes), or as text when binary
 * cannot be used (v4: {@code "b" + base64}; v3: {@code "b4" + base64}). Decoding accepts both
 * forms, on any transport, like the reference.
 *
 * <p><b>Polling, v4.</b> Packets in text form joined by the record separator U+001E.
 *
 * <p><b>Polling, v3.</b> See {@link #usesBinaryPayload} for the choice between the string
 * payload ({@code <length>:<packet>}..., length in UTF-16 code units, binary as
 * {@code "b4" + base64}) and the binary payload (XHR2: per packet a 0 byte for a string or 1 for
 * binary, the decimal digits of its byte length as byte values 0 to 9, a 255 byte, then the
 * packet: a string as UTF-8 of its text form, binary as {@code 0x04} then the bytes).
 *
 * <p><b>Errors.</b> Every malformed input raises {@link ProtocolException}; the caller closes the
 * session, as the reference does on its "parser error" packet. Unlike the reference, a polling
 * body with a bad packet is rejected whole (the reference first delivers the packets before the
 * bad one), and
 * length prefixes must be plain decimal digits where the reference uses JavaScript's loose
 * {@code Number()}. Inputs no real client sends.
 *
 * <p>Stateless and thread-safe: static methods only. Byte arrays are not copied: a decoded
 * {@link EnginePacket.Binary} of a v4 binary frame holds the frame array itself, and an encoded v4
 * binary frame is the packet's own array.
 */
public final class EngineCodec {
    /** Separator between packets of a v4 polling payload. */
    public static final char RECORD_SEPARATOR = '\u001e';

    private EngineCodec() {
    }

    // ---- single packets (WebSocket frames) ----

    /**
     * The text form of a packet: for text, the type digit and data; for binary,
     * {@code "b" + base64} (v4) or {@code "b4" + base64} (v3), as sent in a text frame when the
     * client asked for base64 ({@code b64=1}).
     */
    public static String encodeText(EnginePacket packet, EngineVersion version) {
        Objects.requireNonNull(version, "version");
        if (packet instanceof EnginePacket.Text t) {
            String data = t.data();
            return new StringBuilder(data.length() + 1).append(t.type().code()).append(data).toString();
        }
        String base64 = Base64.getEncoder().encodeToString(((EnginePacket.Binary) packet).data());
        return (version == EngineVersion.V3 ? "b4" : "b") + base64;
    }

    /** The binary WebSocket frame of a binary message: the bytes (v4), or 0x04 and the bytes (v3). */
    public static byte[] encodeBinaryFrame(EnginePacket.Binary packet, EngineVersion version) {
        byte[] data = packet.data();
        if (version == EngineVersion.V4) {
            return data;
        }
        byte[] frame = new byte[data.length + 1];
        frame[0] = (byte) ('4' - '0');
        System.arraycopy(data, 0, frame, 1, data.length);
        return frame;
    }

    /**
     * Decodes one packet in text form: a text WebSocket frame or one packet of a polling payload.
     * {@code "b..."} is a binary message (v3: {@code "b4..."}).
     *
     * @throws ProtocolException when empty, of unknown type, or with bad base64
     */
    public static EnginePacket decodeText(String text, EngineVersion version) {
        if (text.isEmpty()) {
            throw new ProtocolException(ENGINE_IO, "empty Engine.IO packet");
        }
        char c = text.charAt(0);
        if (c == 'b') {
            int from = 1;
            if (version == EngineVersion.V3) {
                if (text.length() < 2 || text.charAt(1) != '4') {
                    throw new ProtocolException(ENGINE_IO, "base64 packet is not a message (v3 expects \"b4\")");
                }
                from = 2;
            }
            return new EnginePacket.Binary(base64(text, from));
        }
        EnginePacketType type = EnginePacketType.fromCode(c);
        if (type == null) {
            throw new ProtocolException(ENGINE_IO, "unknown Engine.IO packet type " + quote(c));
        }
        return new EnginePacket.Text(type, text.substring(1));
    }

    /**
     * Decodes a binary WebSocket frame: a message of all its bytes (v4), or of the bytes after a
     * leading message type byte {@code 0x04} (v3).
     *
     * @throws ProtocolException (v3) when the frame is empty or its type byte is not 4
     */
    public static EnginePacket.Binary decodeBinaryFrame(byte[] frame, EngineVersion version) {
        if (version == EngineVersion.V4) {
            return new EnginePacket.Binary(frame);
        }
        if (frame.length == 0 || frame[0] != 4) {
            throw new ProtocolException(ENGINE_IO, "v3 binary frame does not start with the message type byte 4");
        }
        return new EnginePacket.Binary(java.util.Arrays.copyOfRange(frame, 1, frame.length));
    }

    // ---- polling payloads ----

    /**
     * Which v3 payload the reference (engine.io 3.x) writes: the binary payload exactly when the
     * client supports binary (no {@code b64} query parameter) and the batch holds a binary packet;
     * otherwise the string payload. Always false for v4, whose payload is always text. Serve the
     * binary payload as {@code application/octet-stream}, a string one as
     * {@code text/plain; charset=UTF-8}.
     */
    public static boolean usesBinaryPayload(List<? extends EnginePacket> packets, EngineVersion version,
            boolean supportsBinary) {
        if (version == EngineVersion.V4 || !supportsBinary) {
            return false;
        }
        for (EnginePacket p : packets) {
            if (p instanceof EnginePacket.Binary) {
                return true;
            }
        }
        return false;
    }

    /**
     * The text polling payload: v4 packets joined by U+001E ({@code ""} for none); v3 the string
     * payload {@code <length>:<packet>}... ({@code "0:"} for none), binary packets in base64.
     */
    public static String encodeStringPayload(List<? extends EnginePacket> packets, EngineVersion version) {
        if (version == EngineVersion.V3) {
            return EnginePayloadV3.encodeString(packets);
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < packets.size(); i++) {
            if (i > 0) {
                sb.append(RECORD_SEPARATOR);
            }
            sb.append(encodeText(packets.get(i), version));
        }
        return sb.toString();
    }

    /** The v3 binary (XHR2) payload; empty for no packets. v4 has none: IllegalArgumentException. */
    public static byte[] encodeBinaryPayload(List<? extends EnginePacket> packets, EngineVersion version) {
        if (version != EngineVersion.V3) {
            throw new IllegalArgumentException("Engine.IO v4 has no binary polling payload");
        }
        return EnginePayloadV3.encodeBinary(packets);
    }

    /**
     * Decodes a text polling body (a POST that is not {@code application/octet-stream}).
     *
     * @param maxPackets the most packets accepted in one body (a DoS guard on top of the caller's
     *     body size limit)
     * @throws ProtocolException when the body is empty or malformed, or holds too many packets
     */
    public static List<EnginePacket> decodeStringPayload(String body, EngineVersion version, int maxPackets) {
        if (version == EngineVersion.V3) {
            return EnginePayloadV3.decodeString(body, maxPackets);
        }
        List<EnginePacket> packets = new ArrayList<>();
        int start = 0;
        while (true) {
            int sep = body.indexOf(RECORD_SEPARATOR, start);
            int end = sep < 0 ? body.length() : sep;
            checkCount(packets.size() + 1, maxPackets);
            packets.add(decodeText(body.substring(start, end), version));
            if (sep < 0) {
                return packets;
            }
            start = sep + 1;
        }
    }

    /**
     * Decodes an {@code application/octet-stream} polling body: the v3 binary payload (an empty
     * body holds no packet). v4 clients never send one: ProtocolException, as engine.io 6 answers
     * "invalid content".
     */
    public static List<EnginePacket> decodeBinaryPayload(byte[] body, EngineVersion version, int maxPackets) {
        if (version != EngineVersion.V3) {
            throw new ProtocolException(ENGINE_IO, "binary polling payload in Engine.IO v4");
        }
        return EnginePayloadV3.decodeBinary(body, maxPackets);
    }

    static void checkCount(int count, int maxPackets) {
        if (count > maxPackets) {
            throw new ProtocolException(ENGINE_IO, "more than " + maxPackets + " packets in one payload");
        }
    }

    /**
     * Decodes base64 as leniently as Node.js's {@code Buffer.from(s, "base64")}, which real clients
     * rely on: the Java client (socket.io-client-java 2.x) sends Android-style base64 ending in a
     * line feed. Whitespace and characters outside the alphabet are skipped, the URL-safe
     * alphabet is accepted, padding is optional; only an impossible length fails.
     */
    static byte[] base64(String text, int from) {
        StringBuilder clean = null;
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean standard = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '+' || c == '/';
            if (!standard && clean == null) {
                clean = new StringBuilder(text.length() - from).append(text, from, i);
            }
            if (clean != null) {
                if (standard) {
                    clean.append(c);
                } else if (c == '-') {
                    clean.append('+');
                } else if (c == '_') {
                    clean.append('/');
                } else if (c == '=') {
                    break;
                }
            }
        }
        String body = clean == null ? text.substring(from) : clean.toString();
        if (body.length() % 4 == 1) {
            throw new ProtocolException(ENGINE_IO, "bad base64 in binary packet: " + body.length() + " characters");
        }
        return Base64.getDecoder().decode(body.length() % 4 == 0 ? body
                : body + "==".substring(0, 4 - body.length() % 4));
    }

    static String quote(char c) {
        return c >= 0x20 && c < 0x7f ? "'" + c + "'" : "U+" + Integer.toHexString(0x10000 | c).substring(1).toUpperCase(java.util.Locale.ROOT);
    }
}
