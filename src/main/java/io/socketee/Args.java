package io.socketee;

import java.lang.reflect.Type;
import java.util.List;

/**
 * The arguments of an event or acknowledgement received from a client: an unmodifiable list of
 * plain Java values, with typed access through JSON-B.
 *
 * <p>Values are {@code String}; {@code Long} for an integral number that fits, else
 * {@code Double}; {@code Boolean}; {@code null}; {@code Map<String, Object>} (keeping the sender's
 * key order); {@code List<Object>}; {@code byte[]} for a binary attachment. All are unmodifiable
 * except the {@code byte[]}, which is a fresh copy. Thread-safe.
 */
public interface Args extends List<Object> {

    /**
     * The argument at {@code index} as a {@code type}: the value itself when it already is one, a
     * numeric conversion between number types, else a JSON-B mapping of the value (binary leaves
     * appear to JSON-B as arrays of bytes). A missing argument reads as {@code null}.
     *
     * @throws IoException when the value cannot be converted
     */
    <T> T get(int index, Class<T> type);

    /** As {@link #get(int, Class)}, for a generic type such as {@code List<Point>}. */
    <T> T get(int index, Type type);
}
