package io.socketee.internal.protocol.socketio;

import static io.socketee.internal.protocol.ProtocolException.Kind.PARSER_MISMATCH;
import static io.socketee.internal.protocol.ProtocolException.Kind.SOCKET_IO;

import io.socketee.internal.protocol.ProtocolException;
import io.socketee.internal.protocol.json.Json;
import io.socketee.internal.protocol.json.JsonParser;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Decodes the Socket.IO packets of one connection, validating them as socket.io-parser 4.x does
 * and reassembling binary packets from their attachments.
 *
 * <p><b>Text.</b> {@code <type>[<attachments>-][<nsp>,][<id>][<json>]}: type 0 to 6; for
 * BINARY_EVENT / BINARY_ACK a count of 1 to {@code maxAttachments} and a '-'; a namespace when the
 * next character is '/', up to the next ',' (or the end); an ack id of decimal digits (at most
 * 2^53 - 1, the largest id a JavaScript peer can count to); then JSON parsed as {@code JSON.parse}
 * with at most {@code maxDepth} levels. A present payload must be, per type: CONNECT an object;
 * DISCONNECT none; CONNECT_ERROR a string or an object; EVENT an array whose first element is a
 * number or a string other than {@code connect, connect_error, disconnect, disconnecting,
 * newListener, removeListener}; ACK an array. As in the reference, EVENT and ACK may come without
 * payload (data null).
 *
 * <p><b>Binary.</b> A BINARY_EVENT / BINARY_ACK header waits for exactly its count of
 * {@link #addBinary} calls; then every object with {@code "_placeholder": true} is replaced by the
 * attachment its {@code num} names (an integer index below the count, else an error), and the
 * packet is returned as EVENT / ACK (see {@link SocketIoPacket}). Text while waiting, or binary
 * when not waiting, is an error. The attachments a waiting packet holds may not add up to more
 * than {@code maxAttachmentBytes}: the one that would pass it is an error, and the packet is
 * dropped. How long a packet may wait is not the decoder's business: it keeps no clock, and the
 * connection that feeds it sets the deadline (see {@link #isReconstructing}).
 *
 * <p><b>Versions.</b> The reference server (socket.io 4.8) decodes both protocol v4 (socket.io
 * 2.x clients, Engine.IO v3) and v5 with socket.io-parser 4.x, so the rules above apply to both.
 * The namespace is kept verbatim: in v4 it may carry a query string ({@code "0/chat?token=abc,"}
 * gives nsp {@code "/chat?token=abc"}); for v4 the reference url-parses the nsp of every packet,
 * the path naming the namespace and, for CONNECT, the query serving as the auth payload. That
 * split is the caller's job. socket.io-parser 3.x (used by the socket.io 2.x server) differs, and
 * SocketEE does not follow it: it calls type 4 ERROR and accepts any JSON {@code typeof "object"}
 * (null and arrays too) for it and for CONNECT, has no reserved event names, and turns an unknown
 * type into an ERROR packet without namespace, which that server drops silently.
 *
 * <p><b>Deviations</b>, all on inputs no client sends, where the reference relies on JavaScript's
 * loose {@code Number()}: an empty text is an error (the reference reads it as CONNECT, but an
 * empty Engine.IO message reaches its decoder as undefined and fails); whitespace is never a type,
 * count or id digit, so JSON whitespace right after the header is an error (the reference would
 * read it as ack id 0); counts and ids must be plain digits; a placeholder {@code num} must be an
 * integer.
 *
 * <p>Not thread-safe: one instance per connection, fed in arrival order. After a
 * {@link ProtocolException} the connection should be closed (as the reference does); the decoder
 * is then back in its idle state.
 */
public final class SocketIoDecoder implements PacketDecoder {
    private static final Set<String> RESERVED_EVENTS =
            Set.of("connect", "connect_error", "disconnect", "disconnecting", "newListener", "removeListener");
    /** The largest ack id accepted: 2^53 - 1, the largest integer a JavaScript peer counts to exactly. */
    static final long MAX_SAFE_INTEGER = 9007199254740991L;

    private final SocketIoVersion version;
    private final int maxAttachments;
    private final long maxAttachmentBytes;
    private final int maxDepth;
    private Pending pending;
    /** The bytes of the attachments {@link #pending} holds. */
    private long pendingBytes;

    /** A binary packet's header, waiting for its attachments. */
    private record Pending(SocketIoPacketType type, String nsp, long id, Json data, int expected,
            List<byte[]> buffers) {
    }

    /**
     * Creates a decoder for one connection.
     *
     * @param version the client's protocol revision (see the class comment: same rules for both)
     * @param maxAttachments the most attachments one binary packet may announce (the reference's
     *     default is 10)
     * @param maxAttachmentBytes the most bytes the attachments of one binary packet may hold in all
     * @param maxDepth the deepest array/object nesting accepted in a payload
     */
    public SocketIoDecoder(SocketIoVersion version, int maxAttachments, long maxAttachmentBytes, int maxDepth) {
        this.version = Objects.requireNonNull(version, "version");
        if (maxAttachments < 0 || maxAttachmentBytes < 0 || maxDepth < 1) {
            throw new IllegalArgumentException(
                    "maxAttachments and maxAttachmentBytes must be >= 0 and maxDepth >= 1");
        }
        this.maxAttachments = maxAttachments;
        this.maxAttachmentBytes = maxAttachmentBytes;
        this.maxDepth = maxDepth;
    }

    /** The protocol revision given at construction. */
    public SocketIoVersion version() {
        return version;
    }

    /**
     * Whether a binary packet is waiting for attachments. It becomes true with the text that
     * announces a packet and false when the last attachment completes it, on an error, or on
     * {@link #reset}: the caller's deadline runs while it is true.
     */
    @Override
    public boolean isReconstructing() {
        return pending != null;
    }

    /** Drops a partly received binary packet, as the reference's {@code destroy()} does. */
    @Override
    public void reset() {
        pending = null;
        pendingBytes = 0;
    }

    /**
     * Takes the text of one Engine.IO message.
     *
     * @return the packet, or empty when it is a binary header now waiting for attachments
     * @throws ProtocolException when the text is not a valid packet here
     */
    @Override
    public Optional<SocketIoPacket> addText(String text) {
        if (pending != null) {
            reset();
            throw new ProtocolException(SOCKET_IO, "got plaintext data when reconstructing a packet");
        }
        return Optional.ofNullable(decodeString(text));
    }

    /**
     * Takes one binary Engine.IO message: the next attachment of the waiting packet. The array is
     * copied into the packet; the caller may reuse it.
     *
     * @return the completed packet after its last attachment, else empty
     * @throws ProtocolException when no packet waits, the attachments would hold more than
     *     {@code maxAttachmentBytes}, or a placeholder is invalid
     */
    @Override
    public Optional<SocketIoPacket> addBinary(byte[] data) {
        Objects.requireNonNull(data, "data");
        Pending p = pending;
        if (p == null) {
            // socket.io-msgpack-parser sends every packet as one msgpack map (fixmap: 0x80-0x8f)
            boolean msgpack = data.length > 0 && (data[0] & 0xf0) == 0x80;
            throw new ProtocolException(msgpack ? PARSER_MISMATCH : SOCKET_IO,
                    "got binary data when not reconstructing a packet"
                    + (msgpack ? " (a msgpack map, as socket.io-msgpack-parser sends)" : ""));
        }
        if (data.length > maxAttachmentBytes - pendingBytes) {
            long held = pendingBytes;
            reset();
            throw new ProtocolException(SOCKET_IO, "attachments too large: " + held + " + " + data.length + " bytes > "
                    + maxAttachmentBytes);
        }
        pendingBytes += data.length;
        p.buffers().add(data);
        if (p.buffers().size() < p.expected()) {
            return Optional.empty();
        }
        reset();
        Json whole = p.data() == null ? null : reconstruct(p.data(), p.buffers());
        return Optional.of(new SocketIoPacket(p.type(), p.nsp(), p.id(), whole));
    }

    /** Decodes a text packet; null when it is a binary header (then {@link #pending} is set). */
    private SocketIoPacket decodeString(String s) {
        if (s.isEmpty()) {
            throw new ProtocolException(SOCKET_IO, "empty Socket.IO packet");
        }
        char c = s.charAt(0);
        if (c < '0' || c > '6') {
            throw new ProtocolException(SOCKET_IO, "unknown packet type " + printable(c));
        }
        SocketIoPacketType type = SocketIoPacketType.values()[c - '0'];
        boolean binary = type == SocketIoPacketType.BINARY_EVENT || type == SocketIoPacketType.BINARY_ACK;
        int len = s.length();
        int pos = 1;
        int attachments = 0;
        if (binary) {
            int dash = s.indexOf('-', pos);
            attachments = attachmentCount(s, pos, dash);
            pos = dash + 1;
        }
        String nsp = "/";
        if (pos < len && s.charAt(pos) == '/') {
            int comma = s.indexOf(',', pos);
            nsp = s.substring(pos, comma < 0 ? len : comma);
            pos = comma < 0 ? len : comma + 1;
        }
        int idEnd = pos;
        while (idEnd < len && isDigit(s.charAt(idEnd))) {
            idEnd++;
        }
        long id = idEnd > pos ? ackId(s, pos, idEnd) : SocketIoPacket.NO_ID;
        Json data = idEnd < len ? payload(type, s, idEnd) : null;
        if (binary) {
            pending = new Pending(normalise(type), nsp, id, data, attachments, new ArrayList<>(attachments));
            return null;
        }
        return new SocketIoPacket(type, nsp, id, data);
    }

    private int attachmentCount(String s, int from, int dash) {
        if (dash < 0 || dash == from || dash - from > 10) {
            throw new ProtocolException(SOCKET_IO, "Illegal attachments");
        }
        long n = 0;
        for (int i = from; i < dash; i++) {
            if (!isDigit(s.charAt(i))) {
                throw new ProtocolException(SOCKET_IO, "Illegal attachments");
            }
            n = n * 10 + (s.charAt(i) - '0');
        }
        if (n < 1) {
            throw new ProtocolException(SOCKET_IO, "Illegal attachments");
        }
        if (n > maxAttachments) {
            throw new ProtocolException(SOCKET_IO, "too many attachments: " + n + " > " + maxAttachments);
        }
        return (int) n;
    }

    private static long ackId(String s, int from, int to) {
        if (to - from > 16) {
            throw new ProtocolException(SOCKET_IO, "ack id too large");
        }
        long id = Long.parseLong(s, from, to, 10);
        if (id > MAX_SAFE_INTEGER) {
            throw new ProtocolException(SOCKET_IO, "ack id too large");
        }
        return id;
    }

    private Json payload(SocketIoPacketType type, String s, int pos) {
        char c = s.charAt(pos);
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            throw new ProtocolException(SOCKET_IO, "whitespace before payload");
        }
        Json data;
        try {
            data = JsonParser.parse(s, pos, s.length(), maxDepth);
        } catch (ProtocolException e) {
            throw new ProtocolException(SOCKET_IO, "invalid payload: " + e.getMessage());
        }
        if (!isPayloadValid(type, data)) {
            throw new ProtocolException(SOCKET_IO, "invalid payload for " + type);
        }
        return data;
    }

    /** Whether a present payload fits its packet type (see the class comment); the msgpack decoder shares it. */
    static boolean isPayloadValid(SocketIoPacketType type, Json data) {
        return switch (type) {
            case CONNECT -> data instanceof Json.Obj;
            case DISCONNECT -> false;
            case CONNECT_ERROR -> data instanceof Json.Str || data instanceof Json.Obj;
            case EVENT, BINARY_EVENT -> data instanceof Json.Arr a && !a.items().isEmpty()
                    && (a.items().get(0) instanceof Json.Num
                        || a.items().get(0) instanceof Json.Str name && !RESERVED_EVENTS.contains(name.value()));
            case ACK, BINARY_ACK -> data instanceof Json.Arr;
        };
    }

    private static SocketIoPacketType normalise(SocketIoPacketType wire) {
        return wire == SocketIoPacketType.BINARY_EVENT ? SocketIoPacketType.EVENT : SocketIoPacketType.ACK;
    }

    /** Replaces placeholders by attachments; returns the same instance when nothing changed. */
    private static Json reconstruct(Json value, List<byte[]> buffers) {
        if (value instanceof Json.Arr a) {
            List<Json> items = a.items();
            List<Json> out = null;
            for (int i = 0; i < items.size(); i++) {
                Json item = items.get(i);
                Json r = reconstruct(item, buffers);
                if (r != item && out == null) {
                    out = new ArrayList<>(items.subList(0, i));
                }
                if (out != null) {
                    out.add(r);
                }
            }
            return out == null ? a : new Json.Arr(out);
        }
        if (value instanceof Json.Obj o) {
            Map<String, Json> fields = o.fields();
            if (Json.TRUE.equals(fields.get("_placeholder"))) {
                return new Json.Bin(buffers.get(placeholderIndex(fields.get("num"), buffers.size())));
            }
            Map<String, Json> out = null;
            for (Map.Entry<String, Json> e : fields.entrySet()) {
                Json r = reconstruct(e.getValue(), buffers);
                if (r != e.getValue() && out == null) {
                    out = new LinkedHashMap<>(fields);
                }
                if (out != null) {
                    out.put(e.getKey(), r);
                }
            }
            return out == null ? o : new Json.Obj(out);
        }
        return value;
    }

    private static int placeholderIndex(Json num, int count) {
        if (num instanceof Json.Num n) {
            double v = n.value();
            if (v >= 0 && v < count && v == Math.rint(v)) {
                return (int) v;
            }
        }
        throw new ProtocolException(SOCKET_IO, "illegal attachments: bad placeholder num " + num);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static String printable(char c) {
        return c >= 0x20 && c < 0x7f ? "'" + c + "'" : "U+" + Integer.toHexString(0x10000 | c).substring(1).toUpperCase(java.util.Locale.ROOT);
    }
}
