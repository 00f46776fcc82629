package io.socketee;

/**
 * Thrown by a {@link Namespace.ConnectionCheck} to refuse a connection: the client receives a
 * CONNECT_ERROR carrying this message and data. The same as its parent
 * {@link RejectedException}, which every kind of middleware may throw.
 *
 * <p>Immutable and thread-safe when its data is.
 */
public class ConnectionRefusedException extends RejectedException {
    private static final long serialVersionUID = 1L;

    /** Refuses with a message the client sees, and no data. */
    public ConnectionRefusedException(String message) {
        super(message);
    }

    /**
     * Refuses with a message and data the client sees.
     *
     * @param message the error message sent to the client
     * @param data sent to the client as the error's {@code data}; {@code null} for none
     */
    public ConnectionRefusedException(String message, Object data) {
        super(message, data);
    }
}
