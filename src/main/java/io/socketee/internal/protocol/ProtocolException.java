package io.socketee.internal.protocol;

import io.socketee.IoException;

/**
 * Raised by every decoder in this package when its input is not a valid packet: the one typed
 * failure a codec may produce. The message says precisely what was wrong, for logs; the client
 * never sees it. Immutable and thread-safe.
 */
public final class ProtocolException extends IoException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with a precise description of the violation. */
    public ProtocolException(String message) {
        super(message);
    }
}
