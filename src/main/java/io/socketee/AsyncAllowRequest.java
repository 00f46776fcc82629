package io.socketee;

import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * {@link AllowRequest} for a check that takes time (a call to another service): the answer comes
 * in a {@link CompletionStage}, and no container thread waits for it while a polling handshake is
 * decided (the request is suspended). Like the reference's {@code allowRequest(req, callback)}: a
 * refused handshake gets HTTP 403 with {@code {"code":4,"message":"<your message>"}}.
 *
 * <p>A stage that fails, or is still incomplete after {@code socketio.allowRequestTimeout}
 * (10 s by default), refuses with the message "Forbidden". A WebSocket that opens a session
 * (no polling first) is checked before the container upgrades it, and the container's upgrade
 * API is synchronous: that container thread does wait, up to the same deadline. A refused
 * WebSocket gets HTTP 400 with the message as text, as in the reference.
 *
 * <p>Provide one as a CDI bean (any scope). Called for each handshake, possibly concurrently:
 * implementations must be thread-safe, and should return at once. One check (of either kind) per
 * path; see {@link AllowRequest#path()}.
 */
@FunctionalInterface
public interface AsyncAllowRequest {

    /**
     * Decides on a handshake.
     *
     * @param request the handshake request
     * @return a stage completing with empty to allow, or with the refusal message
     */
    CompletionStage<Optional<String>> refuse(ConnectionRequest request);

    /**
     * The path whose handshakes this check decides, as {@link AllowRequest#path()}.
     *
     * @return empty for the Socket.IO server, or an {@code @EngineIoEndpoint} path
     */
    default String path() {
        return "";
    }
}
