package io.socketee;

import java.util.List;
import java.util.Map;

/**
 * The HTTP request that opens a new connection (an Engine.IO handshake), as the engine sees it:
 * what {@link AllowRequest} decides on and what {@link IdGenerator} makes an id for. Header
 * names are lower case.
 *
 * <p>Immutable and thread-safe.
 *
 * @param url the path and query string
 * @param query the query parameters (the last value of a repeated name, as in the reference)
 * @param headers the request headers
 * @param remoteAddress the client's address, when known, else empty
 * @param secure whether the request came over TLS
 */
public record ConnectionRequest(String url, Map<String, String> query, Map<String, List<String>> headers,
        String remoteAddress, boolean secure) {
}
