package io.socketee;

import java.util.Optional;

/**
 * Why a socket left its namespace, with the exact string the Node.js reference server reports.
 * Immutable and thread-safe.
 */
public enum DisconnectReason {
    /** The client closed the connection, or the transport was closed. */
    TRANSPORT_CLOSE("transport close"),
    /** The transport failed. */
    TRANSPORT_ERROR("transport error"),
    /** The client stopped answering pings in time. */
    PING_TIMEOUT("ping timeout"),
    /** The client sent an Engine.IO packet that could not be parsed. */
    PARSE_ERROR("parse error"),
    /** The server closed the connection, for example after an invalid Socket.IO packet. */
    FORCED_CLOSE("forced close"),
    /** The server is shutting down. */
    SERVER_SHUTTING_DOWN("server shutting down"),
    /** The client left the namespace (its {@code socket.disconnect()}). */
    CLIENT_NAMESPACE_DISCONNECT("client namespace disconnect"),
    /** The server removed the socket from the namespace ({@link Socket#disconnect(boolean)}). */
    SERVER_NAMESPACE_DISCONNECT("server namespace disconnect"),
    /** The server closed the whole connection, for example after a packet sent in a wrong state. */
    FORCED_SERVER_CLOSE("forced server close");

    private final String wireName;

    DisconnectReason(String wireName) {
        this.wireName = wireName;
    }

    /**
     * The reason as the reference server spells it, for example {@code "transport close"}.
     * @return the reason as the reference server spells it, for example {@code "transport close"}
     */
    public String wireName() {
        return wireName;
    }

    /**
     * The reason spelled {@code wireName}, if there is one.
     * @param wireName the name on the wire
     * @return the reason spelled {@code wireName}, if there is one
     */
    public static Optional<DisconnectReason> fromWireName(String wireName) {
        for (DisconnectReason r : values()) {
            if (r.wireName.equals(wireName)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return wireName;
    }
}
