package io.socketee.internal.engine;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * One HTTP polling request as the engine sees it; the transport host (a servlet) implements it.
 *
 * <p>{@link #respond} may be called once, from any thread, also after {@link #suspend}: the host
 * must then complete the request asynchronously, without parking a thread while it waits.
 */
public interface PollingExchange {

    /** The HTTP method, upper case. */
    String method();

    /** The request as a handshake would record it (query, headers, address). */
    HandshakeRequest request();

    /** The Content-Type header, if any. */
    Optional<String> contentType();

    /**
     * Reads the whole body, refusing to buffer more than {@code max} bytes.
     *
     * @return the body, or empty when it is larger than {@code max}
     * @throws IOException when the client went away
     */
    Optional<byte[]> readBody(long max) throws IOException;

    /**
     * Keeps the request open after the calling thread returns (a long-poll GET).
     *
     * @param timeout when to give up waiting
     * @param onTimeout run once if the timeout passes first
     * @param onDisconnect run once if the client goes away first
     */
    void suspend(Duration timeout, Runnable onTimeout, Runnable onDisconnect);

    /** Sends the response and ends the request. Later calls are ignored. */
    void respond(int status, Map<String, String> headers, byte[] body);
}
