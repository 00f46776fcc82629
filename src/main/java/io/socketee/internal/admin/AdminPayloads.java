package io.socketee.internal.admin;

import io.socketee.Handshake;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The payloads of the admin UI's events, in the shapes of {@code @socket.io/admin-ui} 0.5's
 * {@code ServerEvents} typings: plain maps and lists that the JSON mapper writes as they are.
 *
 * <p>Stateless and thread-safe.
 */
final class AdminPayloads {
    /** The key of socket data under which the admin UI's own facts about a socket travel. */
    static final String ADMIN_DATA = "_admin";

    /** JavaScript's {@code Date.prototype.toJSON}: UTC with milliseconds. */
    private static final DateTimeFormatter JS_DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private AdminPayloads() {
    }

    /** A date as the reference's {@code new Date()} reaches the UI. */
    static String date(Instant instant) {
        return JS_DATE.format(instant);
    }

    /** The {@code _admin} entry of a socket's data: the connection id's first 12 characters and the transport. */
    static Map<String, Object> adminData(String clientId, String transport) {
        Map<String, Object> admin = new LinkedHashMap<>();
        admin.put("clientId", clientId.substring(0, Math.min(12, clientId.length())));
        admin.put("transport", transport);
        return admin;
    }

    /**
     * A {@code SerializedSocket}: id, clientId, transport, nsp, data (without {@code _admin}),
     * handshake and rooms.
     */
    static Map<String, Object> socket(String id, String nsp, Map<String, Object> data, Handshake handshake,
            Collection<String> rooms) {
        Map<?, ?> admin = data.get(ADMIN_DATA) instanceof Map<?, ?> m ? m : Map.of();
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("id", id);
        s.put("clientId", admin.get("clientId"));
        s.put("transport", admin.get("transport"));
        s.put("nsp", nsp);
        s.put("data", withoutAdmin(data));
        s.put("handshake", handshake(handshake));
        s.put("rooms", List.copyOf(rooms));
        return s;
    }

    /** A socket's data as the UI shows it: without the {@code _admin} entry. */
    static Map<String, Object> withoutAdmin(Map<String, Object> data) {
        Map<String, Object> copy = new LinkedHashMap<>(data);
        copy.remove(ADMIN_DATA);
        return copy;
    }

    /**
     * The handshake as the reference serialises it: the client address (a proxy's
     * {@code cf-connecting-ip} or {@code x-forwarded-for} first), headers with repeated values
     * joined by ", " as Node does, the query, and the times; never the auth payload.
     */
    static Map<String, Object> handshake(Handshake h) {
        Map<String, Object> headers = new LinkedHashMap<>();
        h.headers().forEach((name, values) -> headers.put(name, String.join(", ", values)));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("address", h.header("cf-connecting-ip").or(() -> h.header("x-forwarded-for")).orElse(h.address()));
        out.put("headers", headers);
        out.put("query", new LinkedHashMap<>(h.query()));
        out.put("issued", h.issued());
        out.put("secure", h.secure());
        out.put("time", h.time());
        out.put("url", h.url());
        out.put("xdomain", h.xdomain());
        return out;
    }

    /** A {@code socket_updated} payload for a transport change: id, nsp and transport only. */
    static Map<String, Object> transportUpdate(String id, String nsp, String transport) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("id", id);
        s.put("nsp", nsp);
        s.put("transport", transport);
        return s;
    }

    /** The {@code config} payload: the features this server supports. */
    static Map<String, Object> config(List<String> supportedFeatures) {
        return Map.of("supportedFeatures", List.copyOf(supportedFeatures));
    }

    /**
     * The features, in the reference's order: none of the operations when read-only, the
     * aggregated events always, every event (sockets, rooms, events) in development mode.
     */
    static List<String> features(boolean readonly, boolean production) {
        List<String> features = new ArrayList<>();
        if (!readonly) {
            features.addAll(List.of("EMIT", "JOIN", "LEAVE", "DISCONNECT", "MJOIN", "MLEAVE", "MDISCONNECT"));
        }
        features.add("AGGREGATED_EVENTS");
        if (!production) {
            features.add("ALL_EVENTS");
        }
        return List.copyOf(features);
    }

    /** One namespace in {@code server_stats}: its name and its sockets on this server. */
    static Map<String, Object> namespace(String name, int socketsCount) {
        Map<String, Object> n = new LinkedHashMap<>();
        n.put("name", name);
        n.put("socketsCount", socketsCount);
        return n;
    }

    /**
     * The {@code server_stats} payload.
     *
     * @param identity serverId, hostname and pid
     * @param uptimeSeconds how long the process has run
     */
    static Map<String, Object> serverStats(ServerIdentity identity, double uptimeSeconds, int clientsCount,
            int pollingClientsCount, List<Map<String, Object>> aggregatedEvents, List<Map<String, Object>> namespaces) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("serverId", identity.serverId());
        s.put("hostname", identity.hostname());
        s.put("pid", identity.pid());
        s.put("uptime", uptimeSeconds);
        s.put("clientsCount", clientsCount);
        s.put("pollingClientsCount", pollingClientsCount);
        s.put("aggregatedEvents", aggregatedEvents);
        s.put("namespaces", namespaces);
        return s;
    }

    /**
     * Who this server is in the UI.
     *
     * @param serverId its name in the UI (the configured one, else the host name)
     * @param hostname the host name
     * @param pid the process id
     */
    record ServerIdentity(String serverId, String hostname, long pid) {
    }
}
