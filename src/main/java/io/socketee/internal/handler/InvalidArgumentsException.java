package io.socketee.internal.handler;

import io.socketee.IoException;

/**
 * A packet's arguments do not convert to a handler's parameter types: the client's mistake, not
 * the application's. The client gets "invalid arguments" as its acknowledgement's error.
 * Immutable.
 */
final class InvalidArgumentsException extends IoException {
    private static final long serialVersionUID = 1L;

    InvalidArgumentsException(IoException cause) {
        super("invalid arguments", cause);
    }
}
