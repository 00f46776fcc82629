package io.socketee;

/**
 * Answers one event whose sender asked for an acknowledgement.
 *
 * <p>Thread-safe; only the first call sends anything, later calls are ignored. The arguments
 * follow the rules of {@link Socket#emit(String, Object...)}.
 */
@FunctionalInterface
public interface Ack {

    /**
     * Sends the acknowledgement with these arguments (none is fine).
     * @param args the arguments, each a JSON value, {@code byte[]} or a record
     */
    void send(Object... args);
}
