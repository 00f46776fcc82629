package io.socketee.internal.adapter.redis.streams;

import java.util.Map;
import java.util.Objects;

/**
 * One entry of a Redis stream: its id ({@code <ms>-<seq>}) and its fields in order. Immutable
 * and thread-safe.
 *
 * @param id the entry id, the offset clients get
 * @param fields the field names and values
 */
public record StreamEntry(String id, Map<String, String> fields) {

    /** Copies the fields, keeping their order. */
    public StreamEntry {
        Objects.requireNonNull(id, "id");
        fields = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(fields));
    }
}
