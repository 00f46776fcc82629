package io.socketee;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decides whether a new Engine.IO session may open, like the reference server's
 * {@code allowRequest} option: a refused handshake gets HTTP 403 with
 * {@code {"code":4,"message":"<your message>"}} and no session is created. Provide one as a CDI
 * bean (any scope); without one, every handshake is allowed.
 *
 * <p>Called for each handshake on a container thread, possibly concurrently: implementations must
 * be thread-safe and quick.
 */
@FunctionalInterface
public interface AllowRequest {

    /**
     * Returns empty to allow the handshake, or the message to refuse it with.
     *
     * @param request the handshake request
     */
    Optional<String> refuse(Request request);

    /**
     * The handshake request as the engine sees it. Header names are lower case.
     *
     * @param url the path and query string
     * @param query the query parameters (the last value of a repeated name, as in the reference)
     * @param headers the request headers
     * @param remoteAddress the client's address, when known, else empty
     * @param secure whether the request came over TLS
     */
    record Request(String url, Map<String, String> query, Map<String, List<String>> headers,
            String remoteAddress, boolean secure) {
    }
}
