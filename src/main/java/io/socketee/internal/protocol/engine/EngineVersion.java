package io.socketee.internal.protocol.engine;

/** The Engine.IO protocol generation a client speaks, from the {@code EIO} query parameter. */
public enum EngineVersion {
    /** Engine.IO v3: socket.io 2.x clients. */
    V3,
    /** Engine.IO v4: socket.io 3.x and 4.x clients. */
    V4
}
