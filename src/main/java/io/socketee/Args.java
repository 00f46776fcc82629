package io.socketee;

import java.lang.reflect.Type;
import java.util.List;
import java.util.Optional;

/**
 * The arguments of an event or acknowledgement received from a client: an unmodifiable list of
 * plain Java values, with typed access through JSON-B.
 *
 * <p>Values are {@code String}; {@code Long} for an integral number that fits, else
 * {@code Double}; {@code Boolean}; {@code null}; {@code Map<String, Object>} (keeping the sender's
 * key order); {@code List<Object>}; {@code byte[]} for a binary attachment. All are unmodifiable
 * except the {@code byte[]}, which is a fresh copy. Thread-safe.
 *
 * <p>A missing argument (the client sent fewer than asked for; {@code undefined} to the
 * reference server): {@link #get(int)} follows the {@link List} contract and throws an
 * {@link IndexOutOfBoundsException} naming the index and the size; {@link #get(int, Class)} reads
 * it as a {@code null} argument would be read, so that a handler sees {@code null} as a Node
 * handler sees {@code undefined}; {@link #find(int, Class)} answers empty. {@link #size()} tells
 * a missing argument from a {@code null} one.
 */
public interface Args extends List<Object> {

    /**
     * The argument at {@code index} as a {@code type}: the value itself when it already is one, a
     * numeric conversion between number types, else a JSON-B mapping of the value (binary leaves
     * appear to JSON-B as arrays of bytes). A missing argument ({@code index} not below
     * {@link #size()}) reads as a {@code null} argument: {@code null} for a reference type.
     *
     * @param <T> the type asked for
     * @param index the index, from 0
     * @param type the type
     * @return the argument at {@code index} as a {@code type}: the value itself when it already is one, a
     *     numeric conversion between number types, else a JSON-B mapping of the value (binary leaves appear to
     *     JSON-B as arrays of bytes)
     * @throws IoException when the value cannot be converted
     */
    <T> T get(int index, Class<T> type);

    /**
     * As {@link #get(int, Class)}, for a generic type such as {@code List<Point>}.
     * @param <T> the type asked for
     * @param index the index, from 0
     * @param type the type
     * @return the argument converted to {@code type}
     */
    <T> T get(int index, Type type);

    /**
     * The argument at {@code index} as a {@code type}, converted as {@link #get(int, Class)}
     * does; empty when it is missing or {@code null}.
     *
     * @param <T> the type asked for
     * @param index the index, from 0
     * @param type the type
     * @return the argument at {@code index} as a {@code type}, converted as {@link #get(int, Class)} does;
     *     empty when it is missing or {@code null}
     * @throws IoException when the value cannot be converted
     */
    default <T> Optional<T> find(int index, Class<T> type) {
        return index >= 0 && index < size() ? Optional.ofNullable(get(index, type)) : Optional.empty();
    }
}
