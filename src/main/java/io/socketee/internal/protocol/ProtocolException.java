package io.socketee.internal.protocol;

import java.util.Objects;

/**
 * Raised by every decoder when its input is not valid: the one typed failure a codec may
 * produce. It carries its {@link Kind}, the grammar that was broken and so what the receiving
 * layer does about it, as a WebSocket codec's error carries its close status; the message says
 * precisely what was wrong, for logs; the client never sees it. Immutable and thread-safe.
 *
 * <p>It is not an {@code io.socketee.IoException}: the codec knows nothing of the public API. A
 * layer that lets a protocol error reach the application wraps it in one.
 *
 * <p>It carries no stack trace: it is raised by remote input, so a peer sending malformed data
 * must not make the server walk its stack each time, and the message alone locates the fault.
 */
public final class ProtocolException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Which grammar the input broke, and what the layer that reads it does then. */
    public enum Kind {
        /** Not one valid JSON text, or one nested deeper than allowed. */
        JSON,
        /**
         * Not a valid Engine.IO packet, payload or UTF-8 text: the session is closed with the
         * Engine.IO reason "parse error", as the reference closes it.
         */
        ENGINE_IO,
        /**
         * Not a valid Socket.IO packet or attachment sequence (a bad JSON payload included): the
         * whole connection is closed, as the reference closes it.
         */
        SOCKET_IO,
        /**
         * A message of the other Socket.IO parser: text while {@code socketio.parser=msgpack}, or
         * a binary message shaped as a socket.io-msgpack-parser packet while the default parser
         * waits for no attachment. The connection is closed as for {@link #SOCKET_IO}, and the
         * server says in its log which parser it expects.
         */
        PARSER_MISMATCH,
        /**
         * Not a valid message between the servers of a cluster (msgpack, or a request, response,
         * broadcast or socket description of the Redis adapter): it is logged and dropped.
         */
        CLUSTER
    }

    private final Kind kind;

    /** Creates the exception with the grammar broken and a precise description of the violation. */
    public ProtocolException(Kind kind, String message) {
        super(message);
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    /** The grammar the input broke. */
    public Kind kind() {
        return kind;
    }

    /** Records no stack trace (see the class comment). */
    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
