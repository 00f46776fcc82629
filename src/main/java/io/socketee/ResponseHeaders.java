package io.socketee;

import java.util.Map;

/**
 * Adds headers to the HTTP responses of an engine path, like the reference server's
 * {@code initial_headers} and {@code headers} events: a load balancer's affinity cookie, say.
 * Provide one or more as CDI beans (any scope); each is called for the responses of its
 * {@link #path()}.
 *
 * <p>{@link #initialHeaders} is called for the response that opens a session: the polling
 * handshake, or the upgrade response of a WebSocket that opens one. {@link #headers} is called
 * after it for that response too, and for every other 200 response of a polling request (each
 * GET and POST) and every WebSocket upgrade response, as in the reference. Error responses get
 * neither. The map holds the headers already set (for polling: {@code Content-Type},
 * {@code Cache-Control}, CORS, the {@code socketio.cookie} {@code Set-Cookie}); a put replaces a
 * header of the same name written in the same case. One value per name.
 *
 * <p>Called on the thread that writes the response (a container thread, or SocketEE's worker
 * pool), with no lock held, possibly concurrently: implementations must be thread-safe and
 * quick.
 */
public interface ResponseHeaders {

    /**
     * Adds headers to the response that opens a session.
     *
     * @param request the HTTP request being answered
     * @param headers the response's headers, to change in place
     */
    default void initialHeaders(ConnectionRequest request, Map<String, String> headers) {
    }

    /**
     * Adds headers to every response of the path (polling, and WebSocket upgrades).
     *
     * @param request the HTTP request being answered
     * @param headers the response's headers, to change in place
     */
    default void headers(ConnectionRequest request, Map<String, String> headers) {
    }

    /**
     * The path whose responses get these headers: empty (the default) for the Socket.IO server
     * ({@code socketio.path}), else the value of an {@link io.socketee.engine.EngineIoEndpoint}.
     *
     * @return empty, or an {@code @EngineIoEndpoint} path
     */
    default String path() {
        return "";
    }
}
