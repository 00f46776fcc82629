package io.socketee.adapter;

import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What connection state recovery keeps of a socket that dropped: the reference's
 * {@code {sid, pid, rooms, data}}. Immutable and thread-safe (a snapshot).
 *
 * @param sid the socket id, restored as it was
 * @param pid the private session id the client presents to recover
 * @param rooms its rooms, its own id first
 * @param data its application data
 */
public record SessionSnapshot(String sid, String pid, Set<String> rooms, Map<String, Object> data) {

    /**
     * Copies the rooms and the data into unmodifiable ones, keeping their order; the ids must not be null.
     *
     * @param sid see {@link #sid()}
     * @param pid see {@link #pid()}
     * @param rooms see {@link #rooms()}
     * @param data see {@link #data()}
     */
    public SessionSnapshot {
        Objects.requireNonNull(sid, "sid");
        Objects.requireNonNull(pid, "pid");
        rooms = java.util.Collections.unmodifiableSet(new java.util.LinkedHashSet<>(rooms));
        data = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(data));
    }
}
