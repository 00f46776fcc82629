package io.socketee.internal.cdi;

import io.socketee.internal.engine.EngineServer;
import io.socketee.internal.transport.websocket.HandshakeAddresses;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One engine path of the application: the Socket.IO server's, or a raw Engine.IO endpoint's.
 * The engine itself is set once CDI is up. Thread-safe.
 *
 * @param path the path, starting with '/', without a trailing slash
 * @param engine the engine serving it, set at start and cleared at stop
 * @param rawHandler the {@code @EngineIoEndpoint} class, for a raw mount
 * @param addresses client addresses passed from the upgrade filter to the WebSocket handshake
 */
record Mount(String path, AtomicReference<EngineServer> engine, Optional<Class<?>> rawHandler,
        HandshakeAddresses addresses) {

    /** A mount not started yet. */
    Mount(String path, Optional<Class<?>> rawHandler) {
        this(path, new AtomicReference<>(), rawHandler, new HandshakeAddresses());
    }

    EngineServer started() {
        EngineServer e = engine.get();
        if (e == null) {
            throw new IllegalStateException("SocketEE is not started yet");
        }
        return e;
    }
}
