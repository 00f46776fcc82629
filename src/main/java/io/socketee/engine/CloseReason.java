package io.socketee.engine;

import java.util.Arrays;
import java.util.Optional;

/**
 * Why an {@link EngineIoConnection} closed, with the exact string the Node.js reference
 * Engine.IO server reports (as {@link io.socketee.DisconnectReason} is for Socket.IO). Immutable
 * and thread-safe.
 */
public enum CloseReason {
    /** The client closed the connection, or the transport was closed. */
    TRANSPORT_CLOSE("transport close"),
    /** The transport failed, or the client stopped reading what was sent. */
    TRANSPORT_ERROR("transport error"),
    /** The client stopped answering pings in time. */
    PING_TIMEOUT("ping timeout"),
    /** The client sent a packet that could not be parsed. */
    PARSE_ERROR("parse error"),
    /** The server closed the connection ({@link EngineIoConnection#close()}, or shutdown). */
    FORCED_CLOSE("forced close");

    private final String wireName;

    CloseReason(String wireName) {
        this.wireName = wireName;
    }

    /**
     * The reason as the reference server spells it, for example {@code "ping timeout"}.
     * @return the reason as the reference server spells it, for example {@code "ping timeout"}
     */
    public String wireName() {
        return wireName;
    }

    /**
     * The reason spelled {@code wireName}, if there is one.
     * @param wireName the name on the wire
     * @return the reason spelled {@code wireName}, if there is one
     */
    public static Optional<CloseReason> fromWireName(String wireName) {
        return Arrays.stream(values()).filter(r -> r.wireName.equals(wireName)).findFirst();
    }

    @Override
    public String toString() {
        return wireName;
    }
}
