package io.socketee;

import java.util.Optional;

/**
 * Thrown by a {@link Namespace.Middleware} to refuse a connection: the client receives a
 * CONNECT_ERROR carrying this message and data, as an {@code Error} with {@code message} and
 * {@code data} would with the reference server.
 *
 * <p>Immutable and thread-safe when its data is.
 */
public class ConnectionRefusedException extends IoException {
    private static final long serialVersionUID = 1L;

    /** The data, kept out of serialization: it is meant for the client, not for logs. */
    private final transient Object data;

    /** Refuses with a message the client sees, and no data. */
    public ConnectionRefusedException(String message) {
        this(message, null);
    }

    /**
     * Refuses with a message and data the client sees.
     *
     * @param message the error message sent to the client
     * @param data sent to the client as the error's {@code data}, converted like an event argument
     *     (see {@link Socket#emit(String, Object...)}); {@code null} for none
     */
    public ConnectionRefusedException(String message, Object data) {
        super(message);
        this.data = data;
    }

    /** The data sent with the refusal, if any. */
    public Optional<Object> data() {
        return Optional.ofNullable(data);
    }
}
