package io.socketee.internal.transport;

import io.socketee.internal.engine.HandshakeRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Builds {@link HandshakeRequest}s from what a container hands over. Stateless, thread-safe. */
public final class Requests {
    private Requests() {
    }

    /** Parses a raw query string; the last value of a repeated name wins, as in the reference. */
    public static Map<String, String> parseQuery(String raw) {
        Map<String, String> query = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return query;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            query.put(name, value);
        }
        return query;
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }

    /** Lower-cases header names and copies the values. */
    public static Map<String, List<String>> normaliseHeaders(Map<String, List<String>> raw) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        raw.forEach((k, v) -> {
            if (k != null) {
                headers.merge(k.toLowerCase(Locale.ROOT), List.copyOf(v), (a, b) -> {
                    List<String> all = new java.util.ArrayList<>(a);
                    all.addAll(b);
                    return Collections.unmodifiableList(all);
                });
            }
        });
        return headers;
    }

    /** A handshake request from its parts. */
    public static HandshakeRequest of(String path, String rawQuery, Map<String, List<String>> headers,
            String remoteAddress, boolean secure, Object httpSession) {
        String url = rawQuery == null || rawQuery.isEmpty() ? path : path + "?" + rawQuery;
        return new HandshakeRequest(url, parseQuery(rawQuery), normaliseHeaders(headers),
                remoteAddress == null ? "" : remoteAddress, secure, Instant.now(),
                Optional.ofNullable(httpSession));
    }

    /** Whether {@code request} opens a session (it has no session id), and so needs its caller. */
    public static boolean opensSession(HandshakeRequest request) {
        return !request.query().containsKey("sid");
    }
}
