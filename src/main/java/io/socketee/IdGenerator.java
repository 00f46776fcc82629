package io.socketee;

/**
 * Makes the id of each new connection (the Engine.IO session id; Socket.IO 2 clients also see it
 * as their socket id in "/"), like the reference's {@code io.engine.generateId = (req) => ...} and
 * egg-socket.io's {@code generateId}. Provide one as a CDI bean (any scope); without one, ids are
 * 15 random bytes in URL-safe base64.
 *
 * <p>Ids should be 20 URL-safe characters ({@code [A-Za-z0-9_-]}), the shape cluster peers (Node
 * servers included) rely on: SocketEE warns at deployment ({@code SOCKETEE-BOOT-008}) and at the
 * first bad id otherwise. An id that is empty, in use or thrown for is asked for again, and after a
 * few tries replaced by a random one. Called on a container thread, possibly concurrently:
 * implementations must be thread-safe, quick, and unguessable when the id is all that identifies
 * a connection.
 */
@FunctionalInterface
public interface IdGenerator {

    /**
     * The id of the connection {@code request} opens.
     * @param request the handshake request opening the connection
     * @return the id of the connection {@code request} opens
     */
    String generateId(ConnectionRequest request);
}
