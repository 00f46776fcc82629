package io.socketee.internal.engine;

/** Told of each new Engine.IO session once its handshake is done. */
@FunctionalInterface
public interface EngineListener {

    /** A session opened; set its handler before returning. */
    void onConnection(EngineSocket socket);
}
