package io.socketee.internal.engine;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the engine knows of the HTTP request that opened a session. Header names are lower case.
 * Immutable and thread-safe.
 *
 * @param url the request path with its query string, as the client sent it
 * @param query the decoded query parameters (the last value of a repeated name, as in the reference)
 * @param headers the request headers, names in lower case
 * @param remoteAddress the peer's IP address
 * @param secure whether the request came over TLS
 * @param time when the request arrived
 * @param httpSession the servlet HTTP session of the request, if one existed (an opaque object
 *     here: the engine knows nothing of Jakarta)
 * @param caller who the container authenticated for the request, {@link Caller#ANONYMOUS} if nobody
 */
public record HandshakeRequest(
        String url,
        Map<String, String> query,
        Map<String, List<String>> headers,
        String remoteAddress,
        boolean secure,
        Instant time,
        Optional<Object> httpSession,
        Caller caller) {

    public HandshakeRequest {
        query = Map.copyOf(query);
        headers = Map.copyOf(headers);
        java.util.Objects.requireNonNull(caller, "caller");
    }

    /** A request nobody was authenticated for. */
    public HandshakeRequest(String url, Map<String, String> query, Map<String, List<String>> headers,
            String remoteAddress, boolean secure, Instant time, Optional<Object> httpSession) {
        this(url, query, headers, remoteAddress, secure, time, httpSession, Caller.ANONYMOUS);
    }

    /** This request with {@code caller} as who sent it. */
    public HandshakeRequest withCaller(Caller caller) {
        return new HandshakeRequest(url, query, headers, remoteAddress, secure, time, httpSession, caller);
    }

    /** The first value of a header (name in any case), if present. */
    public Optional<String> header(String name) {
        List<String> v = headers.get(name.toLowerCase(java.util.Locale.ROOT));
        return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v.get(0));
    }
}
