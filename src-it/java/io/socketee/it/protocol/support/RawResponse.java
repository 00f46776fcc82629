package io.socketee.it.protocol.support;

import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * One HTTP response as it came off the wire: status, headers and the undecoded body bytes.
 *
 * <p>Immutable (the body array is not copied: callers must not modify it); thread-safe.
 *
 * @param status  the HTTP status code
 * @param headers the response headers (names are case-insensitive)
 * @param body    the body bytes, empty when there was none
 */
public record RawResponse(int status, HttpHeaders headers, byte[] body) {

    /** The body decoded as UTF-8. */
    public String text() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** The first value of a header, if present. */
    public Optional<String> header(String name) {
        return headers.firstValue(name);
    }

    /** The first value of a header, or {@code "<absent>"} (handy in assertEquals). */
    public String headerOrAbsent(String name) {
        return headers.firstValue(name).orElse("<absent>");
    }

    @Override
    public String toString() {
        return status + " " + headers.map() + " " + Payloads.visible(text());
    }
}
