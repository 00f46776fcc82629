package io.socketee.internal.adapter.redis;

import static io.socketee.internal.protocol.ProtocolException.Kind.CLUSTER;

import io.socketee.internal.adapter.redis.ClassicMessage.*;
import io.socketee.internal.protocol.msgpack.Msgpack;
import io.socketee.internal.protocol.ProtocolException;
import io.socketee.internal.protocol.json.Json;
import io.socketee.internal.protocol.json.JsonParser;
import io.socketee.internal.protocol.json.JsonWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Encodes and decodes {@link ClassicMessage}s byte for byte as Node's
 * {@code @socket.io/redis-adapter} 8.x and {@code @socket.io/redis-emitter} 5.x write them:
 * broadcasts, the broadcast-with-ack request and its ack responses in msgpack; every other
 * request and response in JSON, with the same key order. Decoding sniffs the first byte
 * ({@code '{'} is JSON, anything else msgpack) and reads maps by key. Malformed input raises
 * {@link ProtocolException}; the adapter logs and drops it. Stateless and thread-safe.
 */
public final class ClassicCodec {
    private static final int MAX_JSON_DEPTH = 256;

    private ClassicCodec() {
    }

    // ---- broadcasts ----------------------------------------------------------------------

    /** {@code [uid, {type:2, data, nsp}, {rooms, except, flags}]} in msgpack. */
    public static byte[] encode(Broadcast b) {
        return Msgpack.encode(Json.arr(new Json.Str(b.uid()), packet(b.nsp(), b.data()), opts(b.target(), b.flags())));
    }

    /**
     * As {@link #encode(Broadcast)}, with the options in the order Node's emitter writes them
     * ({@code {rooms, flags, except}}), so a Java emitter's bytes equal the Node emitter's.
     */
    public static byte[] encodeAsEmitter(Broadcast b) {
        Map<String, Json> o = new LinkedHashMap<>();
        o.put("rooms", strings(b.target().rooms()));
        o.put("flags", b.flags());
        o.put("except", strings(b.target().except()));
        return Msgpack.encode(Json.arr(new Json.Str(b.uid()), packet(b.nsp(), b.data()), new Json.Obj(o)));
    }

    /** Decodes a message from a broadcast channel. */
    public static Broadcast decodeBroadcast(byte[] bytes) {
        Json v = Msgpack.decode(bytes);
        if (!(v instanceof Json.Arr a) || a.items().size() < 2) {
            throw new ProtocolException(CLUSTER, "broadcast: not an array of [uid, packet, opts]");
        }
        Json.Obj packet = obj(a.items().get(1), "packet");
        Json.Obj opts = a.items().size() > 2 ? obj(a.items().get(2), "opts") : new Json.Obj(Map.of());
        return new Broadcast(string(a.items().get(0), "uid"), optString(packet, "nsp").orElse("/"),
                arr(packet.fields().get("data"), "packet.data"), target(opts), flags(opts));
    }

    // ---- requests ------------------------------------------------------------------------

    /** Encodes a request: JSON, except type 7 (msgpack). */
    public static byte[] encode(Request r) {
        Map<String, Json> m = new LinkedHashMap<>();
        r.uid().ifPresent(u -> m.put("uid", new Json.Str(u)));
        if (r instanceof Sockets s) {
            head(m, s.requestId(), 0);
            m.put("rooms", strings(s.rooms()));
        } else if (r instanceof AllRooms a) {
            head(m, a.requestId(), 1);
        } else if (r instanceof SocketsJoin j) {
            head(m, null, 2);
            m.put("opts", opts(j.target(), null));
            m.put("rooms", strings(j.rooms()));
        } else if (r instanceof SocketsLeave l) {
            head(m, null, 3);
            m.put("opts", opts(l.target(), null));
            m.put("rooms", strings(l.rooms()));
        } else if (r instanceof DisconnectSockets d) {
            head(m, null, 4);
            m.put("opts", opts(d.target(), null));
            m.put("close", Json.of(d.close()));
        } else if (r instanceof LegacySocketRequest l) {
            head(m, l.requestId(), l.type());
            m.put("sid", new Json.Str(l.sid()));
            l.room().ifPresent(room -> m.put("room", new Json.Str(room)));
            if (l.type() == 4) {
                m.put("close", Json.of(l.close()));
            }
        } else if (r instanceof FetchSockets f) {
            head(m, f.requestId(), 5);
            m.put("opts", opts(f.target(), null));
        } else if (r instanceof ServerSideEmit e) {
            head(m, e.requestId().orElse(null), 6);
            m.put("data", e.data());
        } else {
            BroadcastWithAck b = (BroadcastWithAck) r;
            head(m, b.requestId(), 7);
            m.put("packet", packet(b.nsp(), b.data()));
            m.put("opts", opts(b.target(), b.flags()));
            return Msgpack.encode(new Json.Obj(m));
        }
        return json(new Json.Obj(m));
    }

    /** Decodes a message from the request channel. */
    public static Request decodeRequest(byte[] bytes) {
        Json.Obj m = obj(parse(bytes), "request");
        Optional<String> uid = optString(m, "uid");
        int type = integer(m.fields().get("type"), "type");
        Optional<String> requestId = optString(m, "requestId");
        switch (type) {
            case 0:
                return new Sockets(uid, requestId.orElseThrow(() -> missing("requestId")), stringList(m.fields().get("rooms")));
            case 1:
                return new AllRooms(uid, requestId.orElseThrow(() -> missing("requestId")));
            case 2:
            case 3:
            case 4:
                if (m.fields().containsKey("sid")) {
                    return new LegacySocketRequest(type, uid, requestId.orElseThrow(() -> missing("requestId")),
                            string(m.fields().get("sid"), "sid"), optString(m, "room"), bool(m, "close"));
                }
                Target target = target(optObj(m, "opts"));
                if (type == 4) {
                    return new DisconnectSockets(uid, target, bool(m, "close"));
                }
                List<String> rooms = stringList(m.fields().get("rooms"));
                return type == 2 ? new SocketsJoin(uid, target, rooms) : new SocketsLeave(uid, target, rooms);
            case 5:
                return new FetchSockets(uid, requestId.orElseThrow(() -> missing("requestId")), target(optObj(m, "opts")));
            case 6:
                return new ServerSideEmit(uid, requestId, arr(m.fields().get("data"), "data"));
            case 7:
                Json.Obj packet = obj(m.fields().get("packet"), "packet");
                Json.Obj opts = optObj(m, "opts");
                return new BroadcastWithAck(uid, requestId.orElseThrow(() -> missing("requestId")),
                        optString(packet, "nsp").orElse("/"), arr(packet.fields().get("data"), "packet.data"),
                        target(opts), flags(opts));
            default:
                throw new ProtocolException(CLUSTER, "request: unknown type " + type);
        }
    }

    // ---- responses -----------------------------------------------------------------------

    /** Encodes a response: JSON, except type 9 (msgpack). */
    public static byte[] encode(Response r) {
        Map<String, Json> m = new LinkedHashMap<>();
        if (r instanceof ServerSideEmitResponse e) {
            m.put("type", new Json.Num(6));
            m.put("requestId", new Json.Str(e.requestId()));
            m.put("data", e.data());
        } else if (r instanceof BroadcastClientCount c) {
            m.put("type", new Json.Num(8));
            m.put("requestId", new Json.Str(c.requestId()));
            m.put("clientCount", new Json.Num(c.clientCount()));
        } else if (r instanceof BroadcastAck a) {
            m.put("type", new Json.Num(9));
            m.put("requestId", new Json.Str(a.requestId()));
            m.put("packet", a.packet());
            return Msgpack.encode(new Json.Obj(m));
        } else {
            m.put("requestId", new Json.Str(r.requestId()));
            if (r instanceof SocketsResponse s) {
                m.put("sockets", s.sockets());
            } else if (r instanceof RoomsResponse rooms) {
                m.put("rooms", strings(rooms.rooms()));
            }
        }
        return json(new Json.Obj(m));
    }

    /** Decodes a message from a response channel. */
    public static Response decodeResponse(byte[] bytes) {
        Json.Obj m = obj(parse(bytes), "response");
        String requestId = optString(m, "requestId").orElseThrow(() -> missing("requestId"));
        Json type = m.fields().get("type");
        if (type != null) {
            switch (integer(type, "type")) {
                case 6:
                    return new ServerSideEmitResponse(requestId, m.fields().getOrDefault("data", Json.NULL));
                case 8:
                    return new BroadcastClientCount(requestId, integer(m.fields().get("clientCount"), "clientCount"));
                case 9:
                    return new BroadcastAck(requestId, m.fields().getOrDefault("packet", Json.NULL));
                default:
                    throw new ProtocolException(CLUSTER, "response: unknown type " + type);
            }
        }
        if (m.fields().containsKey("sockets")) {
            return new SocketsResponse(requestId, arr(m.fields().get("sockets"), "sockets"));
        }
        if (m.fields().containsKey("rooms")) {
            return new RoomsResponse(requestId, stringList(m.fields().get("rooms")));
        }
        return new Done(requestId);
    }

    // ---- helpers ---------------------------------------------------------------------------

    private static Json.Obj packet(String nsp, Json.Arr data) {
        Map<String, Json> p = new LinkedHashMap<>();
        p.put("type", new Json.Num(2));
        p.put("data", data);
        p.put("nsp", new Json.Str(nsp));
        return new Json.Obj(p);
    }

    /** {@code {rooms, except, flags}}; requests 2 to 5 carry no flags ({@code flags == null}). */
    private static Json.Obj opts(Target t, Json.Obj flags) {
        Map<String, Json> o = new LinkedHashMap<>();
        o.put("rooms", strings(t.rooms()));
        o.put("except", strings(t.except()));
        if (flags != null) {
            o.put("flags", flags);
        }
        return new Json.Obj(o);
    }

    private static void head(Map<String, Json> m, String requestId, int type) {
        if (requestId != null) {
            m.put("requestId", new Json.Str(requestId));
        }
        m.put("type", new Json.Num(type));
    }

    private static Json.Arr strings(List<String> items) {
        List<Json> out = new ArrayList<>(items.size());
        items.forEach(s -> out.add(new Json.Str(s)));
        return new Json.Arr(out);
    }

    private static Target target(Json.Obj opts) {
        return new Target(stringList(opts.fields().get("rooms")), stringList(opts.fields().get("except")));
    }

    private static Json.Obj flags(Json.Obj opts) {
        Json f = opts.fields().get("flags");
        return f instanceof Json.Obj o ? o : new Json.Obj(Map.of());
    }

    private static byte[] json(Json v) {
        return JsonWriter.write(v).getBytes(StandardCharsets.UTF_8);
    }

    private static Json parse(byte[] bytes) {
        if (bytes.length > 0 && bytes[0] == '{') {
            try {
                return JsonParser.parse(new String(bytes, StandardCharsets.UTF_8), MAX_JSON_DEPTH);
            } catch (ProtocolException e) {
                throw new ProtocolException(CLUSTER, e.getMessage()); // bad JSON here is a bad cluster message
            }
        }
        return Msgpack.decode(bytes);
    }

    private static Json.Obj obj(Json v, String what) {
        if (v instanceof Json.Obj o) {
            return o;
        }
        throw new ProtocolException(CLUSTER, what + ": not a map");
    }

    private static Json.Obj optObj(Json.Obj m, String key) {
        Json v = m.fields().get(key);
        return v instanceof Json.Obj o ? o : new Json.Obj(Map.of());
    }

    private static Json.Arr arr(Json v, String what) {
        if (v instanceof Json.Arr a) {
            return a;
        }
        throw new ProtocolException(CLUSTER, what + ": not an array");
    }

    private static String string(Json v, String what) {
        if (v instanceof Json.Str s) {
            return s.value();
        }
        throw new ProtocolException(CLUSTER, what + ": not a string");
    }

    private static Optional<String> optString(Json.Obj m, String key) {
        Json v = m.fields().get(key);
        return v instanceof Json.Str s ? Optional.of(s.value()) : Optional.empty();
    }

    private static boolean bool(Json.Obj m, String key) {
        return m.fields().get(key) instanceof Json.Bool b && b.value();
    }

    private static int integer(Json v, String what) {
        if (v instanceof Json.Num n && n.value() == Math.rint(n.value()) && Math.abs(n.value()) < Integer.MAX_VALUE) {
            return (int) n.value();
        }
        throw new ProtocolException(CLUSTER, what + ": not a whole number");
    }

    /** Room names: strings, and numbers (a JS server's numeric rooms) as their decimal text. */
    private static List<String> stringList(Json v) {
        if (v == null || v instanceof Json.Null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (Json item : arr(v, "rooms").items()) {
            if (item instanceof Json.Str s) {
                out.add(s.value());
            } else if (item instanceof Json.Num n) {
                out.add(JsonWriter.numberToString(n.value()));
            } else {
                throw new ProtocolException(CLUSTER, "rooms: not a string or number");
            }
        }
        return out;
    }

    private static ProtocolException missing(String key) {
        return new ProtocolException(CLUSTER, "missing " + key);
    }
}
