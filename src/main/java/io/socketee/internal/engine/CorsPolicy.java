package io.socketee.internal.engine;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Cross-origin rules for the polling transport, answering like the Node {@code cors} package the
 * reference server uses. Immutable and thread-safe.
 *
 * @param enabled whether any CORS header is written (the reference's default is off)
 * @param origins allowed origins; empty with {@code enabled} means every origin, reflected
 * @param credentials whether to send {@code Access-Control-Allow-Credentials: true}
 * @param methods the methods announced to preflight requests
 * @param allowedHeaders headers announced to preflight; empty means reflect the request's
 * @param maxAgeSeconds preflight cache lifetime, or -1 for none
 */
public record CorsPolicy(
        boolean enabled,
        Set<String> origins,
        boolean credentials,
        String methods,
        List<String> allowedHeaders,
        long maxAgeSeconds) {

    /** No CORS headers at all: the reference's default. */
    public static final CorsPolicy DISABLED =
            new CorsPolicy(false, Set.of(), false, "GET,HEAD,PUT,PATCH,POST,DELETE", List.of(), -1);

    public CorsPolicy {
        origins = Set.copyOf(origins);
        allowedHeaders = List.copyOf(allowedHeaders);
    }

    /** Every origin reflected, with or without credentials. */
    public static CorsPolicy reflectAll(boolean credentials) {
        return new CorsPolicy(true, Set.of(), credentials, DISABLED.methods, List.of(), -1);
    }

    /** The value for Access-Control-Allow-Origin, if this origin may be answered. */
    Optional<String> allowOrigin(Optional<String> requestOrigin) {
        if (!enabled) {
            return Optional.empty();
        }
        if (origins.isEmpty()) {
            return requestOrigin;
        }
        if (origins.contains("*")) {
            return Optional.of("*");
        }
        return requestOrigin.filter(origins::contains);
    }

    /** Adds the headers for an actual (non-preflight) request. */
    void addHeaders(HandshakeRequest req, Map<String, String> headers) {
        if (!enabled) {
            return;
        }
        Optional<String> origin = req.header("origin");
        allowOrigin(origin).ifPresent(o -> headers.put("Access-Control-Allow-Origin", o));
        if (!origins.contains("*") || origins.size() != 1) {
            headers.put("Vary", "Origin");
        }
        if (credentials) {
            headers.put("Access-Control-Allow-Credentials", "true");
        }
    }

    /** Adds the headers of a preflight (OPTIONS) answer. */
    void addPreflightHeaders(HandshakeRequest req, Map<String, String> headers) {
        addHeaders(req, headers);
        headers.put("Access-Control-Allow-Methods", methods);
        if (allowedHeaders.isEmpty()) {
            req.header("access-control-request-headers").ifPresent(h -> {
                headers.put("Access-Control-Allow-Headers", h);
                headers.merge("Vary", "Access-Control-Request-Headers", (a, b) -> a + ", " + b);
            });
        } else {
            headers.put("Access-Control-Allow-Headers", String.join(",", allowedHeaders));
        }
        if (maxAgeSeconds >= 0) {
            headers.put("Access-Control-Max-Age", Long.toString(maxAgeSeconds));
        }
        headers.put("Content-Length", "0");
    }
}
