package io.socketee;

/**
 * The one unchecked root of every exception SocketEE throws.
 *
 * <p>Subclasses carry their meaning (a refused connection, an acknowledgement that timed out) so
 * that callers can tell them apart. Instances are immutable and thread-safe.
 */
public class IoException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception with a message.
     * @param message the message
     */
    public IoException(String message) {
        super(message);
    }

    /**
     * Creates an exception with a message and a cause.
     * @param message the message
     * @param cause the exception that caused this one
     */
    public IoException(String message, Throwable cause) {
        super(message, cause);
    }
}
