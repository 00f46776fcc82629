package io.socketee.engine;

import io.socketee.ConnectionRequest;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One client of an {@link EngineIoEndpoint}. Thread-safe: send and close from any thread;
 * messages go out in the order of the calls.
 */
public interface EngineIoConnection {

    /**
     * The 20-character session id.
     * @return the 20-character session id
     */
    String id();

    /**
     * The Engine.IO protocol revision the client speaks.
     * @return the Engine.IO protocol revision the client speaks
     */
    ProtocolVersion protocol();

    /**
     * The current transport; it changes once, from polling to WebSocket, when the client upgrades.
     * @return the current transport; it changes once, from polling to WebSocket, when the client upgrades
     */
    Transport transport();

    /**
     * The query parameters of the handshake request (the last value of a repeated name, as in the reference).
     * @return the query parameters of the handshake request (the last value of a repeated name, as in the
     *     reference)
     */
    Map<String, String> query();

    /**
     * The headers of the handshake request, names in lower case.
     * @return the headers of the handshake request, names in lower case
     */
    Map<String, List<String>> headers();

    /**
     * The HTTP request that carried the message being handled, in {@link EngineIoHandler#onMessage}
     * or {@link EngineIoHandler#onBinary} of a message that came over HTTP long-polling (the
     * reference's {@code transport.dataReq}); empty over WebSocket and in the other callbacks.
     *
     * @return the polling request carrying the current message
     */
    default Optional<ConnectionRequest> currentRequest() {
        return Optional.empty();
    }

    /**
     * The client's IP address, when the container reports it, else empty.
     * @return the client's IP address, when the container reports it, else empty
     */
    String remoteAddress();

    /**
     * Sends a text message. Ignored once the connection is closing.
     * @param message the message
     */
    void send(String message);

    /**
     * Sends a binary message. Ignored once the connection is closing.
     * @param message the message
     */
    void send(byte[] message);

    /** Closes the connection after what is queued. */
    void close();

    /**
     * Whether the connection is open.
     * @return whether the connection is open
     */
    boolean isOpen();
}
