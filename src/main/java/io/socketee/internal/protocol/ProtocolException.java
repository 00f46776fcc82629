package io.socketee.internal.protocol;

import io.socketee.IoException;

/**
 * Raised by every decoder in this package when its input is not a valid packet: the one typed
 * failure a codec may produce. The message says precisely what was wrong, for logs; the client
 * never sees it. Immutable and thread-safe.
 *
 * <p>It carries no stack trace: it is raised by remote input, so a peer sending malformed data
 * must not make the server walk its stack each time, and the message alone locates the fault.
 */
public final class ProtocolException extends IoException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with a precise description of the violation. */
    public ProtocolException(String message) {
        super(message);
    }

    /** Records no stack trace (see the class comment). */
    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
