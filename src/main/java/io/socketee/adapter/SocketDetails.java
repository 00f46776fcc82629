package io.socketee.adapter;

import io.socketee.Handshake;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What {@link Adapter#fetchSockets} reports of one socket, local or on another server: the
 * reference's {@code SocketDetails}. Immutable and thread-safe (a snapshot).
 *
 * @param id the socket id
 * @param handshake how the socket connected
 * @param rooms its rooms when fetched, its own id first
 * @param data a snapshot of its application data
 */
public record SocketDetails(String id, Handshake handshake, Set<String> rooms, Map<String, Object> data) {

    /**
     * Copies the rooms and the data into unmodifiable ones, keeping their order; the id and handshake must not be null.
     *
     * @param id see {@link #id()}
     * @param handshake see {@link #handshake()}
     * @param rooms see {@link #rooms()}
     * @param data see {@link #data()}
     */
    public SocketDetails {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(handshake, "handshake");
        rooms = java.util.Collections.unmodifiableSet(new java.util.LinkedHashSet<>(rooms));
        data = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(data));
    }
}
