package io.socketee.it.clients;

import java.util.List;

/**
 * How a client reaches the server: polling only, WebSocket only, or polling upgraded to WebSocket.
 *
 * <p>Immutable and thread-safe.
 */
public enum TransportMode {
    /** HTTP long-polling only. */
    POLLING("polling", List.of("polling"), "polling"),
    /** WebSocket from the first request. */
    WEBSOCKET("websocket", List.of("websocket"), "websocket"),
    /** Opens with polling, then upgrades to WebSocket. */
    UPGRADE("upgrade", List.of("polling", "websocket"), "websocket");

    private final String id;
    private final List<String> transports;
    private final String finalTransport;

    TransportMode(String id, List<String> transports, String finalTransport) {
        this.id = id;
        this.transports = transports;
        this.finalTransport = finalTransport;
    }

    /** The mode's name, as client-scenarios.js takes it. */
    public String id() {
        return id;
    }

    /** The Engine.IO transports the client may use, in order. */
    public List<String> transports() {
        return transports;
    }

    /** The transport the client opens with. */
    public String initialTransport() {
        return transports.get(0);
    }

    /** The transport the client must end on. */
    public String finalTransport() {
        return finalTransport;
    }

    /** Whether the client must upgrade. */
    public boolean upgrades() {
        return this == UPGRADE;
    }
}
