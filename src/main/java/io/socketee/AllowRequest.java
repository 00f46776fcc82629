package io.socketee;

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
     * @return empty to allow, or the refusal message
     */
    Optional<String> refuse(ConnectionRequest request);

    /**
     * The path whose handshakes this check decides: empty (the default) for the Socket.IO server
     * ({@code socketio.path}), else the value of an {@link io.socketee.engine.EngineIoEndpoint},
     * such as {@code "/engine.io"}.
     *
     * @return empty, or an {@code @EngineIoEndpoint} path
     */
    default String path() {
        return "";
    }
}
