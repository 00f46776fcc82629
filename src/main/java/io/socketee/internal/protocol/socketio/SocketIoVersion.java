package io.socketee.internal.protocol.socketio;

import io.socketee.internal.protocol.engine.EngineVersion;

/** The Socket.IO protocol revision a client speaks; it follows from the Engine.IO version. Immutable. */
public enum SocketIoVersion {
    /** Socket.IO protocol v4: socket.io 2.x clients, over Engine.IO v3. */
    V4,
    /** Socket.IO protocol v5: socket.io 3.x and 4.x clients, over Engine.IO v4. */
    V5;

    /** The revision spoken over the given Engine.IO version. */
    public static SocketIoVersion of(EngineVersion engine) {
        return engine == EngineVersion.V3 ? V4 : V5;
    }
}
