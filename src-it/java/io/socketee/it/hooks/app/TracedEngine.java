package io.socketee.it.hooks.app;

import io.socketee.engine.EngineIoConnection;
import io.socketee.engine.EngineIoEndpoint;
import io.socketee.engine.EngineIoHandler;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * A raw Engine.IO endpoint with settings of its own (heartbeat 4321 ms / 1234 ms, not the
 * shared socketio.* ones) that answers each message with the {@code X-Trace} header of the
 * polling request that carried it ("none" over WebSocket). Stateless and thread-safe.
 */
@ApplicationScoped
@EngineIoEndpoint(value = "/traced", pingInterval = 4321, pingTimeout = 1234)
public class TracedEngine implements EngineIoHandler {

    @Override
    public void onMessage(EngineIoConnection connection, String message) {
        connection.send("trace:" + connection.currentRequest()
                .map(r -> r.headers().getOrDefault("x-trace", java.util.List.of("absent")).get(0)).orElse("none"));
    }
}
