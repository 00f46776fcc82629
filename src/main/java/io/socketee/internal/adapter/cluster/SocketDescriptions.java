package io.socketee.internal.adapter.cluster;

import static io.socketee.internal.protocol.ProtocolException.Kind.CLUSTER;

import io.socketee.Handshake;
import io.socketee.internal.adapter.NamespaceHost;
import io.socketee.adapter.SocketDetails;
import io.socketee.internal.protocol.ProtocolException;
import io.socketee.internal.protocol.json.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A socket as Node's {@code fetchSockets} response describes it ({@code SocketDesc}):
 * {@code {id, handshake:{headers, time, address, xdomain, secure, issued, url, query, auth}, rooms, data}}.
 * A header with one value is a string, as Node's are; with several, an array. Stateless.
 */
public final class SocketDescriptions {

    private SocketDescriptions() {
    }

    /** {@code d} as Node describes a socket. */
    public static Json encode(SocketDetails d, NamespaceHost host) {
        Handshake h = d.handshake();
        Map<String, Json> headers = new LinkedHashMap<>();
        h.headers().forEach((name, values) -> headers.put(name, values.size() == 1 ? new Json.Str(values.get(0))
                : new Json.Arr(values.stream().<Json>map(Json.Str::new).toList())));
        Map<String, Json> query = new LinkedHashMap<>();
        h.query().forEach((k, v) -> query.put(k, new Json.Str(v)));
        Map<String, Json> hs = new LinkedHashMap<>();
        hs.put("headers", new Json.Obj(headers));
        hs.put("time", new Json.Str(h.time()));
        hs.put("address", new Json.Str(h.address()));
        hs.put("xdomain", Json.of(h.xdomain()));
        hs.put("secure", Json.of(h.secure()));
        hs.put("issued", new Json.Num(h.issued()));
        hs.put("url", new Json.Str(h.url()));
        hs.put("query", new Json.Obj(query));
        hs.put("auth", value(h.auth(), host));
        Map<String, Json> m = new LinkedHashMap<>();
        m.put("id", new Json.Str(d.id()));
        m.put("handshake", new Json.Obj(hs));
        m.put("rooms", new Json.Arr(d.rooms().stream().<Json>map(Json.Str::new).toList()));
        m.put("data", value(d.data(), host));
        return new Json.Obj(m);
    }

    private static Json value(Object v, NamespaceHost host) {
        return host.toJson(java.util.Collections.singletonList(v)).items().get(0);
    }

    @SuppressWarnings("unchecked")
    /** A socket another server described. */
    public static SocketDetails decode(Json json, NamespaceHost host) {
        Json.Obj m = obj(json, "socket");
        Json.Obj hs = obj(m.fields().getOrDefault("handshake", new Json.Obj(Map.of())), "handshake");
        Map<String, List<String>> headers = new LinkedHashMap<>();
        obj(hs.fields().getOrDefault("headers", new Json.Obj(Map.of())), "headers").fields().forEach((name, v) -> {
            if (v instanceof Json.Arr a) {
                List<String> values = new ArrayList<>();
                a.items().forEach(item -> values.add(text(item)));
                headers.put(name, values);
            } else {
                headers.put(name, List.of(text(v)));
            }
        });
        Map<String, String> query = new LinkedHashMap<>();
        obj(hs.fields().getOrDefault("query", new Json.Obj(Map.of())), "query").fields()
                .forEach((k, v) -> query.put(k, text(v)));
        Object auth = host.toJava(hs.fields().getOrDefault("auth", new Json.Obj(Map.of())));
        Object data = host.toJava(m.fields().getOrDefault("data", new Json.Obj(Map.of())));
        Set<String> rooms = new LinkedHashSet<>();
        if (m.fields().get("rooms") instanceof Json.Arr a) {
            a.items().forEach(r -> rooms.add(text(r)));
        }
        Handshake handshake = new Handshake(headers, query, auth instanceof Map<?, ?> am ? (Map<String, Object>) am : Map.of(),
                text(hs.fields().getOrDefault("time", new Json.Str(""))),
                hs.fields().get("issued") instanceof Json.Num n ? (long) n.value() : 0L,
                text(hs.fields().getOrDefault("url", new Json.Str(""))),
                text(hs.fields().getOrDefault("address", new Json.Str(""))),
                hs.fields().get("xdomain") instanceof Json.Bool x && x.value(),
                hs.fields().get("secure") instanceof Json.Bool s && s.value());
        return new SocketDetails(text(m.fields().get("id")), handshake, rooms,
                data instanceof Map<?, ?> dm ? (Map<String, Object>) dm : Map.of());
    }

    /**
     * The local sockets followed by those the other servers described, each list of descriptions
     * one server's answer; the application sees a malformed description as an {@link io.socketee.IoException}.
     */
    public static List<SocketDetails> withRemote(List<SocketDetails> local, List<Json.Arr> answers, NamespaceHost host) {
        List<SocketDetails> all = new ArrayList<>(local);
        for (Json.Arr answer : answers) {
            for (Json description : answer.items()) {
                try {
                    all.add(decode(description, host));
                } catch (ProtocolException e) {
                    throw new io.socketee.IoException(e.getMessage(), e);
                }
            }
        }
        return List.copyOf(all);
    }

    private static Json.Obj obj(Json v, String what) {
        if (v instanceof Json.Obj o) {
            return o;
        }
        throw new ProtocolException(CLUSTER, what + ": not an object");
    }

    /** A string as is, a number in its shortest decimal form (numeric room names from Node). */
    private static String text(Json v) {
        if (v instanceof Json.Str s) {
            return s.value();
        }
        if (v instanceof Json.Num n) {
            double d = n.value();
            return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
        }
        if (v == null || v instanceof Json.Null) {
            throw new ProtocolException(CLUSTER, "socket description: missing text");
        }
        return String.valueOf(v);
    }
}
