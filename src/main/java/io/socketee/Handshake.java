package io.socketee;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The details of the connection with which a socket joined its namespace, as the reference
 * server's {@code socket.handshake}. Immutable and thread-safe.
 *
 * @param headers the HTTP headers of the request that opened the connection, names in lower case
 * @param query the query parameters of that request (the last value of a repeated name, as in the reference)
 * @param auth the authentication payload the client sent when joining the namespace (empty when
 *     none); values as described in {@link Args}. Socket.IO 2 clients send query parameters of
 *     the namespace instead, which appear here as strings (a list of strings when repeated)
 * @param time when the socket was created, formatted like JavaScript's {@code Date.toString()}
 * @param issued when the socket was created, in milliseconds since the epoch
 * @param url the request path with its query string
 * @param address the client's IP address
 * @param xdomain whether the request carried an {@code Origin} header
 * @param secure whether the request came over TLS
 */
public record Handshake(
        Map<String, List<String>> headers,
        Map<String, String> query,
        Map<String, Object> auth,
        String time,
        long issued,
        String url,
        String address,
        boolean xdomain,
        boolean secure) {

    /**
     * Copies the headers, the query and the auth payload into unmodifiable maps.
     *
     * @param headers see {@link #headers()}
     * @param query see {@link #query()}
     * @param auth see {@link #auth()}
     * @param time see {@link #time()}
     * @param issued see {@link #issued()}
     * @param url see {@link #url()}
     * @param address see {@link #address()}
     * @param xdomain see {@link #xdomain()}
     * @param secure see {@link #secure()}
     */
    public Handshake {
        headers = Map.copyOf(headers);
        query = Map.copyOf(query);
        auth = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(auth));
    }

    /**
     * The first value of a header, name in any case, if present.
     * @param name the name
     * @return the first value of a header, name in any case, if present
     */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }
}
