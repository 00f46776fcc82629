package io.socketee.internal.metrics;

import java.util.List;

/**
 * Every gauge SocketEE reports: a value read from the live state when the registry asks (no
 * bookkeeping on the hot path), with its name and label keys. Immutable.
 */
public enum Gauge {
    SOCKETS_CONNECTED("socketio_sockets_connected", List.of("namespace"), "Socket.IO sockets connected now"),
    ENGINE_CONNECTIONS("socketio_engine_connections", List.of("transport", "protocol"),
            "open Engine.IO sessions, by current transport and Engine.IO protocol version");

    private final String metricName;
    private final List<String> labelKeys;
    private final String description;

    Gauge(String metricName, List<String> labelKeys, String description) {
        this.metricName = metricName;
        this.labelKeys = labelKeys;
        this.description = description;
    }

    /** The exported name. */
    public String metricName() {
        return metricName;
    }

    /** The keys of its labels, in the order values are given. */
    public List<String> labelKeys() {
        return labelKeys;
    }

    /** One line for the registry's help text. */
    public String description() {
        return description;
    }
}
