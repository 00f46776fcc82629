package io.socketee;

import java.util.Optional;

/**
 * Thrown by middleware to refuse: a connection (the client receives a CONNECT_ERROR with this
 * message and data, as an {@code Error} with {@code message} and {@code data} would with the
 * reference server), or a packet (the client is told as {@link io.socketee.middleware.PacketMiddleware}
 * describes). The one exception middleware throw to say no.
 *
 * <p>Immutable and thread-safe when its data is.
 */
public class RejectedException extends IoException {
    private static final long serialVersionUID = 1L;

    /** The data, kept out of serialization: it is meant for the client, not for logs. */
    private final transient Object data;

    /**
     * Refuses with a message the client sees, and no data.
     * @param message the message
     */
    public RejectedException(String message) {
        this(message, null);
    }

    /**
     * Refuses with a message and data the client sees.
     *
     * @param message the error message sent to the client
     * @param data sent to the client as the error's {@code data}, converted like an event argument
     *     (see {@link Socket#emit(String, Object...)}); {@code null} for none
     */
    public RejectedException(String message, Object data) {
        super(message);
        this.data = data;
    }

    /**
     * The data sent with the refusal, if any.
     * @return the data sent with the refusal, if any
     */
    public Optional<Object> data() {
        return Optional.ofNullable(data);
    }
}
