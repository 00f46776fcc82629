package io.socketee.internal.engine;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One HTTP polling request as the engine sees it; the transport host (a servlet) implements it.
 *
 * <p>{@link #respond} may be called once, from any thread, also after {@link #suspend} or
 * {@link #readBody}: the host must then complete the request asynchronously, without parking a
 * thread while it waits.
 */
public interface PollingExchange {

    /** The HTTP method, upper case. */
    String method();

    /** The request as a handshake would record it (query, headers, address). */
    HandshakeRequest request();

    /** The Content-Type header, if any. */
    Optional<String> contentType();

    /**
     * Reads the whole body without holding the calling thread: returns at once, and
     * {@code done} gets the outcome later, from any thread, or before this method returns when
     * it is known at once (a declared length over {@code max}). No more than {@code max} bytes
     * are buffered: past them the host stops reading and reports {@link PostBody.TooLarge}. A
     * body still incomplete after {@code deadline} is {@link PostBody.Broken}.
     *
     * <p>Called at most once per request, on the thread that handles it, without any lock held.
     * {@code done} is called once, unless {@link #respond} came first: answering ends the
     * request, and with it the read.
     */
    void readBody(long max, Duration deadline, Consumer<PostBody> done);

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
