package io.socketee.internal.sio;

import io.socketee.internal.protocol.socketio.SocketIoParser;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Tells the log, once per server at WARNING (later at FINE), that a client spoke the other
 * Socket.IO parser and was disconnected, and what to change: without it such a client sees only
 * "transport close" and the server says nothing. Thread-safe.
 */
final class ParserMismatchLog {
    private static final Logger LOG = Logger.getLogger(ParserMismatchLog.class.getName());

    private final SocketIoParser expected;
    private final AtomicBoolean warned = new AtomicBoolean();

    ParserMismatchLog(SocketIoParser expected) {
        this.expected = expected;
    }

    /** Reports the refusal of connection {@code sid}, which sent what {@code detail} describes. */
    void report(String sid, String detail) {
        boolean first = warned.compareAndSet(false, true);
        LOG.log(first ? Level.WARNING : Level.FINE, () -> text(sid, detail, first));
    }

    /** The log line for a refusal (the first one says that later ones are logged at FINE only). */
    String text(String sid, String detail, boolean first) {
        String advice = expected == SocketIoParser.MSGPACK
                ? "this server has socketio.parser=msgpack, so its clients need socket.io-msgpack-parser"
                        + " (the client option parser, or the bundle socket.io.msgpack.min.js)"
                : "this server has socketio.parser=default; for clients with socket.io-msgpack-parser"
                        + " set socketio.parser=msgpack";
        return "Socket.IO parser mismatch: closed connection " + sid + ", which " + detail + "; " + advice
                + (first ? ". Said once; later mismatches are logged at FINE." : ".");
    }
}
