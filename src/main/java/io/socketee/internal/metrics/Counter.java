package io.socketee.internal.metrics;

/**
 * Every counter SocketEE reports, with its name (as exported, before the registry's own suffixes
 * such as Prometheus's {@code _total}), its one label key if it has one (empty otherwise) and its
 * description. The table in docs/operations.md lists the same names. Immutable.
 */
public enum Counter {
    ENGINE_HANDSHAKES("socketio_engine_handshakes", "transport",
            "Engine.IO sessions opened, by the transport of their handshake"),
    ENGINE_REFUSALS("socketio_engine_refusals", "reason",
            "Engine.IO requests refused with an error (unknown_sid, bad_request, forbidden, ...)"),
    ENGINE_UPGRADES("socketio_engine_upgrades", "", "sessions upgraded from polling to WebSocket"),
    ENGINE_MESSAGES_RECEIVED("socketio_engine_messages_received", "", "Engine.IO message packets received"),
    ENGINE_MESSAGES_SENT("socketio_engine_messages_sent", "", "Engine.IO message packets queued for clients"),
    ENGINE_BYTES_RECEIVED("socketio_engine_bytes_received", "",
            "payload of the message packets received (text counted in characters)"),
    ENGINE_BYTES_SENT("socketio_engine_bytes_sent", "",
            "payload of the message packets queued for clients (text counted in characters)"),
    ENGINE_DISCONNECTIONS("socketio_engine_disconnections", "reason",
            "Engine.IO sessions closed, by reason (transport close, ping timeout, transport error, ...)"),
    ENGINE_SLOW_CONSUMERS("socketio_engine_slow_consumers", "",
            "clients dropped because their output waited too long or grew too large (they count as transport error)"),
    PACKETS_DROPPED("socketio_packets_dropped", "reason",
            "packets not delivered: volatile (client not writable) or slow_consumer (its queue released)"),
    SOCKET_CONNECTIONS("socketio_socket_connections", "", "Socket.IO sockets connected to a namespace"),
    SOCKET_DISCONNECTIONS("socketio_socket_disconnections", "reason", "Socket.IO sockets disconnected, by reason"),
    BROADCASTS("socketio_broadcasts", "", "broadcasts sent from this server (to rooms, a namespace, everyone)"),
    BROADCAST_DELIVERIES("socketio_broadcast_deliveries", "", "sockets of this server a broadcast was sent to"),
    ACK_TIMEOUTS("socketio_ack_timeouts", "", "acknowledgements the server waited for in vain"),
    REDIS_PUBLISHES("socketio_redis_publishes", "", "messages published to Redis"),
    REDIS_MESSAGES_RECEIVED("socketio_redis_messages_received", "", "messages received from Redis"),
    REDIS_ERRORS("socketio_redis_errors", "", "failed publishes and malformed or failed messages"),
    REDIS_RECONNECTS("socketio_redis_reconnects", "", "subscriptions to Redis made again after it was away"),
    REDIS_REQUEST_TIMEOUTS("socketio_redis_request_timeouts", "",
            "requests to the other servers (fetchSockets, serverSideEmitWithAck, ...) that timed out");

    private final String metricName;
    private final String labelKey;
    private final String description;

    Counter(String metricName, String labelKey, String description) {
        this.metricName = metricName;
        this.labelKey = labelKey;
        this.description = description;
    }

    /** The exported name. */
    public String metricName() {
        return metricName;
    }

    /** The key of its one label, or empty when it has none. */
    public String labelKey() {
        return labelKey;
    }

    /** One line for the registry's help text. */
    public String description() {
        return description;
    }
}
